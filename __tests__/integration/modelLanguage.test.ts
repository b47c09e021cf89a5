import { GetItemCommand, PutItemCommand, type AttributeValue } from '@aws-sdk/client-dynamodb';
import {
  RecordValidationError,
  Repository,
  StoredValueError,
  append,
  enumsOf,
  setIn,
  transaction,
  UnsupportedCapabilityError,
  where,
} from '../../lib';
import { Address, Category, LineItem, Money, Order, orderInput, tokensMade } from '../fixtures/orders';
import { engines, uniqueTableName } from '../helpers/engines';

// Stored names, nested classes, converters, epoch dates and defaults, written and read through
// every call on each engine, and checked against what DynamoDB holds.

describe.each(engines)('the model language on $name', (engine) => {
  let orders: Repository<Order>;

  beforeAll(async () => {
    orders = new Repository(Order, { client: engine.client(), tableName: uniqueTableName('orders') });
    await orders.createTable();
  });

  const raw = async (id: string): Promise<Record<string, AttributeValue>> => {
    const { Item } = await engine
      .client()
      .send(new GetItemCommand({ TableName: orders.tableName, Key: { pk: { S: id } }, ConsistentRead: true }));
    return Item ?? {};
  };

  it('stores every attribute under its stored name and type, and reads back instances of each class', async () => {
    const before = tokensMade();
    const created = await orders.createRecord(orderInput('o1'));
    expect(tokensMade()).toBe(before + 1); // a function default is called once per record
    const item = await raw('o1');
    expect(Object.keys(item).sort()).toEqual(
      ['created', 'lines', 'pk', 'placed', 'ship_to', 'st', 'token', 'total', 'updated', 'v'].sort(),
    );
    expect(item['placed']).toEqual({ N: String(Date.parse('2026-03-01T10:00:00.123Z')) });
    expect(item['total']).toEqual({ S: '15.47' });
    expect(item['ship_to']).toEqual({
      M: { c: { S: 'Paris' }, since: { S: '2020-01-02T03:04:05.006Z' }, label: { S: 'home' } },
    });
    expect(item['lines']?.L?.[0]).toEqual({ M: { sku: { S: 'A-1' }, qty: { N: '1' }, price: { S: '12.50' } } });

    for (const record of [created, await orders.getRecord('o1')]) {
      expect(record).toBeInstanceOf(Order);
      expect(record.ship_to).toBeInstanceOf(Address);
      expect(record.ship_to).toEqual(
        Object.assign(new Address(), { city: 'Paris', since: new Date('2020-01-02T03:04:05.006Z'), label: 'home' }),
      );
      expect(record.lines.map((line) => line instanceof LineItem)).toEqual([true, true]);
      expect(record.lines.map((line) => [line.sku, line.qty, line.price.toFixed()])).toEqual([
        ['A-1', 1, '12.50'],
        ['B-2', 3, '0.99'],
      ]);
      expect(record.total).toBeInstanceOf(Money);
      expect(record.total.cents).toBe(1547n);
      expect(record.placed_at).toEqual(new Date('2026-03-01T10:00:00.123Z'));
      expect(record.token).toMatch(/^token-\d+$/);
      expect(record.version).toBe(1);
    }
  });

  it('names what DynamoDB calls each attribute in enumsOf(Order).Attribute, keyed by property', () => {
    expect(enumsOf(Order).Attribute).toMatchObject({ ORDER_ID: 'pk', STATUS: 'st', PLACED_AT: 'placed', VERSION: 'v' });
    expect(orders.tableDefinition().KeySchema).toEqual([{ AttributeName: 'pk', KeyType: 'HASH' }]);
    expect(orders.tableDefinition().GlobalSecondaryIndexes?.[0]).toMatchObject({
      KeySchema: [
        { AttributeName: 'st', KeyType: 'HASH' },
        { AttributeName: 'placed', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['total'] },
    });
  });

  it('queries an index through stored names: key, epoch-date sort key, a nested-path filter, a projection, pages', async () => {
    for (const [id, city, day] of [
      ['q1', 'Lyon', '2026-04-01'],
      ['q2', 'Paris', '2026-04-02'],
      ['q3', 'Lyon', '2026-04-03'],
    ] as const) {
      await orders.createRecord(
        orderInput(id, {
          status: 'SHIPPED',
          placed_at: new Date(`${day}T00:00:00Z`),
          ship_to: { city, since: new Date(0) },
        }),
      );
    }
    const april = where('placed_at').between(new Date('2026-04-01T00:00:00Z'), new Date('2026-04-30T00:00:00Z'));
    const found: Order[] = [];
    for await (const order of orders.query({ status: 'SHIPPED' }, { index: 'byStatus', sortKey: april }))
      found.push(order);
    expect(found.map((order) => order.order_id)).toEqual(['q1', 'q2', 'q3']);

    const lyon = orders.scan({ filter: where(['ship_to', 'city']).eq('Lyon'), projection: ['order_id', 'total'] });
    const partial: Pick<Order, 'order_id' | 'total'>[] = [];
    for await (const order of lyon) partial.push(order);
    expect(partial.map((order) => order.order_id).sort()).toEqual(['q1', 'q3']);
    expect(Object.keys(partial[0]!).sort()).toEqual(['order_id', 'total']);
    expect(partial[0]!.total).toBeInstanceOf(Money);

    const first = await orders.query({ status: 'SHIPPED' }, { index: 'byStatus' }).page({ limit: 2 });
    const second = await orders
      .query({ status: 'SHIPPED' }, { index: 'byStatus' })
      .page({ limit: 2, cursor: first.cursor });
    expect([...first.items, ...second.items].map((order) => order.order_id)).toEqual(['q1', 'q2', 'q3']);
    expect(second.cursor).toBeUndefined();
  });

  it('updates through stored names: a value, a nested path, an appended class value, a converted value', async () => {
    await orders.createRecord(orderInput('u1'));
    const updated = await orders.updateRecord('u1', {
      status: 'PAID',
      ship_to: setIn(['city'], 'Lyon'),
      lines: append([{ sku: 'C-3', qty: 2, price: Money.parse('1.00') }] as never),
      total: Money.parse('16.47'),
      paid_at: new Date('2026-03-02T00:00:00.000Z'),
    });
    expect(updated.ship_to.city).toBe('Lyon');
    expect(updated.lines.at(-1)).toBeInstanceOf(LineItem);
    expect(updated.lines.at(-1)?.sku).toBe('C-3');
    expect(updated.total.toFixed()).toBe('16.47');
    expect(updated.version).toBe(2);
    const item = await raw('u1');
    expect(item['st']).toEqual({ S: 'PAID' });
    expect(item['ship_to']?.M?.['c']).toEqual({ S: 'Lyon' });
    expect(item['paid_at']).toEqual({ N: String(Date.parse('2026-03-02T00:00:00.000Z') / 1000) });
    expect(item['lines']?.L?.[2]?.M?.['qty']).toEqual({ N: '2' });
    expect(updated.token).toBe((await orders.getRecord('u1')).token); // the token is not made again
    // no default on update: a new nested value must bring what its class requires
    const error = await orders
      .updateRecord('u1', { lines: append([{ sku: 'D-4', price: Money.parse('1.00') }] as never) })
      .then(
        () => undefined,
        (caught: unknown) => caught,
      );
    expect((error as RecordValidationError).issues).toEqual([
      expect.objectContaining({ attribute: 'lines', constraint: 'has [0].qty (undefined) that is required' }),
    ]);
  });

  it('round-trips a class that holds values of itself', async () => {
    const category = { title: 'root', children: [{ title: 'a', children: [{ title: 'a.1' }] }, { title: 'b' }] };
    const stored = await orders.createRecord(orderInput('t1', { category }));
    const read = await orders.getRecord('t1');
    for (const record of [stored, read]) {
      expect(record.category).toBeInstanceOf(Category);
      expect(record.category?.children?.[0]?.children?.[0]).toBeInstanceOf(Category);
      expect(record.category?.children?.[0]?.children?.[0]?.title).toBe('a.1');
    }
  });

  it.each([
    [
      'a nested value of the wrong type',
      { ship_to: { city: 3, since: new Date() } },
      'ship_to.city',
      /must be a string/,
    ],
    [
      'a missing attribute of a list element',
      { lines: [{ price: Money.parse('1.00') }] },
      'lines[0].sku',
      /^required$/,
    ],
    [
      'an unknown attribute of a nested value',
      { ship_to: { city: 'x', since: new Date(), planet: 'Mars' } },
      'ship_to.planet',
      /not an attribute of Address/,
    ],
    ['a converter that throws', { total: 15.47 }, 'total', /its converter's toStored threw a TypeError/],
    ['a nested value of another class', { ship_to: new Money(1n) }, 'ship_to', /must be a Address or a plain object/],
  ])('refuses %s, named by its path, before anything is sent', async (_case, changes, attribute, constraint) => {
    const id = `bad-${attribute}`;
    const error = await orders.createRecord(orderInput(id, changes) as never).then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RecordValidationError);
    expect((error as RecordValidationError).issues).toEqual([
      expect.objectContaining({ attribute, constraint: expect.stringMatching(constraint) }),
    ]);
    expect(await raw(id)).toEqual({});
  });

  it('a stored nested value it cannot read is a StoredValueError naming its path', async () => {
    const item = await raw('o1');
    const ship_to = { M: { ...item['ship_to']!.M, c: { N: '7' } } };
    await engine
      .client()
      .send(new PutItemCommand({ TableName: orders.tableName, Item: { ...item, pk: { S: 'r1' }, ship_to } }));
    const error = await orders.getRecord('r1').then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(StoredValueError);
    expect(error).toMatchObject({ attribute: 'ship_to.city', key: { pk: { S: 'r1' } }, stored: { N: '7' } });
  });

  it('batches and transactions apply defaults and stored names too', async () => {
    const { unprocessed } = await orders.batchWrite({ put: [orderInput('b1'), orderInput('b2')] as never });
    expect(unprocessed.put).toEqual([]);
    const { records } = await orders.batchGet(['b1', 'b2']);
    expect(records.map((order) => order.token)).toEqual([
      expect.stringMatching(/^token-/),
      expect.stringMatching(/^token-/),
    ]);
    expect(records[0]?.ship_to).toBeInstanceOf(Address);
    const committed = await transaction(engine.client())
      .create(orders, orderInput('x1') as never)
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
    expect((await raw('x1'))['token']).toEqual({ S: expect.stringMatching(/^token-/) });
  });
});
