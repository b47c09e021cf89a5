import 'reflect-metadata';
import { GetItemCommand, ScanCommand, type AttributeValue, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  add,
  Attribute,
  ConditionFailedError,
  CreatedAt,
  OrmError,
  PartitionKey,
  RecordExistsError,
  RecordNotFoundError,
  RecordValidationError,
  Repository,
  Table,
  transaction,
  TransactionCanceledError,
  UnsupportedCapabilityError,
  UpdatedAt,
  Version,
  where,
} from '../../lib';
import { StatusData } from '../fixtures/models';
import { engines, uniqueTableName } from '../helpers/engines';
import { recordingClient } from '../helpers/recordRequests';

jest.setTimeout(120_000);

/** A model with every lifecycle attribute, for optimistic locking inside transactions. */
@Table({ name: 'wallet-table' })
class WalletData {
  @PartitionKey() wallet_id!: string;
  @Attribute() owner!: string;
  @Attribute() balance!: number;
  @Version() version!: number;
  @CreatedAt() created_at!: Date;
  @UpdatedAt() updated_at!: Date;
}

const status = (request_id: string, value: StatusData['status'] = 'STARTED') => ({
  request_id,
  status: value,
  timestamp: '2026-11-24T10:00:00Z',
});
const wallet = (wallet_id: string, owner: string, balance: number) => ({ wallet_id, owner, balance });

