import { BatchGetItemCommand, ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  Attribute,
  CreatedAt,
  PartitionKey,
  RecordValidationError,
  Repository,
  Table,
  TableNotFoundError,
  Version,
} from '../../lib';
import { batchGet } from '../../lib/repository/batchGet';
import { batchWrite } from '../../lib/repository/batchWrite';
import { Pipeline } from '../../lib/pipeline/Pipeline';
import { compileSchema } from '../../lib/schema/compileSchema';
import { EventData, PhoneData, RELATIONSHIPS } from '../fixtures/models';
import { engines, uniqueTableName } from '../helpers/engines';
import { processNothing, resetConnectionFor, withholdHalf } from '../helpers/batchFaults';
import { recordingClient } from '../helpers/recordRequests';

// Project-level testTimeout is ignored by jest (it is a global option), so this file sets its own.
jest.setTimeout(180_000);

const phone = compileSchema(PhoneData);

/** A model whose version and creation time the library maintains. */
@Table({ name: 'batch-versioned-table' })
class VersionedNote {
  @PartitionKey() id!: string;
  @Attribute() text!: string;
  @Version() version?: number;
  @CreatedAt() created_at?: Date;
}

function person(id: number, name = `Person ${id}`): PhoneData {
  return Object.assign(new PhoneData(), {
    person_id: id,
    name,
    phone_number: `555-${String(id).padStart(5, '0')}`,
    relationship: RELATIONSHIPS[id % RELATIONSHIPS.length]!,
    timestamp: '2026-11-24T10:00:00Z',
  });
}

const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, index) => from + index);
const idsOf = (records: readonly PhoneData[]): number[] => records.map((record) => record.person_id);

/** Counts a table's items with a raw, paginated `Select: COUNT` scan: no library code involved. */
async function countItems(client: DynamoDBClient, tableName: string): Promise<number> {
  let count = 0;
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: tableName, Select: 'COUNT', ConsistentRead: true, ExclusiveStartKey: start }),
    );
    count += page.Count ?? 0;
    start = page.LastEvaluatedKey;
  } while (start);
  return count;
}

