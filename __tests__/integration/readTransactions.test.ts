import 'reflect-metadata';
import {
  CreateTableCommand,
  PutItemCommand,
  TransactGetItemsCommand,
  type DynamoDBClient,
  type TransactGetItemsCommandOutput,
} from '@aws-sdk/client-dynamodb';
import {
  add,
  Attribute,
  PartitionKey,
  readTransaction,
  type ReadTransaction,
  RecordValidationError,
  Repository,
  StoredValueError,
  Table,
  transaction,
  TransactionActionError,
  TransactionCanceledError,
  UnsupportedCapabilityError,
  Version,
} from '../../lib';
import { StatusData } from '../fixtures/models';
import { engines, uniqueTableName } from '../helpers/engines';
import { recordingClient } from '../helpers/recordRequests';
import { faultyTransportClient } from '../helpers/transportFaults';

jest.setTimeout(120_000);

@Table({ name: 'read-wallet-table' })
class WalletData {
  @PartitionKey() wallet_id!: string;
  @Attribute() owner!: string;
  @Attribute() balance!: number;
  @Version() version!: number;
}

const status = (request_id: string) => ({ request_id, status: 'STARTED' as const, timestamp: '2026-11-24T10:00:00Z' });
const wallet = (wallet_id: string, balance: number) => ({ wallet_id, owner: 'ada', balance });

/**
 * TransactGetItems cancelled by a write under way on its first item, as DynamoDB answers it: the body's
 * members as DynamoDB Local sends them for a cancellation (captured once from its answer to a
 * TransactWriteItems whose conditions failed), with the codes and message AWS documents for a conflict.
 */