/** Every item of a table, read raw (no library code), in key order: what "nothing changed" is compared on. */
async function snapshot(client: DynamoDBClient, tableName: string): Promise<Record<string, AttributeValue>[]> {
  const items: Record<string, AttributeValue>[] = [];
  let start: Record<string, AttributeValue> | undefined;
  do {
    const page = await client.send(
      new ScanCommand({ TableName: tableName, ConsistentRead: true, ExclusiveStartKey: start }),
    );
    items.push(...(page.Items ?? []));
    start = page.LastEvaluatedKey;
  } while (start);
  return items.sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

describe.each(engines)('transactions on $name', (engine) => {
  let statuses: Repository<StatusData>;
  let wallets: Repository<WalletData>;
  const ownClients: DynamoDBClient[] = [];

  beforeAll(async () => {
    statuses = new Repository(StatusData, { client: engine.client(), tableName: uniqueTableName('tx_status') });
    wallets = new Repository(WalletData, { client: engine.client(), tableName: uniqueTableName('tx_wallet') });
    await Promise.all([statuses.createTable(), wallets.createTable()]);
  });

  afterEach(() => {
    for (const client of ownClients.splice(0)) client.destroy();
  });

  /** A client of its own that records every command, and repositories on it for the same tables. */
  function recording(): {
    client: DynamoDBClient;
    sent: string[];
    statuses: Repository<StatusData>;
    wallets: Repository<WalletData>;
  } {
    const { client, sent } = recordingClient(engine.endpoint);
    ownClients.push(client);
    return {
      client,
      sent,
      statuses: new Repository(StatusData, { client, tableName: statuses.tableName }),
      wallets: new Repository(WalletData, { client, tableName: wallets.tableName }),
    };
  }

  async function bothTables(): Promise<unknown> {
    return {
      statuses: await snapshot(engine.client(), statuses.tableName),
      wallets: await snapshot(engine.client(), wallets.tableName),
    };
  }

  describe('validation, before anything is sent', () => {
    it('an invalid action: every issue named under actions[i], nothing sent', async () => {
      const rec = recording();
      const error = await transaction(rec.client)
        .create(rec.statuses, status('v1'))
        .create(rec.statuses, { ...status('v2'), status: 'LOST' } as never)
        .update(rec.wallets, 'v3', { balance: 'lots' } as never)
        .check(rec.wallets, 'v4', where('colour').eq('red') as never)
        .commit()
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RecordValidationError);
      expect((error as RecordValidationError).issues.map((issue) => issue.attribute)).toEqual([
        'actions[1].status',
        'actions[2].balance',
        'actions[3].colour',
      ]);
      expect(rec.sent).toEqual([]);
    });

    it('101 actions are rejected naming the count; nothing sent', async () => {
      const rec = recording();
      const tx = transaction(rec.client);
      for (let id = 0; id < 101; id += 1) tx.create(rec.statuses, status(`many-${id}`));
      const error = await tx.commit().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RecordValidationError);
      expect((error as Error).message).toContain('101 actions');
      expect(rec.sent).toEqual([]);
    });

    it('two actions on the same item are rejected; nothing sent', async () => {
      const rec = recording();
      const error = await transaction(rec.client)
        .create(rec.statuses, status('dup'))
        .update(rec.wallets, 'dup', { balance: 1 })
        .check(rec.statuses, 'dup', where('status').eq('STARTED'))
        .commit()
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RecordValidationError);
      expect((error as RecordValidationError).issues).toEqual([
        {
          attribute: 'actions[2]',
          received: 'StatusData key',
          constraint: `has the same request_id in table ${statuses.tableName} as actions[0] (one action per item in a transaction)`,
          key: { request_id: 'dup' },
        },
      ]);
      expect(rec.sent).toEqual([]);
    });

    it('an empty transaction is rejected; nothing sent', async () => {
      const rec = recording();
      await expect(transaction(rec.client).commit()).rejects.toBeInstanceOf(RecordValidationError);
      expect(rec.sent).toEqual([]);
    });
  });

  if (engine.name === 'dynalite') {
    it('commit names the missing capability promptly (dynalite has no transactions), and writes nothing', async () => {
      const before = await bothTables();
      const rec = recording();
      const started = Date.now();
      const error = await transaction(rec.client)
        .create(rec.statuses, status('d1'))
        .update(rec.wallets, 'w1', { balance: add(1) })
        .commit()
        .catch((caught: unknown) => caught);
      expect(Date.now() - started).toBeLessThan(5_000);
      expect(rec.sent).toEqual(['TransactWriteItemsCommand']); // no retries of an unknown operation
      expect(error).toBeInstanceOf(UnsupportedCapabilityError);
      expect(error).toMatchObject({ capability: 'transactions' });
      expect((error as Error).message).toContain('dynalite');
      expect((error as Error).message).toContain('DynamoDB Local');
      expect(((error as Error).cause as Error).name).toBe('UnknownOperationException');
      expect(await bothTables()).toEqual(before);
    });

    it('validation errors still come first', async () => {
      const rec = recording();
      const error = await transaction(rec.client)
        .create(rec.statuses, { ...status('d2'), status: 'LOST' } as never)
        .commit()
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RecordValidationError);
      expect(rec.sent).toEqual([]);
    });
    return;
  }

  describe('commit', () => {
    it('applies a put, an update, a delete and a check across two repositories together, in one request', async () => {
      await statuses.createRecord(status('c-old'));
      await wallets.createRecord(wallet('c-w1', 'ada', 10));
      await wallets.createRecord(wallet('c-w2', 'bob', 0));
      const rec = recording();
      await transaction(rec.client)
        .create(rec.statuses, status('c-new'))
        .create(rec.wallets, wallet('c-w3', 'eve', 5))
        .update(rec.wallets, 'c-w1', { balance: add(-4) })
        .delete(rec.statuses, 'c-old')
        .check(rec.wallets, 'c-w2', where('owner').eq('bob'))
        .commit();
      expect(rec.sent).toEqual(['TransactWriteItemsCommand']);
      expect({ ...(await statuses.getRecord('c-new')) }).toEqual(status('c-new'));
      await expect(statuses.getRecord('c-old')).rejects.toBeInstanceOf(RecordNotFoundError);
      const w1 = await wallets.getRecord('c-w1');
      expect({ balance: w1.balance, version: w1.version }).toEqual({ balance: 6, version: 2 });
      const w3 = await wallets.getRecord('c-w3');
      expect(w3).toMatchObject({ owner: 'eve', balance: 5, version: 1 });
      expect(w3.created_at).toBeInstanceOf(Date);
      expect(w3.updated_at).toEqual(w3.created_at);
      expect((await wallets.getRecord('c-w2')).version).toBe(1); // a check writes nothing
    });

    it('a retried commit with the same client request token is applied once', async () => {
      await wallets.createRecord(wallet('idem', 'ada', 0));
      const tx = transaction(engine.client()).update(wallets, 'idem', { balance: add(1) });
      await tx.commit({ clientRequestToken: 'idem-token-1' });
      await tx.commit({ clientRequestToken: 'idem-token-1' });
      expect((await wallets.getRecord('idem')).balance).toBe(1);
    });
  });

  describe('a cancelled transaction changes nothing and names the failing action', () => {
    beforeAll(async () => {
      await statuses.createRecord(status('x-s1'));
      await wallets.createRecord(wallet('x-w1', 'ada', 10));
      await wallets.createRecord(wallet('x-w2', 'bob', 20));
    });

    /** Commits a transaction that must be cancelled; checks both tables are unchanged and returns the error. */
    async function cancelled(
      build: (tx: ReturnType<typeof transaction>) => ReturnType<typeof transaction>,
    ): Promise<TransactionCanceledError> {
      const before = await bothTables();
      const error = await build(transaction(engine.client()))
        .commit()
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(TransactionCanceledError);
      expect(error).toBeInstanceOf(OrmError);
      expect(((error as Error).cause as Error).name).toBe('TransactionCanceledException');
      expect(await bothTables()).toEqual(before);
      return error as TransactionCanceledError;
    }

    const base = (tx: ReturnType<typeof transaction>) =>
      tx.create(statuses, status('x-new')).update(wallets, 'x-w1', { balance: add(5) });

    it('a failing check: ConditionFailedError carrying the current record; the other actions have no error', async () => {
      const error = await cancelled((tx) =>
        base(tx).delete(statuses, 'x-s1').check(wallets, 'x-w2', where('owner').eq('carol')),
      );
      expect(error.reasons.map(({ index, action, code }) => ({ index, action, code }))).toEqual([
        { index: 0, action: 'create', code: 'None' },
        { index: 1, action: 'update', code: 'None' },
        { index: 2, action: 'delete', code: 'None' },
        { index: 3, action: 'check', code: 'ConditionalCheckFailed' },
      ]);
      const failure = error.reasons[3]!;
      expect(failure).toMatchObject({ modelName: 'WalletData', key: { wallet_id: 'x-w2' } });
      expect(failure.error).toBeInstanceOf(ConditionFailedError);
      expect((failure.error as ConditionFailedError).item).toBeInstanceOf(WalletData);
      expect((failure.error as ConditionFailedError).item).toMatchObject({ owner: 'bob', balance: 20 });
      expect(error.message).toBe(
        'Transaction cancelled: actions[3] (check WalletData with the given wallet_id): ConditionFailedError.',
      );
    });

    it('a put on an existing key: RecordExistsError', async () => {
      const error = await cancelled((tx) => base(tx).create(statuses, status('x-s1', 'FAILED')));
      expect(error.failures).toHaveLength(1);
      expect(error.reasons[2]).toMatchObject({
        index: 2,
        action: 'create',
        modelName: 'StatusData',
        key: { request_id: 'x-s1' },
      });
      expect(error.reasons[2]?.error).toBeInstanceOf(RecordExistsError);
    });

    it('an update of a missing id: RecordNotFoundError', async () => {
      const error = await cancelled((tx) => base(tx).update(wallets, 'x-missing', { balance: 1 }));
      expect(error.failures.map((reason) => reason.index)).toEqual([2]);
      expect(error.reasons[2]?.error).toBeInstanceOf(RecordNotFoundError);
      expect(error.message).toBe(
        'Transaction cancelled: actions[2] (update WalletData with the given wallet_id): RecordNotFoundError.',
      );
      const versioned = await cancelled((tx) =>
        base(tx).update(wallets, 'x-missing', { balance: 1 }, { expectedVersion: 1 }),
      );
      expect(versioned.reasons[2]?.error).toBeInstanceOf(RecordNotFoundError);
    });

    it('a delete and a check of missing ids: RecordNotFoundError for each', async () => {
      const error = await cancelled((tx) =>
        base(tx).delete(statuses, 'x-gone').check(wallets, 'x-gone', where('owner').exists()),
      );
      expect(error.failures.map((reason) => [reason.index, reason.error?.name])).toEqual([
        [2, 'RecordNotFoundError'],
        [3, 'RecordNotFoundError'],
      ]);
    });

    it('a failed user condition on an update: ConditionFailedError with the current record', async () => {
      const error = await cancelled((tx) =>
        base(tx).update(wallets, 'x-w2', { balance: 0 }, { condition: where('balance').lt(5) }),
      );
      expect(error.reasons[2]?.error).toBeInstanceOf(ConditionFailedError);
      expect((error.reasons[2]?.error as ConditionFailedError).item).toMatchObject({ wallet_id: 'x-w2', balance: 20 });
    });

    it('a version conflict: an update or delete naming a version that has moved on is a ConditionFailedError', async () => {
      await wallets.createRecord(wallet('x-w4', 'fay', 1));
      const read = await wallets.getRecord('x-w4');
      await wallets.updateRecord('x-w4', { balance: 2 }); // someone else's write moves the version on
      const update = await cancelled((tx) =>
        base(tx).update(wallets, 'x-w4', { balance: 3 }, { expectedVersion: read.version }),
      );
      expect(update.reasons[2]?.error).toBeInstanceOf(ConditionFailedError);
      expect((update.reasons[2]?.error as ConditionFailedError).item).toMatchObject({
        balance: 2,
        version: read.version + 1,
      });
      const del = await cancelled((tx) => base(tx).delete(wallets, 'x-w4', { expectedVersion: read.version }));
      expect(del.reasons[2]?.error).toBeInstanceOf(ConditionFailedError);
    });

    it('with the version read, the same update goes through and increments it', async () => {
      await wallets.createRecord(wallet('x-w3', 'dan', 1));
      const read = await wallets.getRecord('x-w3');
      await transaction(engine.client())
        .update(wallets, 'x-w3', { balance: 2 }, { expectedVersion: read.version })
        .commit();
      expect(await wallets.getRecord('x-w3')).toMatchObject({ balance: 2, version: read.version + 1 });
      const raw = await engine
        .client()
        .send(
          new GetItemCommand({ TableName: wallets.tableName, Key: { wallet_id: { S: 'x-w3' } }, ConsistentRead: true }),
        );
      expect(raw.Item?.['version']).toEqual({ N: String(read.version + 1) });
    });
  });
});
