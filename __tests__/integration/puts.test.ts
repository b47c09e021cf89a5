import { GetItemCommand, PutItemCommand, UpdateItemCommand } from '@aws-sdk/client-dynamodb';
import {
  Attribute,
  ConditionFailedError,
  CreatedAt,
  PartitionKey,
  Repository,
  Table,
  UnsupportedCapabilityError,
  UpdatedAt,
  Version,
  transaction,
  where,
  type RequestEvent,
} from '../../lib';
import { PhoneData } from '../fixtures/models';
import { engines, uniqueTableName } from '../helpers/engines';

// putRecord creates or replaces and keeps the lifecycle rules; batch puts and transaction puts
// follow it, so no sequence of the library's calls loses an update of a versioned model.

@Table({ name: 'ledger-puts' })
class Account {
  @PartitionKey() account_id!: string;
  @Attribute() owner!: string;
  @Attribute({ optional: true }) note?: string;
  @Attribute({ default: 'EUR' }) currency!: string;
  @Version() version!: number;
  @CreatedAt() created_at!: Date;
  @UpdatedAt() updated_at!: Date;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe.each(engines)('puts on $name', (engine) => {
  let accounts: Repository<Account>;
  const operations: string[] = [];

  beforeAll(async () => {
    accounts = new Repository(Account, {
      client: engine.client(),
      tableName: uniqueTableName('puts'),
      hooks: { onRequest: (event: RequestEvent) => void operations.push(event.operation) },
    });
    await accounts.createTable();
  });
  beforeEach(() => (operations.length = 0));

  it('creates a record with version 1, the creation time and the defaults', async () => {
    const put = await accounts.putRecord({ account_id: 'a1', owner: 'Ada' });
    expect(put).toBeInstanceOf(Account);
    expect(put).toMatchObject({ owner: 'Ada', currency: 'EUR', version: 1 });
    expect(put.created_at).toEqual(put.updated_at);
    expect(operations).toEqual(['UpdateItem']);
  });

  it('replaces a record: the next version, the creation time kept, absent optional attributes removed, undeclared ones left', async () => {
    const first = await accounts.putRecord({ account_id: 'a2', owner: 'Ada', note: 'first' });
    await engine.client().send(
      new UpdateItemCommand({
        TableName: accounts.tableName,
        Key: { account_id: { S: 'a2' } },
        UpdateExpression: 'SET legacy = :l',
        ExpressionAttributeValues: { ':l': { S: 'kept' } },
      }),
    );
    await sleep(5);
    const second = await accounts.putRecord({ account_id: 'a2', owner: 'Grace' });
    expect(second).toMatchObject({ owner: 'Grace', version: 2, currency: 'EUR' });
    expect(second.note).toBeUndefined();
    expect(Object.hasOwn(second, 'note')).toBe(false);
    expect(second.created_at).toEqual(first.created_at);
    expect(second.updated_at.getTime()).toBeGreaterThan(first.updated_at.getTime());
    const raw = await engine
      .client()
      .send(
        new GetItemCommand({ TableName: accounts.tableName, Key: { account_id: { S: 'a2' } }, ConsistentRead: true }),
      );
    expect(raw.Item?.['legacy']).toEqual({ S: 'kept' });
    expect(raw.Item?.['note']).toBeUndefined();
  });

  it('with expectedVersion, puts only over that version; a stale or missing one is a ConditionFailedError', async () => {
    const first = await accounts.putRecord({ account_id: 'a3', owner: 'Ada' });
    const second = await accounts.putRecord({ account_id: 'a3', owner: 'Alan' }, { expectedVersion: first.version });
    expect(second.version).toBe(2);
    const stale = await accounts
      .putRecord({ account_id: 'a3', owner: 'Stale' }, { expectedVersion: 1 })
      .catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConditionFailedError);
    expect((stale as ConditionFailedError).item).toMatchObject({ owner: 'Alan', version: 2 });
    const missing = await accounts
      .putRecord({ account_id: 'nobody', owner: 'X' }, { expectedVersion: 1 })
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(ConditionFailedError);
    const conditioned = await accounts
      .putRecord({ account_id: 'a3', owner: 'Y' }, { condition: where('owner').eq('Ada') })
      .catch((e: unknown) => e);
    expect(conditioned).toBeInstanceOf(ConditionFailedError);
    expect((await accounts.getRecord('a3', { consistent: true })).owner).toBe('Alan');
  });

  it('loses no update: create, update, batch put, then a stale update is refused', async () => {
    const created = await accounts.createRecord({ account_id: 'a4', owner: 'Ada' });
    const read = await accounts.updateRecord('a4', { note: 'v2' }, { expectedVersion: created.version });
    expect(read.version).toBe(2);
    const { unprocessed, errors } = await accounts.batchWrite({ put: [{ account_id: 'a4', owner: 'Batch' }] });
    expect([unprocessed.put, errors]).toEqual([[], []]);
    expect(operations).toContain('UpdateItem'); // the batch put followed putRecord
    expect(operations).not.toContain('BatchWriteItem');
    const afterBatch = await accounts.getRecord('a4', { consistent: true });
    expect(afterBatch.version).toBe(3); // never lowered to 1
    expect(afterBatch.created_at).toEqual(created.created_at); // never rewritten
    const stale = await accounts
      .updateRecord('a4', { note: 'lost?' }, { expectedVersion: read.version })
      .catch((e: unknown) => e);
    expect(stale).toBeInstanceOf(ConditionFailedError);
    expect((await accounts.getRecord('a4', { consistent: true })).owner).toBe('Batch');
  });

  it("batch puts of many versioned records keep each one's rules, and deletes still go by BatchWriteItem", async () => {
    for (const id of ['b1', 'b2']) await accounts.createRecord({ account_id: id, owner: 'old' });
    const records = Array.from({ length: 30 }, (_, i) => ({ account_id: `b${i + 1}`, owner: 'new' }));
    const { unprocessed, errors } = await accounts.batchWrite({ put: records, delete: ['nobody'] }, { concurrency: 3 });
    expect([unprocessed, errors]).toEqual([{ put: [], delete: [] }, []]);
    expect(operations.filter((operation) => operation === 'UpdateItem')).toHaveLength(30);
    expect(operations.filter((operation) => operation === 'BatchWriteItem')).toHaveLength(1);
    const { records: read } = await accounts.batchGet(['b1', 'b2', 'b3']);
    expect(read.map((account) => account.version)).toEqual([2, 2, 1]);
  });

  it('a model with neither @Version nor @CreatedAt batch-puts with BatchWriteItem', async () => {
    const phones = new Repository(PhoneData, {
      client: engine.client(),
      tableName: uniqueTableName('puts_phones'),
      hooks: { onRequest: (event: RequestEvent) => void operations.push(event.operation) },
    });
    await phones.createTable();
    operations.length = 0;
    const phone = { person_id: 1, name: 'Ada', phone_number: '1', relationship: 'FRIEND', timestamp: 't' } as const;
    await phones.batchWrite({ put: [phone] });
    expect(operations).toEqual(['BatchWriteItem']);
  });

  it('a transaction put follows putRecord (dynalite: no transactions)', async () => {
    await accounts.createRecord({ account_id: 't1', owner: 'Ada' });
    const committed = await transaction(engine.client())
      .put(accounts, { account_id: 't1', owner: 'Tx' }, { expectedVersion: 1 })
      .put(accounts, { account_id: 't2', owner: 'New' })
      .commit()
      .then(
        () => 'committed',
        (error: unknown) => error,
      );
    if (engine.name === 'dynalite') {
      expect(committed).toBeInstanceOf(UnsupportedCapabilityError);
      return;
    }
    expect(committed).toBe('committed');
    expect(await accounts.getRecord('t1', { consistent: true })).toMatchObject({ owner: 'Tx', version: 2 });
    expect(await accounts.getRecord('t2', { consistent: true })).toMatchObject({
      owner: 'New',
      version: 1,
      currency: 'EUR',
    });
  });

  it('a put of a record written by other code without a version starts it at 1', async () => {
    await engine
      .client()
      .send(
        new PutItemCommand({ TableName: accounts.tableName, Item: { account_id: { S: 'p1' }, owner: { S: 'raw' } } }),
      );
    expect((await accounts.putRecord({ account_id: 'p1', owner: 'Ada' })).version).toBe(1);
  });
});