const CONFLICT_ON_FIRST_GET = {
  statusCode: 400,
  type: 'TransactionCanceledException',
  message: 'Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict, None]',
  fields: {
    CancellationReasons: [
      { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' },
      { Code: 'None' },
    ],
    Message:
      'Transaction cancelled, please refer cancellation reasons for specific reasons [TransactionConflict, None]',
  },
};

describe.each(engines)('read transactions on $name', (engine) => {
  let statuses: Repository<StatusData>;
  let wallets: Repository<WalletData>;
  const ownClients: DynamoDBClient[] = [];

  beforeAll(async () => {
    statuses = new Repository(StatusData, { client: engine.client(), tableName: uniqueTableName('rtx_status') });
    wallets = new Repository(WalletData, { client: engine.client(), tableName: uniqueTableName('rtx_wallet') });
    await Promise.all([statuses.createTable(), wallets.createTable()]);
  });

  afterEach(() => {
    for (const client of ownClients.splice(0)) client.destroy();
  });

  /** A client of its own that records every command, and repositories on it for the same tables. */
  function recording() {
    const { client, sent } = recordingClient(engine.endpoint);
    ownClients.push(client);
    return {
      client,
      sent,
      statuses: new Repository(StatusData, { client, tableName: statuses.tableName }),
      wallets: new Repository(WalletData, { client, tableName: wallets.tableName }),
    };
  }

  describe('validation, before anything is sent', () => {
    it('every bad id is named under gets[i], as getRecord names it', async () => {
      const rec = recording();
      const error = await readTransaction(rec.client)
        .get(rec.statuses, 'fine')
        .get(rec.wallets, 7)
        .get(rec.statuses, { request_id: 'r', extra: 1 })
        .get({} as never, 'x')
        .commit()
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RecordValidationError);
      expect(error).toMatchObject({ modelName: 'ReadTransaction' });
      expect((error as RecordValidationError).issues.map((issue) => issue.attribute)).toEqual([
        'gets[1].wallet_id',
        'gets[2].extra',
        'gets[3].repository',
      ]);
      expect(rec.sent).toEqual([]);
    });

    it('101 gets, or none, are refused naming the count', async () => {
      const rec = recording();
      let many: ReadTransaction<readonly (StatusData | undefined)[]> = readTransaction(rec.client);
      for (let id = 0; id < 101; id += 1) many = many.get(rec.statuses, `k${id}`);
      const error = await many.commit().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RecordValidationError);
      expect((error as RecordValidationError).issues).toEqual([
        { attribute: 'gets', received: '101 gets', constraint: 'a transaction takes 1 to 100 gets' },
      ]);
      await expect(readTransaction(rec.client).commit()).rejects.toBeInstanceOf(RecordValidationError);
      expect(rec.sent).toEqual([]);
    });

    it('the same item twice is refused (DynamoDB refuses it: "multiple operations on one item")', async () => {
      const rec = recording();
      const error = await readTransaction(rec.client)
        .get(rec.statuses, 'dup')
        .get(rec.wallets, 'dup')
        .get(rec.statuses, { request_id: 'dup' })
        .commit()
        .catch((caught: unknown) => caught);
      expect((error as RecordValidationError).issues).toEqual([
        {
          attribute: 'gets[2]',
          received: 'StatusData key',
          constraint: `has the same request_id in table ${statuses.tableName} as gets[0] (one get per item in a transaction)`,
          key: { request_id: 'dup' },
        },
      ]);
      expect(rec.sent).toEqual([]);
    });
  });

  if (engine.name === 'dynalite') {
    it('commit names the missing capability promptly (dynalite has no transactions)', async () => {
      const rec = recording();
      const started = Date.now();
      const error = await readTransaction(rec.client)
        .get(rec.statuses, 'd1')
        .commit()
        .catch((caught: unknown) => caught);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(rec.sent).toEqual(['TransactGetItemsCommand']); // no retries of an unknown operation
      expect(error).toBeInstanceOf(UnsupportedCapabilityError);
      expect(error).toMatchObject({ capability: 'transactions' });
      expect((error as Error).message).toMatch(/TransactGetItems.*dynalite.*DynamoDB Local/);
      expect(((error as Error).cause as Error).name).toBe('UnknownOperationException');
    });
    return;
  }

  it('the engine itself refuses what validation refuses first: an item twice, 101 gets', async () => {
    const get = (id: string) => ({ Get: { TableName: statuses.tableName, Key: { request_id: { S: id } } } });
    const twice = new TransactGetItemsCommand({ TransactItems: [get('same'), get('same')] });
    await expect(engine.client().send(twice)).rejects.toThrow(/multiple operations on one item/);
    const many = new TransactGetItemsCommand({
      TransactItems: Array.from({ length: 101 }, (_, index) => get(`n${index}`)),
    });
    await expect(engine.client().send(many)).rejects.toMatchObject({ name: 'ValidationException' });
  });

  describe('commit', () => {
    it('reads records of two repositories in one request, each its model, a missing one undefined at its position', async () => {
      const created = await statuses.createRecord(status('c1'));
      const owned = await wallets.createRecord(wallet('c-w1', 10));
      const rec = recording();
      const [first, missing, second] = await readTransaction(rec.client)
        .get(rec.statuses, 'c1')
        .get(rec.wallets, 'c-nobody')
        .get(rec.wallets, { wallet_id: 'c-w1' })
        .commit();
      expect(rec.sent).toEqual(['TransactGetItemsCommand']);
      expect(first).toBeInstanceOf(StatusData);
      expect(first).toStrictEqual(created);
      expect(missing).toBeUndefined();
      expect(second).toBeInstanceOf(WalletData);
      expect(second).toStrictEqual(owned);
    });

    it('reads 100 keys across two tables, present and missing ones in their positions', async () => {
      const ids = Array.from({ length: 100 }, (_, index) => `m${index}`);
      // even positions exist: statuses for multiples of 4, wallets for the other even ones
      await Promise.all(
        ids.flatMap((id, index): Promise<unknown>[] => {
          if (index % 4 === 0) return [statuses.createRecord(status(id))];
          return index % 4 === 2 ? [wallets.createRecord(wallet(id, 1))] : [];
        }),
      );
      const rec = recording();
      // a number of gets known only at run time: the tuple widens to an array
      let read: ReadTransaction<readonly (StatusData | WalletData | undefined)[]> = readTransaction(rec.client);
      ids.forEach((id, index) => {
        read = index % 4 < 2 ? read.get(rec.statuses, id) : read.get(rec.wallets, id);
      });
      const records = await read.commit();
      expect(rec.sent).toEqual(['TransactGetItemsCommand']);
      expect(records).toHaveLength(100);
      records.forEach((record, index) => {
        if (index % 2 === 1) expect(record).toBeUndefined();
        else expect(record).toBeInstanceOf(index % 4 === 0 ? StatusData : WalletData);
        if (record)
          expect(record).toMatchObject(index % 4 === 0 ? { request_id: ids[index] } : { wallet_id: ids[index] });
      });
    });

    it('sees write transactions whole: concurrent transfers never show half done', async () => {
      await wallets.createRecord(wallet('a-from', 1_000));
      await wallets.createRecord(wallet('a-to', 0));
      let moving = true;
      const transfers = (async () => {
        for (let step = 0; step < 40; step += 1) {
          await transaction(engine.client())
            .update(wallets, 'a-from', { balance: add(-7) })
            .update(wallets, 'a-to', { balance: add(7) })
            .commit();
        }
        moving = false;
      })();
      const seen = new Set<number>();
      let reads = 0;
      while (moving || reads === 0) {
        const [from, to] = await readTransaction(engine.client()).get(wallets, 'a-from').get(wallets, 'a-to').commit();
        expect(from!.balance + to!.balance).toBe(1_000);
        expect(from!.version).toBe(to!.version);
        seen.add(to!.balance);
        reads += 1;
      }
      await transfers;
      // the reads overlapped the transfers: they saw more than the first and last state
      expect(seen.size).toBeGreaterThan(2);
    });
  });

  describe('errors', () => {
    it('a conflict with a write transaction under way is a TransactionCanceledError naming the get; a retry reads the written state', async () => {
      await wallets.createRecord(wallet('x-w1', 10));
      await wallets.createRecord(wallet('x-w2', 0));
      // DynamoDB Local runs transactions one at a time and never reports a conflict (480 transactions of 100 items
      // from 16 clients, half reads, half writes, gave none): the conflict is DynamoDB's answer, injected while
      // the write is under way
      let writing = false;
      const faulty = faultyTransportClient(
        engine.endpoint,
        (operation) => (operation === 'TransactGetItems' && writing ? CONFLICT_ON_FIRST_GET : undefined),
        3,
      );
      ownClients.push(faulty.client);
      const reader = new Repository(WalletData, { client: faulty.client, tableName: wallets.tableName });
      writing = true;
      const write = transaction(engine.client())
        .update(wallets, 'x-w1', { balance: add(-5) })
        .update(wallets, 'x-w2', { balance: add(5) })
        .commit()
        .finally(() => (writing = false));
      const read = readTransaction(faulty.client).get(reader, 'x-w1').get(reader, 'x-w2');
      const error = await read.commit().catch((caught: unknown) => caught);
      await write;

      expect(error).toBeInstanceOf(TransactionCanceledError);
      const { reasons, failures } = error as TransactionCanceledError;
      expect(reasons).toEqual([
        expect.objectContaining({
          index: 0,
          action: 'get',
          modelName: 'WalletData',
          key: { wallet_id: 'x-w1' },
          code: 'TransactionConflict',
        }),
        { index: 1, action: 'get', modelName: 'WalletData', key: { wallet_id: 'x-w2' }, code: 'None' },
      ]);
      expect(failures.map((failure) => failure.index)).toEqual([0]);
      expect(reasons[0]!.error).toBeInstanceOf(TransactionActionError);
      expect(reasons[0]!.error).toMatchObject({
        code: 'TransactionConflict',
        detail: 'Transaction is ongoing for the item',
      });
      expect((error as Error).message).toBe(
        'Transaction cancelled: gets[0] (get WalletData with the given wallet_id): TransactionConflict (Transaction is ongoing for the item).',
      );
      expect(((error as Error).cause as Error).name).toBe('TransactionCanceledException');
      expect(faulty.attempts.get('TransactGetItems')).toBe(1); // the SDK does not retry a cancellation: the caller does

      const [from, to] = await read.commit();
      expect([from?.balance, to?.balance]).toEqual([5, 5]);
    });

    it("a table whose key is not the model's: the engine's cancellation without reasons blames no get", async () => {
      const tableName = uniqueTableName('rtx_numbered');
      await engine.client().send(
        new CreateTableCommand({
          TableName: tableName,
          AttributeDefinitions: [{ AttributeName: 'request_id', AttributeType: 'N' }],
          KeySchema: [{ AttributeName: 'request_id', KeyType: 'HASH' }],
          BillingMode: 'PAY_PER_REQUEST',
        }),
      );
      const mismatched = new Repository(StatusData, { client: engine.client(), tableName });
      const error = await readTransaction(engine.client())
        .get(mismatched, 'r1')
        .commit()
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TransactionCanceledError);
      expect((error as TransactionCanceledError).reasons).toEqual([
        { index: 0, action: 'get', modelName: 'StatusData', key: { request_id: 'r1' }, code: 'Unknown' },
      ]);
      expect((error as Error).message).toMatch(/^Transaction cancelled: .*Type mismatch for key/);
    });

    it('a stored value the model cannot read is a StoredValueError', async () => {
      await engine.client().send(
        new PutItemCommand({
          TableName: wallets.tableName,
          Item: { wallet_id: { S: 'odd' }, owner: { S: 'eve' }, balance: { S: 'lots' }, version: { N: '1' } },
        }),
      );
      const error = await readTransaction(engine.client())
        .get(wallets, 'odd')
        .commit()
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(StoredValueError);
      expect(error).toMatchObject({ modelName: 'WalletData', attribute: 'balance' });
    });

    it('an answer without one response per get is refused, never read as missing records', async () => {
      const rec = recording();
      rec.client.middlewareStack.add(
        (next, context) => async (args) => {
          const result = (await next(args)) as { output: TransactGetItemsCommandOutput; response: unknown };
          if (context.commandName !== 'TransactGetItemsCommand') return result;
          return { ...result, output: { ...result.output, Responses: result.output.Responses?.slice(1) } };
        },
        { step: 'initialize', name: 'dropFirstResponse' },
      );
      const error = await readTransaction(rec.client)
        .get(rec.statuses, 'short-1')
        .get(rec.statuses, 'short-2')
        .commit()
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UnsupportedCapabilityError);
      expect((error as Error).message).toContain('1 responses for 2 gets');
    });
  });
});
