import type { GlobalSecondaryIndexDescription, Projection, TableDescription } from '@aws-sdk/client-dynamodb';
import { PartitionKey, SchemaError, Table, Ttl } from '../../../lib';
import {
  checkExistingIndex,
  checkKeySchema,
  compareTable,
  throwConflicts,
} from '../../../lib/repository/checkTableDescription';
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

describe('compareTable', () => {
  const phonebook = (overrides: Partial<TableDescription> = {}): TableDescription => ({
    TableName: 'status-query-table',
    KeySchema: [{ AttributeName: 'request_id', KeyType: 'HASH' }],
    AttributeDefinitions: [
      { AttributeName: 'request_id', AttributeType: 'S' },
      { AttributeName: 'status', AttributeType: 'S' },
      { AttributeName: 'timestamp', AttributeType: 'S' },
      { AttributeName: 'name', AttributeType: 'S' },
    ],
    BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
    GlobalSecondaryIndexes: [
      tableWith(byStatus, { ProjectionType: 'ALL' }).GlobalSecondaryIndexes![0]!,
      tableWith(byName, { ProjectionType: 'INCLUDE', NonKeyAttributes: ['status'] }).GlobalSecondaryIndexes![0]!,
    ],
    ...overrides,
  });
  const statusOf = (fields: ReturnType<typeof compareTable>) =>
    Object.fromEntries(fields.map((field) => [field.field, field.status]));

  it('finds every field equal on the table createTable makes', () => {
    expect(statusOf(compareTable(statuses, phonebook(), { TimeToLiveStatus: 'DISABLED' }))).toEqual({
      keys: 'equal',
      'attribute request_id': 'equal',
      'attribute status': 'equal',
      'attribute timestamp': 'equal',
      'attribute name': 'equal',
      'index byStatus': 'equal',
      'index byStatus projection': 'equal',
      'index byName': 'equal',
      'index byName projection': 'equal',
      billing: 'equal',
      stream: 'equal',
      TTL: 'equal',
    });
  });

  it('tells what createTable adds, what it keeps and what it refuses', () => {
    const table = phonebook({
      GlobalSecondaryIndexes: [
        tableWith(byName, { ProjectionType: 'ALL' }).GlobalSecondaryIndexes![0]!,
        { ...tableWith(byStatus, { ProjectionType: 'ALL' }).GlobalSecondaryIndexes![0]!, IndexName: 'legacy' },
      ],
      AttributeDefinitions: [{ AttributeName: 'request_id', AttributeType: 'N' }],
      BillingModeSummary: undefined,
      ProvisionedThroughput: { ReadCapacityUnits: 4, WriteCapacityUnits: 2 },
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' },
    });
    const fields = compareTable(statuses, table, { TimeToLiveStatus: 'ENABLED', AttributeName: 'purge_at' });
    expect(statusOf(fields)).toEqual({
      keys: 'equal',
      'attribute request_id': 'conflict',
      'index byStatus': 'add',
      'index byName': 'equal',
      'index byName projection': 'kept',
      'index legacy': 'kept',
      billing: 'kept',
      stream: 'kept',
      TTL: 'kept',
    });
    expect(fields.find((field) => field.field === 'billing')).toMatchObject({
      declared: 'on demand',
      live: 'provisioned (4 read, 2 write)',
      remedy: expect.stringMatching(/BillingMode PAY_PER_REQUEST/),
    });
    expect(fields.find((field) => field.field === 'index byName projection')).toMatchObject({
      declared: 'INCLUDE (status)',
      live: 'ALL',
    });
  });

  it('adds a declared stream and TTL that are off, and refuses another view type or TTL attribute', () => {
    @Table({ name: 'jobs', stream: 'NEW_IMAGE' })
    class Job {
      @PartitionKey() id!: string;
      @Ttl() expires_at?: Date;
    }
    const jobs = compileSchema(Job);
    const table: TableDescription = {
      TableName: 'jobs',
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
    };
    expect(statusOf(compareTable(jobs, table, { TimeToLiveStatus: 'DISABLED' }))).toMatchObject({
      stream: 'add',
      TTL: 'add',
    });
    expect(statusOf(compareTable(jobs, table, 'unknown'))).toMatchObject({ TTL: 'add' });
    const other = compareTable(
      jobs,
      { ...table, StreamSpecification: { StreamEnabled: true, StreamViewType: 'OLD_IMAGE' } },
      { TimeToLiveStatus: 'ENABLED', AttributeName: 'purge_at' },
    );
    expect(other.filter((field) => field.status === 'conflict').map((field) => field.reason)).toEqual([
      "table jobs has a OLD_IMAGE stream, but the model declares NEW_IMAGE: DynamoDB changes a stream's view type only by disabling the stream and enabling a new one.",
      '@Ttl: table jobs has TTL on purge_at already; DynamoDB allows one TTL attribute.',
    ]);
    expect(() => throwConflicts(jobs, other)).toThrow(/OLD_IMAGE stream.*TTL on purge_at/);
  });
});
