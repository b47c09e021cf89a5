import type { GlobalSecondaryIndexDescription, Projection, TableDescription } from '@aws-sdk/client-dynamodb';
import { SchemaError } from '../../../lib';
import { checkExistingIndex, checkKeySchema } from '../../../lib/repository/checkTableDescription';
import { compileSchema } from '../../../lib/schema/compileSchema';
import type { CompiledIndex } from '../../../lib/schema/CompiledSchema';
import { IndexedEventData, StatusQueryData } from '../../fixtures/models';

// What an existing table's description must show for the library to adopt it; what an engine
// actually describes is tested on the engines (tables.test.ts).

const statuses = compileSchema(StatusQueryData);
const byStatus = statuses.indexes.get('byStatus') as CompiledIndex; // ALL
const byName = statuses.indexes.get('byName') as CompiledIndex; // INCLUDE (status)

function tableWith(index: CompiledIndex, projection: Projection): TableDescription {
  const live: GlobalSecondaryIndexDescription = {
    IndexName: index.name,
    KeySchema: [
      { AttributeName: index.partitionKey.name, KeyType: 'HASH' },
      ...(index.sortKey ? [{ AttributeName: index.sortKey.name, KeyType: 'RANGE' as const }] : []),
    ],
    Projection: projection,
  };
  return {
    TableName: 'status-query-table',
    KeySchema: [{ AttributeName: 'request_id', KeyType: 'HASH' }],
    GlobalSecondaryIndexes: [live],
  };
}

function caught(check: () => void): unknown {
  try {
    check();
  } catch (error) {
    return error;
  }
  return undefined;
}

describe('checkExistingIndex', () => {
  it.each<[string, CompiledIndex, Projection, RegExp]>([
    [
      'KEYS_ONLY where ALL is declared',
      byStatus,
      { ProjectionType: 'KEYS_ONLY' },
      /index byStatus of table status-query-table exists with projection KEYS_ONLY, but the model declares ALL/,
    ],
    [
      'an INCLUDE list where ALL is declared',
      byStatus,
      { ProjectionType: 'INCLUDE', NonKeyAttributes: ['name', 'note'] },
      /projection INCLUDE \(name, note\), but the model declares ALL/,
    ],
    [
      'KEYS_ONLY where an INCLUDE list is declared',
      byName,
      { ProjectionType: 'KEYS_ONLY' },
      /index byName .*projection KEYS_ONLY, but the model declares INCLUDE \(status\): records read through it would lack status\./,
    ],
    [
      'an INCLUDE list missing a declared attribute',
      byName,
      { ProjectionType: 'INCLUDE', NonKeyAttributes: ['note'] },
      /projection INCLUDE \(note\), but the model declares INCLUDE \(status\): records read through it would lack status\./,
    ],
  ])('refuses an index storing less than declared: %s', (_, index, projection, message) => {
    const error = caught(() => checkExistingIndex(statuses, tableWith(index, projection), index));
    expect(error).toBeInstanceOf(SchemaError);
    expect(error).toMatchObject({ modelName: 'StatusQueryData' });
    expect((error as Error).message).toMatch(message);
  });

  it.each<[string, CompiledIndex, Projection]>([
    ['ALL for ALL', byStatus, { ProjectionType: 'ALL' }],
    ['ALL for an INCLUDE list', byName, { ProjectionType: 'ALL' }],
    ['a longer INCLUDE list', byName, { ProjectionType: 'INCLUDE', NonKeyAttributes: ['note', 'status'] }],
  ])('adopts an index storing at least what is declared: %s', (_, index, projection) => {
    expect(() => checkExistingIndex(statuses, tableWith(index, projection), index)).not.toThrow();
  });

  it('adopts any projection where KEYS_ONLY is declared', () => {
    const events = compileSchema(IndexedEventData);
    const byDigest = events.indexes.get('byDigest') as CompiledIndex;
    for (const projection of [{ ProjectionType: 'KEYS_ONLY' }, { ProjectionType: 'ALL' }] as const) {
      const table: TableDescription = {
        TableName: 'indexed-events-table',
        LocalSecondaryIndexes: [
          {
            IndexName: 'byDigest',
            KeySchema: [
              { AttributeName: 'device_id', KeyType: 'HASH' },
              { AttributeName: 'digest', KeyType: 'RANGE' },
            ],
            Projection: projection,
          },
        ],
      };
      expect(() => checkExistingIndex(events, table, byDigest)).not.toThrow();
    }
  });

  it('finds a local index among the local ones, and still compares its keys', () => {
    const events = compileSchema(IndexedEventData);
    const byTimestamp = events.indexes.get('byTimestamp') as CompiledIndex;
    const table = (sortKey: string): TableDescription => ({
      TableName: 'indexed-events-table',
      LocalSecondaryIndexes: [
        {
          IndexName: 'byTimestamp',
          KeySchema: [
            { AttributeName: 'device_id', KeyType: 'HASH' },
            { AttributeName: sortKey, KeyType: 'RANGE' },
          ],
          Projection: { ProjectionType: 'ALL' },
        },
      ],
    });
    expect(() => checkExistingIndex(events, table('timestamp'), byTimestamp)).not.toThrow();
    expect(() => checkExistingIndex(events, table('kind'), byTimestamp)).toThrow(
      /index byTimestamp of table indexed-events-table exists with key schema \(device_id HASH, kind RANGE\), but the model declares \(device_id HASH, timestamp RANGE\)/,
    );
  });

  it('compares the keys before the projection', () => {
    const table = tableWith({ ...byName, name: 'byStatus' }, { ProjectionType: 'KEYS_ONLY' });
    expect(() => checkExistingIndex(statuses, table, byStatus)).toThrow(
      /index byStatus .*key schema \(name HASH\), but the model declares \(status HASH, timestamp RANGE\)/,
    );
  });
});

describe('checkKeySchema', () => {
  it("names both key schemas when the table's differ from the model's", () => {
    const table: TableDescription = {
      TableName: 'status-query-table',
      KeySchema: [
        { AttributeName: 'at', KeyType: 'RANGE' },
        { AttributeName: 'request_id', KeyType: 'HASH' },
      ],
    };
    expect(() => checkKeySchema(statuses, table)).toThrow(
      /table status-query-table exists with key schema \(request_id HASH, at RANGE\), but the model declares \(request_id HASH\)/,
    );
    expect(() => checkKeySchema(statuses, { ...table, KeySchema: [table.KeySchema![1]!] })).not.toThrow();
  });
});
