import { and, not, or, where } from '../../../lib/expressions/conditions';
import { buildQuery } from '../../../lib/requests/buildQuery';
import { compileSchema } from '../../../lib/schema/compileSchema';
import { checkQueryOptions, checkScanOptions } from '../../../lib/validation/checkQueryOptions';
import type { QueryOptions } from '../../../lib/repository/readOptions';
import { IndexedEventData, StatusQueryData } from '../../fixtures/models';
import { aliasesIn, rawTextIn } from './placeholdersOnly';

const status = compileSchema(StatusQueryData);
const events = compileSchema(IndexedEventData);
const query = (key: object, options?: QueryOptions<StatusQueryData>) =>
  buildQuery(status, 'status-table', checkQueryOptions(status, key, options, new Map()));

describe('buildQuery', () => {
  it('queries the table by its partition key', () => {
    expect(query({ request_id: 'r1' })).toEqual({
      TableName: 'status-table',
      KeyConditionExpression: '#n0 = :v0',
      ExpressionAttributeNames: { '#n0': 'request_id' },
      ExpressionAttributeValues: { ':v0': { S: 'r1' } },
    });
  });

  it('shares one context between key condition, filter and projection: placeholders only, every alias defined', () => {
    const input = query(
      { status: 'STARTED' },
      {
        index: 'byStatus',
        sortKey: where('timestamp').between('2026-01', '2026-02'),
        filter: and(
          or(where('name').eq('name'), where('tags').contains('status')),
          not(where('note').exists()),
          where('name').size().gt(3),
          where('retries').in([1, 2]),
        ),
        projection: ['name', 'status', 'note'],
        reverse: true,
        pageSize: 7,
      },
    );
    expect(input).toMatchObject({
      TableName: 'status-table',
      IndexName: 'byStatus',
      ScanIndexForward: false,
      Limit: 7,
    });
    const expressions = [input.KeyConditionExpression, input.FilterExpression, input.ProjectionExpression];
    expect(rawTextIn(...expressions)).toBe('');
    for (const raw of ['status', 'STARTED', 'timestamp', '2026', 'name', 'note', 'tags', 'retries']) {
      for (const expression of expressions) expect(expression).not.toContain(raw);
    }
    const { names, values } = aliasesIn(...expressions);
    expect(Object.keys(input.ExpressionAttributeNames ?? {}).sort()).toEqual(names);
    expect(Object.keys(input.ExpressionAttributeValues ?? {}).sort()).toEqual(values);
    expect(input.KeyConditionExpression).toBe('#n0 = :v0 AND #n1 BETWEEN :v1 AND :v2');
    // a name keeps its alias across the three expressions
    expect(new Set(Object.values(input.ExpressionAttributeNames ?? {})).size).toBe(
      Object.keys(input.ExpressionAttributeNames ?? {}).length,
    );
  });

  it('fetches the key attributes with a projection (for cursors): table keys and index keys', () => {
    const input = query({ status: 'SUCCESS' }, { index: 'byStatus', projection: ['name'] });
    const names = input.ExpressionAttributeNames ?? {};
    const projected = (input.ProjectionExpression ?? '').split(', ').map((alias) => names[alias]);
    expect(projected).toEqual(['name', 'request_id', 'status', 'timestamp']);
  });

  it.each([
    [where('at').eq(3), '#n1 = :v1', { N: '3' }],
    [where('at').lt(3), '#n1 < :v1', { N: '3' }],
    [where('at').le(3), '#n1 <= :v1', { N: '3' }],
    [where('at').gt(3), '#n1 > :v1', { N: '3' }],
    [where('at').ge(3), '#n1 >= :v1', { N: '3' }],
  ])('takes a key condition on a number sort key', (sortKey, expected, value) => {
    const input = buildQuery(events, 'events', checkQueryOptions(events, { device_id: 'd' }, { sortKey }, new Map()));
    expect(input.KeyConditionExpression).toBe(`#n0 = :v0 AND ${expected}`);
    expect(input.ExpressionAttributeValues?.[':v1']).toEqual(value);
  });

  it('takes beginsWith on a binary local index sort key, with a strongly consistent read', () => {
    const prefix = new Uint8Array([1, 2]);
    const input = buildQuery(
      events,
      'events',
      checkQueryOptions(
        events,
        { device_id: 'd' },
        { index: 'byDigest', sortKey: where('digest').beginsWith(prefix), consistent: true },
        new Map(),
      ),
    );
    expect(input).toMatchObject({
      IndexName: 'byDigest',
      ConsistentRead: true,
      KeyConditionExpression: '#n0 = :v0 AND begins_with(#n1, :v1)',
    });
    expect(input.ExpressionAttributeValues?.[':v1']).toEqual({ B: prefix });
  });

  it('refuses the plan of a scan (a programming error)', () => {
    expect(() => buildQuery(status, 't', checkScanOptions(status, {}, new Map()))).toThrow(/plan of a query/);
  });
});
