import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import {
  collection,
  EntityMismatchError,
  RecordExistsError,
  readTransaction,
  RecordValidationError,
  Repository,
  transaction,
  TransactionCanceledError,
  UnsupportedCapabilityError,
  where,
  type RequestEvent,
} from '../../lib';
import { ShopGuest, ShopLineItem, ShopOrder, ShopUser } from '../fixtures/shop';
import { engines, uniqueTableName } from '../helpers/engines';

// A table holding three models (users, their orders, the orders' lines) and a fourth whose keys
// collide with users': each written and read through its own repository, read together through a
// collection, and no item ever returned as another model's.

describe.each(engines)('several models in one table on $name', (engine) => {
  const tableName = uniqueTableName('entities');
  const sent: string[] = [];
  const options = () => ({
    client: engine.client(),
    tableName,
    hooks: { onRequest: (event: RequestEvent) => void sent.push(event.operation) },
  });
  let users: Repository<ShopUser>;
  let orders: Repository<ShopOrder>;
  let lines: Repository<ShopLineItem>;
  let guests: Repository<ShopGuest>;

  beforeAll(async () => {
    users = new Repository(ShopUser, options());
    orders = new Repository(ShopOrder, options());
    lines = new Repository(ShopLineItem, options());
    guests = new Repository(ShopGuest, options());
    const shop = collection(users, orders, lines);
    expect(shop.tableDefinition().GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(['byOrder']);
    await shop.createTable();
    await users.createRecord({ user_id: 'u1', email: 'ada@example.com' });
    await orders.createRecord({ user_id: 'u1', order_id: 'o1', placed_at: '2026-03-01', total: 30 });
    await orders.createRecord({ user_id: 'u1', order_id: 'o2', placed_at: '2026-04-15', total: 12 });
    await orders.createRecord({ user_id: 'u1', order_id: 'o3', placed_at: '2025-12-24', total: 99 });
    await lines.createRecord({ user_id: 'u1', order_id: 'o1', line_no: 1, sku: 'A-1', quantity: 2 });
    await lines.createRecord({ user_id: 'u1', order_id: 'o1', line_no: 2, sku: 'B-7', quantity: 1 });
    await lines.createRecord({ user_id: 'u1', order_id: 'o2', line_no: 1, sku: 'C-3', quantity: 4 });
    await guests.createRecord({ user_id: 'g1', nickname: 'visitor' });
  });
  beforeEach(() => (sent.length = 0));

  it('stores the computed keys and the entity name in every item', async () => {
    const { Item: item } = await engine
      .client()
      .send(
        new GetItemCommand({ TableName: tableName, Key: { pk: { S: 'USER#u1' }, sk: { S: 'ORDER#2026-03-01#o1' } } }),
      );
    expect(item).toMatchObject({ _entity: { S: 'Order' }, gsi1pk: { S: 'ORDER#o1' }, order_id: { S: 'o1' } });
  });

  it("reads each model's record by its template's parts, as an instance of its model", async () => {
    const user = await users.getRecord({ user_id: 'u1' });
    expect(user).toBeInstanceOf(ShopUser);
    expect(user).toMatchObject({ pk: 'USER#u1', sk: 'PROFILE', email: 'ada@example.com' });
    const order = await orders.getRecord({ user_id: 'u1', placed_at: '2026-03-01', order_id: 'o1' });
    expect(order).toBeInstanceOf(ShopOrder);
    expect(order.total).toBe(30);
    const line = await lines.getRecord({ user_id: 'u1', order_id: 'o1', line_no: 2 });
    expect(line).toBeInstanceOf(ShopLineItem);
    expect(line).toMatchObject({ sk: 'LINE#o1#2', sku: 'B-7' });
  });

  it("refuses another entity's item at the model's key, and changes nothing there", async () => {
    const error = await users.getRecord({ user_id: 'g1' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(EntityMismatchError);
    expect(error).toMatchObject({
      modelName: 'ShopUser',
      entity: 'User',
      foundEntity: 'Guest',
      key: { user_id: 'g1' },
    });
    await expect(users.updateRecord({ user_id: 'g1' }, { email: 'x@example.com' })).rejects.toThrow(
      EntityMismatchError,
    );
    await expect(users.putRecord({ user_id: 'g1', email: 'x@example.com' })).rejects.toThrow(EntityMismatchError);
    await expect(users.deleteRecord({ user_id: 'g1' })).rejects.toThrow(EntityMismatchError);
    await expect(users.createRecord({ user_id: 'g1', email: 'x@example.com' })).rejects.toThrow(RecordExistsError);
    const { unprocessed, errors } = await users.batchWrite({ delete: [{ user_id: 'g1' }] });
    expect(unprocessed.delete).toEqual([{ user_id: 'g1' }]);
    expect(errors[0]).toBeInstanceOf(EntityMismatchError);
    const { records, foreign } = await users.batchGet([{ user_id: 'g1' }, { user_id: 'u1' }]);
    expect(records.map((record) => record.user_id)).toEqual(['u1']);
    expect(foreign?.map((mismatch) => mismatch.foundEntity)).toEqual(['Guest']);
    const guest = await guests.getRecord({ user_id: 'g1' });
    expect(guest).toMatchObject({ nickname: 'visitor' }); // untouched by every refused write
    expect(guest).not.toHaveProperty('email');
  });

  it("queries read only the model's own sort keys: the other entities' items are not even read", async () => {
    const query = orders.query({ user_id: 'u1' });
    const found: ShopOrder[] = [];
    for await (const order of query) found.push(order);
    expect(found.map((order) => order.order_id)).toEqual(['o3', 'o1', 'o2']);
    expect(found.every((order) => order instanceof ShopOrder)).toBe(true);
    expect(query.skipped).toBe(0); // begins_with(sk, 'ORDER#'): the user and the three lines stay unread
    const page = await lines.query({ user_id: 'u1' }).page({ limit: 2 });
    expect(page.items.map((line) => line.sku)).toEqual(['A-1', 'B-7']);
    expect(page.skipped).toBe(0);
    const rest = await lines.query({ user_id: 'u1' }).page({ limit: 2, cursor: page.cursor });
    expect(rest.items.map((line) => line.sku)).toEqual(['C-3']);
    expect(rest.skipped).toBe(0);
    expect(rest.cursor).toBeUndefined();
  });

  it('queries skip and count the items of another entity whose sort keys look the same', async () => {
    // ShopGuest's keys are made as ShopUser's ('USER#{user_id}', 'PROFILE'): the key condition cannot tell them apart
    const query = users.query({ user_id: 'g1' });
    const found: ShopUser[] = [];
    for await (const user of query) found.push(user);
    expect(found).toEqual([]);
    expect(query.skipped).toBe(1);
    const page = await users.query({ user_id: 'g1' }).page({ limit: 5 });
    expect(page).toMatchObject({ items: [], skipped: 1 });
  });

  it("scans return only the model's own items", async () => {
    const scan = users.scan();
    const found: ShopUser[] = [];
    for await (const user of scan) found.push(user);
    expect(found.map((user) => user.user_id)).toEqual(['u1']);
    expect(scan.skipped).toBe(7);
  });

  it('queries a templated sort key by its leading parts: eq fixes them, beginsWith ends the prefix', async () => {
    const march = orders.query({ user_id: 'u1' }, { sortKey: where('placed_at').beginsWith('2026-0') });
    expect(march.input.ExpressionAttributeValues).toMatchObject({ ':v1': { S: 'ORDER#2026-0' } });
    const ids: string[] = [];
    for await (const order of march) ids.push(order.order_id);
    expect(ids).toEqual(['o1', 'o2']);
    const ofOrder: string[] = [];
    for await (const line of lines.query({ user_id: 'u1' }, { sortKey: where('order_id').eq('o1') }))
      ofOrder.push(line.sku);
    expect(ofOrder).toEqual(['A-1', 'B-7']);
    const exact = lines.query({ user_id: 'u1' }, { sortKey: where('order_id').eq('o1').and(where('line_no').eq(2)) });
    const one: string[] = [];
    for await (const line of exact) one.push(line.sku);
    expect(one).toEqual(['B-7']);
  });

  it('queries an index whose keys are templates', async () => {
    const viaIndex: string[] = [];
    for await (const line of lines.query({ order_id: 'o1' }, { index: 'byOrder' })) viaIndex.push(line.sku);
    expect(viaIndex).toEqual(['A-1', 'B-7']);
    const order: string[] = [];
    for await (const each of orders.query({ order_id: 'o1' }, { index: 'byOrder' })) order.push(each.order_id);
    expect(order).toEqual(['o1']);
  });

  it('a collection query yields every entity of a partition as its own model, in sort key order, by page and cursor', async () => {
    const shop = collection(users, orders, lines);
    const all: (ShopUser | ShopOrder | ShopLineItem)[] = [];
    for await (const item of shop.query({ user_id: 'u1' })) all.push(item);
    expect(all.map((item) => item.constructor.name)).toEqual([
      'ShopLineItem',
      'ShopLineItem',
      'ShopLineItem',
      'ShopOrder',
      'ShopOrder',
      'ShopOrder',
      'ShopUser',
    ]);
    expect(all.map((item) => item.sk)).toEqual([...all.map((item) => item.sk)].sort());
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await shop.query({ user_id: 'u1' }).page({ limit: 3, cursor });
      paged.push(...page.items.map((item) => item.sk));
      cursor = page.cursor;
    } while (cursor);
    expect(paged).toEqual(all.map((item) => item.sk));
    const reversed: string[] = [];
    for await (const item of shop.query({ user_id: 'u1' }, { reverse: true, limit: 2 })) reversed.push(item.sk);
    expect(reversed).toEqual(['PROFILE', 'ORDER#2026-04-15#o2']);
    const withoutGuests = collection(users, orders).query({ user_id: 'g1' });
    const none: unknown[] = [];
    for await (const item of withoutGuests) none.push(item);
    expect(none).toEqual([]);
    expect(withoutGuests.skipped).toBe(1);
  });

  it('refuses, before any request, a value that would make a template ambiguous, a computed key, and a changed key part', async () => {
    const ambiguous = await orders
      .createRecord({ user_id: 'u1', order_id: 'o9', placed_at: '2026#05', total: 1 })
      .catch((caught: unknown) => caught);
    expect(ambiguous).toBeInstanceOf(RecordValidationError);
    expect((ambiguous as RecordValidationError).issues.map((issue) => issue.attribute)).toEqual(['placed_at']);
    await expect(users.createRecord({ user_id: 'u2', email: 'b@example.com', pk: 'USER#u3' })).rejects.toThrow(/pk/);
    await expect(
      orders.updateRecord({ user_id: 'u1', placed_at: '2026-03-01', order_id: 'o1' }, { placed_at: '2026-03-02' }),
    ).rejects.toThrow(RecordValidationError);
    await expect(lines.getRecord({ user_id: 'u1', order_id: 'o#1', line_no: 1 })).rejects.toThrow(/order_id/);
    expect(sent).toEqual([]);
  });

  it('updates and deletes its own records, with the entity in the condition', async () => {
    const id = { user_id: 'u1', placed_at: '2025-12-24', order_id: 'o3' };
    const updated = await orders.updateRecord(id, { total: 100 });
    expect(updated).toMatchObject({ total: 100, sk: 'ORDER#2025-12-24#o3' });
    const deleted = await orders.deleteRecord(id);
    expect(deleted).toBeInstanceOf(ShopOrder);
    await orders.createRecord({ ...id, total: 99 });
  });

  it("transactions refuse another entity's item as single calls do (DynamoDB Local; dynalite has none)", async () => {
    const read = readTransaction(engine.client()).get(users, { user_id: 'g1' }).commit();
    const write = transaction(engine.client())
      .update(users, { user_id: 'g1' }, { email: 'x@example.com' })
      .update(orders, { user_id: 'u1', placed_at: '2026-03-01', order_id: 'o1' }, { total: 31 })
      .commit();
    if (engine.name === 'dynalite') {
      await expect(read).rejects.toThrow(UnsupportedCapabilityError);
      await expect(write).rejects.toThrow(UnsupportedCapabilityError);
      return;
    }
    await expect(read).rejects.toThrow(EntityMismatchError);
    const error = await write.catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TransactionCanceledError);
    const [refused, other] = (error as TransactionCanceledError).reasons;
    expect(refused?.error).toBeInstanceOf(EntityMismatchError);
    expect(other?.error).toBeUndefined();
    expect((await orders.getRecord({ user_id: 'u1', placed_at: '2026-03-01', order_id: 'o1' })).total).toBe(30);
  });
});
