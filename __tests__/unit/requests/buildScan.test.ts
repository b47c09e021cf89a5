import { where } from '../../../lib/expressions/conditions';
import { buildScan } from '../../../lib/requests/buildScan';
import { compileSchema } from '../../../lib/schema/compileSchema';
import { checkQueryOptions, checkScanOptions } from '../../../lib/validation/checkQueryOptions';
import { EdgeData, StatusQueryData } from '../../fixtures/models';
import { aliasesIn, rawTextIn } from './placeholdersOnly';

const status = compileSchema(StatusQueryData);
const edge = compileSchema(EdgeData);

describe('buildScan', () => {
  it('scans the table with nothing more than its name', () => {
    expect(buildScan(status, 'status-table', checkScanOptions(status, undefined, new Map()))).toEqual({
      TableName: 'status-table',
    });
  });

  it('serialises filter and projection with placeholders only, names with reserved words, dots, dashes and spaces included', () => {
    const plan = checkScanOptions(
      edge,
      {
        filter: where('status')
          .eq('name')
          .and(where('first-name').beginsWith('a.b'), where('x y').ne('x y'), where(['map', 'a.b']).exists()),
        projection: ['a.b', 'name', 'first-name'],
        limit: 4,
      },
      new Map(),
    );
    const input = buildScan(edge, 'edge-table', plan);
    expect(rawTextIn(input.FilterExpression, input.ProjectionExpression)).toBe('');
    const { names, values } = aliasesIn(input.FilterExpression, input.ProjectionExpression);
    expect(Object.keys(input.ExpressionAttributeNames ?? {}).sort()).toEqual(names);
    expect(Object.keys(input.ExpressionAttributeValues ?? {}).sort()).toEqual(values);
    expect(Object.values(input.ExpressionAttributeNames ?? {})).toEqual(
      expect.arrayContaining(['status', 'first-name', 'x y', 'map', 'a.b', 'name', 'id']),
    );
    expect(input.Limit).toBeUndefined(); // limit caps what is yielded; pageSize is DynamoDB's Limit
  });

  it('encodes a beginsWith prefix of a Date attribute as the string it is', () => {
    const input = buildScan(
      edge,
      'edge-table',
      checkScanOptions(edge, { filter: where('when').beginsWith('2026-') }, new Map()),
    );
    expect(input).toMatchObject({
      FilterExpression: 'begins_with(#n0, :v0)',
      ExpressionAttributeValues: { ':v0': { S: '2026-' } },
    });
  });

  it('reads one segment of a parallel scan, on an index, eventually or strongly consistent', () => {
    const plan = checkScanOptions(status, { segments: 4, index: 'byName', pageSize: 9 }, new Map());
    expect(buildScan(status, 't', plan, 3)).toEqual({
      TableName: 't',
      IndexName: 'byName',
      Limit: 9,
      Segment: 3,
      TotalSegments: 4,
    });
    expect(buildScan(status, 't', checkScanOptions(status, { consistent: true }, new Map()))).toEqual({
      TableName: 't',
      ConsistentRead: true,
    });
  });

  it('refuses a segment outside the plan, and the plan of a query (programming errors)', () => {
    const plan = checkScanOptions(status, { segments: 2 }, new Map());
    expect(() => buildScan(status, 't', plan, 2)).toThrow(/segment 2/);
    expect(() => buildScan(status, 't', checkQueryOptions(status, { request_id: 'r' }, {}, new Map()))).toThrow(
      /plan of a scan/,
    );
  });
});