describe.each(engines)('batches on $name', (engine) => {
  const faultyClients: DynamoDBClient[] = [];

  afterEach(() => {
    for (const client of faultyClients.splice(0)) client.destroy();
  });

  async function newTable(prefix: string): Promise<string> {
    const repo = new Repository(PhoneData, { client: engine.client(), tableName: uniqueTableName(prefix) });
    await repo.createTable();
    return repo.tableName;
  }

  /** A client of its own that records every command it sends; destroyed after the test. */
  function ownClient(): { client: DynamoDBClient; sent: string[] } {
    const recording = recordingClient(engine.endpoint);
    faultyClients.push(recording.client);
    return recording;
  }

  /** The error a request on a missing table ends with: the typed TableNotFoundError, the engine's error as cause. */
  const missingTable = (table: string): unknown =>
    expect.objectContaining({
      constructor: TableNotFoundError,
      tableNames: [table],
      cause: expect.objectContaining({ name: 'ResourceNotFoundException' }),
    });

  const sentCount = (sent: readonly string[], command: string): number =>
    sent.filter((name) => name === command).length;

  describe('batchGet', () => {
    let tableName: string;

    beforeAll(async () => {
      tableName = await newTable('batch_get');
      const { unprocessed, errors } = await batchWrite(new Pipeline(engine.client()), phone, tableName, {
        put: range(0, 200).map((id) => person(id)),
      });
      expect({ unprocessed, errors }).toEqual({ unprocessed: { put: [], delete: [] }, errors: [] });
    });

    it('reads 250 ids in 3 requests; missing ids are absent; records follow the order of the ids', async () => {
      const { client, sent } = ownClient();
      const ids = range(0, 250).reverse(); // 249..0: ids 200..249 do not exist
      const { records, unprocessed, errors } = await batchGet(new Pipeline(client), phone, tableName, ids);
      expect(sentCount(sent, 'BatchGetItemCommand')).toBe(3);
      expect(idsOf(records)).toEqual(range(0, 200).reverse());
      expect(records.every((record) => record instanceof PhoneData)).toBe(true);
      expect({ ...records[0] }).toEqual({ ...person(199) });
      expect(unprocessed).toEqual([]);
      expect(errors).toEqual([]);
    });

    it('reads a repeated id once (DynamoDB rejects a request listing a key twice)', async () => {
      const { records } = await batchGet(
        new Pipeline(engine.client()),
        phone,
        tableName,
        [5, 7, 5, { person_id: 7 }, 6, 999],
        {
          consistent: true,
        },
      );
      expect(idsOf(records)).toEqual([5, 7, 6]);
      await expect(
        engine.client().send(
          new BatchGetItemCommand({
            RequestItems: { [tableName]: { Keys: [{ person_id: { N: '5' } }, { person_id: { N: '5' } }] } },
          }),
        ),
      ).rejects.toThrow(/duplicate/i);
    });

    it('reads nothing for no ids', async () => {
      const { client, sent } = ownClient();
      await expect(batchGet(new Pipeline(client), phone, tableName, [])).resolves.toEqual({
        records: [],
        unprocessed: [],
        errors: [],
      });
      expect(sent).toEqual([]);
    });

    it('rejects bad ids all at once, by index, before any request', async () => {
      const { client, sent } = ownClient();
      const ids = [1, '2', 3, { person_id: 4, name: 'x' }, null] as never[];
      const error = await batchGet(new Pipeline(client), phone, tableName, ids).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RecordValidationError);
      expect((error as RecordValidationError).issues.map((issue) => issue.attribute)).toEqual([
        'ids[1].person_id',
        'ids[3].name',
        'ids[4].person_id',
      ]);
      await expect(batchGet(new Pipeline(client), phone, tableName, [1], { concurrency: 0 })).rejects.toThrow(
        /concurrency \(number\) must be a whole number/,
      );
      expect(sent).toEqual([]);
    });

    it('retries UnprocessedKeys until every key is read', async () => {
      const { client, sent } = ownClient();
      withholdHalf(client, 'BatchGetItemCommand', 4);
      const { records, unprocessed } = await batchGet(new Pipeline(client), phone, tableName, range(0, 250));
      expect(idsOf(records)).toEqual(range(0, 200));
      expect(unprocessed).toEqual([]);
      expect(sentCount(sent, 'BatchGetItemCommand')).toBeGreaterThanOrEqual(3 + 4);
    });

    it('reports every key still unprocessed after maxRetries, in bounded time', async () => {
      const { client, sent } = ownClient();
      processNothing(client, 'BatchGetItemCommand');
      const started = Date.now();
      const { records, unprocessed, errors } = await batchGet(new Pipeline(client), phone, tableName, range(0, 150), {
        maxRetries: 3,
      });
      expect(Date.now() - started).toBeLessThan(2000); // at most 50 + 100 + 200 ms of backoff per request
      expect(records).toEqual([]);
      expect(unprocessed).toHaveLength(150);
      expect(unprocessed.map((key) => key['person_id'])).toEqual(range(0, 150));
      expect(errors).toEqual([]);
      expect(sentCount(sent, 'BatchGetItemCommand')).toBe(2 * (1 + 3));
    });

    it("reports a reset request's keys as unprocessed, with the error, and returns the other requests' records", async () => {
      const { client } = ownClient();
      resetConnectionFor(client, 'BatchGetItemCommand', 120); // the second request: ids 100..199
      const { records, unprocessed, errors } = await batchGet(new Pipeline(client), phone, tableName, range(0, 250));
      expect(idsOf(records)).toEqual(range(0, 100));
      expect(unprocessed).toEqual(range(100, 100).map((id) => ({ person_id: id })));
      expect(errors).toEqual([expect.objectContaining({ name: 'TimeoutError', code: 'ECONNRESET' })]);
    });

    it("reports every key as unprocessed, with the engine's error per request, when every request fails (a missing table)", async () => {
      const missing = uniqueTableName('missing');
      const result = await batchGet(new Pipeline(engine.client()), phone, missing, range(0, 150));
      expect(result).toEqual({
        records: [],
        unprocessed: range(0, 150).map((id) => ({ person_id: id })),
        errors: [missingTable(missing), missingTable(missing)],
      });
    });
  });

  describe('batchWrite', () => {
    it('writes 10,000 records: a raw scan counts exactly 10,000', async () => {
      const tableName = await newTable('batch_10k');
      const records = range(0, 10_000).map((id) => person(id));
      const started = Date.now();
      const { unprocessed, errors } = await batchWrite(
        new Pipeline(engine.client()),
        phone,
        tableName,
        { put: records },
        { concurrency: 8 },
      );
      const elapsed = Date.now() - started;
      console.log(`batchWrite of 10,000 records on ${engine.name}: ${elapsed} ms`);
      expect(unprocessed).toEqual({ put: [], delete: [] });
      expect(errors).toEqual([]);
      expect(await countItems(engine.client(), tableName)).toBe(10_000);
      const { records: sample } = await batchGet(new Pipeline(engine.client()), phone, tableName, [0, 4_321, 9_999]);
      expect(sample.map((record) => ({ ...record }))).toEqual([0, 4_321, 9_999].map((id) => ({ ...person(id) })));
    });

    it('puts and deletes in one batch; a put overwrites an existing record', async () => {
      const tableName = await newTable('batch_mixed');
      await batchWrite(new Pipeline(engine.client()), phone, tableName, { put: range(0, 30).map((id) => person(id)) });
      const { client, sent } = ownClient();
      const put = [
        ...range(30, 20).map((id) => person(id)),
        ...range(0, 5).map((id) => ({ ...person(id), name: 'Renamed' })),
      ];
      const result = await batchWrite(new Pipeline(client), phone, tableName, {
        put,
        delete: [...range(20, 10), 1_000],
      });
      expect(result).toEqual({ unprocessed: { put: [], delete: [] }, errors: [] });
      expect(sentCount(sent, 'BatchWriteItemCommand')).toBe(2); // 25 puts + 11 deletes, 25 per request
      expect(await countItems(engine.client(), tableName)).toBe(40);
      const { records } = await batchGet(new Pipeline(engine.client()), phone, tableName, range(0, 60));
      expect(idsOf(records)).toEqual([...range(0, 20), ...range(30, 20)]);
      expect(records.slice(0, 6).map((record) => record.name)).toEqual([
        'Renamed',
        'Renamed',
        'Renamed',
        'Renamed',
        'Renamed',
        'Person 5',
      ]);
    });

    it('works with composite keys: unprocessed deletes come back as { partition, sort } ids', async () => {
      const events = new Repository(EventData, { client: engine.client(), tableName: uniqueTableName('batch_events') });
      await events.createTable();
      const schema = compileSchema(EventData);
      const put = range(0, 30).map((at) => ({ device_id: at % 2 === 0 ? 'even' : 'odd', at, kind: 'tick' }));
      await batchWrite(new Pipeline(engine.client()), schema, events.tableName, { put });
      const { records } = await batchGet(new Pipeline(engine.client()), schema, events.tableName, [
        { device_id: 'odd', at: 3 },
        { device_id: 'even', at: 3 },
      ]);
      expect(records.map((record) => ({ ...record }))).toEqual([{ device_id: 'odd', at: 3, kind: 'tick' }]);
      const { client } = ownClient();
      processNothing(client, 'BatchWriteItemCommand');
      const { unprocessed } = await batchWrite(
        new Pipeline(client),
        schema,
        events.tableName,
        { delete: [{ device_id: 'odd', at: 3 }] },
        { maxRetries: 0 },
      );
      expect(unprocessed.delete).toEqual([{ device_id: 'odd', at: 3 }]);
    });

    it('gives puts the lifecycle values createRecord sets, and refuses a version given by the caller', async () => {
      const notes = new Repository(VersionedNote, {
        client: engine.client(),
        tableName: uniqueTableName('batch_versioned'),
      });
      await notes.createTable();
      const schema = compileSchema(VersionedNote);
      const before = Date.now();
      await batchWrite(new Pipeline(engine.client()), schema, notes.tableName, {
        put: [
          { id: 'a', text: 'x' },
          { id: 'b', text: 'y' },
        ],
      });
      const { records } = await batchGet(new Pipeline(engine.client()), schema, notes.tableName, ['a', 'b']);
      expect(records.map((record) => record.version)).toEqual([1, 1]);
      expect(
        records.every((record) => record.created_at instanceof Date && record.created_at.getTime() >= before - 1000),
      ).toBe(true);
      await expect(
        batchWrite(new Pipeline(engine.client()), schema, notes.tableName, {
          put: [{ id: 'a', text: 'x', version: 7 }],
        }),
      ).rejects.toMatchObject({
        issues: [expect.objectContaining({ attribute: 'put[0].version' })],
      });
    });

    it('rejects every invalid record and id at once, by index, and sends nothing', async () => {
      const tableName = await newTable('batch_invalid');
      const { client, sent } = ownClient();
      const put = [
        person(1),
        person(2),
        { ...person(3), relationship: 'ENEMY' },
        { ...person(4), name: undefined },
        'nonsense',
      ];
      const error = await batchWrite(new Pipeline(client), phone, tableName, {
        put: put as never[],
        delete: [5, 'six'],
      }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RecordValidationError);
      expect((error as RecordValidationError).issues.map((issue) => issue.attribute)).toEqual([
        'put[2].relationship',
        'put[3].name',
        'put[4]',
        'delete[1].person_id',
      ]);
      expect(sent).toEqual([]);
      expect(await countItems(engine.client(), tableName)).toBe(0);
    });

    it('rejects two operations on one key, naming the key attribute (values in the issue), and sends nothing', async () => {
      const tableName = await newTable('batch_duplicates');
      const { client, sent } = ownClient();
      const error = await batchWrite(new Pipeline(client), phone, tableName, {
        put: [person(1), person(2), person(1, 'Twin')],
        delete: [3, 2],
      }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RecordValidationError);
      expect((error as RecordValidationError).issues).toEqual([
        expect.objectContaining({ attribute: 'put[2]', received: 'key', key: { person_id: 1 } }),
        expect.objectContaining({ attribute: 'delete[1]', received: 'key', key: { person_id: 2 } }),
      ]);
      expect((error as Error).message).toContain(
        'put[2] (key) has the same person_id as put[0] (one operation per key in a batch write)',
      );
      expect(sent).toEqual([]);
      expect(await countItems(engine.client(), tableName)).toBe(0);
    });

    it('retries UnprocessedItems with backoff until every record is written', async () => {
      const tableName = await newTable('batch_retry');
      const { client, sent } = ownClient();
      withholdHalf(client, 'BatchWriteItemCommand', 6);
      const { unprocessed, errors } = await batchWrite(new Pipeline(client), phone, tableName, {
        put: range(0, 60).map((id) => person(id)),
        delete: [999],
      });
      expect({ unprocessed, errors }).toEqual({ unprocessed: { put: [], delete: [] }, errors: [] });
      expect(sentCount(sent, 'BatchWriteItemCommand')).toBeGreaterThanOrEqual(3 + 6);
      expect(await countItems(engine.client(), tableName)).toBe(60);
    });

    it('reports every record still unprocessed after maxRetries, in bounded time, and writes none', async () => {
      const tableName = await newTable('batch_stuck');
      const { client, sent } = ownClient();
      processNothing(client, 'BatchWriteItemCommand');
      const started = Date.now();
      const { unprocessed, errors } = await batchWrite(
        new Pipeline(client),
        phone,
        tableName,
        { put: range(0, 40).map((id) => person(id)), delete: [100, 101] },
        { maxRetries: 3 },
      );
      expect(Date.now() - started).toBeLessThan(2000);
      expect(idsOf(unprocessed.put)).toEqual(range(0, 40));
      expect(unprocessed.put.every((record) => record instanceof PhoneData)).toBe(true);
      expect({ ...unprocessed.put[7] }).toEqual({ ...person(7) });
      expect(unprocessed.delete).toEqual([{ person_id: 100 }, { person_id: 101 }]);
      expect(errors).toEqual([]);
      expect(sentCount(sent, 'BatchWriteItemCommand')).toBe(2 * (1 + 3));
      expect(await countItems(engine.client(), tableName)).toBe(0);
    });

    it("reports a reset request's records as unprocessed, with the error; the other requests are written", async () => {
      const tableName = await newTable('batch_reset');
      const { client } = ownClient();
      resetConnectionFor(client, 'BatchWriteItemCommand', 30); // the second request: ids 25..49
      const { unprocessed, errors } = await batchWrite(new Pipeline(client), phone, tableName, {
        put: range(0, 75).map((id) => person(id)),
      });
      expect(idsOf(unprocessed.put)).toEqual(range(25, 25));
      expect(unprocessed.delete).toEqual([]);
      expect(errors).toEqual([expect.objectContaining({ name: 'TimeoutError', code: 'ECONNRESET' })]);
      expect(await countItems(engine.client(), tableName)).toBe(50);
      const { records } = await batchGet(new Pipeline(engine.client()), phone, tableName, range(0, 75));
      expect(idsOf(records)).toEqual([...range(0, 25), ...range(50, 25)]);
    });

    it("reports every item as unprocessed, with the engine's error per request, when every request fails (a missing table); sends nothing for no items", async () => {
      const records = range(0, 30).map((id) => person(id));
      const missing = uniqueTableName('missing');
      const result = await batchWrite(new Pipeline(engine.client()), phone, missing, {
        put: records,
        delete: [100, 101, 102],
      });
      expect(result).toEqual({
        unprocessed: { put: records, delete: [{ person_id: 100 }, { person_id: 101 }, { person_id: 102 }] },
        errors: [missingTable(missing), missingTable(missing)],
      });
      expect(result.unprocessed.put.every((record) => record instanceof PhoneData)).toBe(true);
      const { client, sent } = ownClient();
      await expect(batchWrite(new Pipeline(client), phone, uniqueTableName('missing'), {})).resolves.toEqual({
        unprocessed: { put: [], delete: [] },
        errors: [],
      });
      expect(sent).toEqual([]);
    });
  });
});
