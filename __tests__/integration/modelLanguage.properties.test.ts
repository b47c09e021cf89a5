import fc from 'fast-check';
import { Repository } from '../../lib';
import { Address, Category, LineItem, Money, Order } from '../fixtures/orders';
import { engines, uniqueTableName } from '../helpers/engines';

// Any order the model admits round-trips create → get unchanged: stored names, a nested class, a
// list of a nested class, a class holding values of itself, a converter (Money as a decimal
// string), Dates stored as epoch milliseconds and epoch seconds (whole seconds: the storage the
// model chose keeps no more), defaults. Each record read back is compared with the one created,
// class by class. Runs: PROPERTY_RUNS (default 100) × PROPERTY_RUNS_MULTIPLIER, as properties.test.ts.

const multiplier = Number(process.env['PROPERTY_RUNS_MULTIPLIER'] ?? '1');
const numRuns = Math.max(1, Math.round(Number(process.env['PROPERTY_RUNS'] ?? '100') * multiplier));
jest.setTimeout(Math.max(180_000, numRuns * 1_000));

const text = (minLength = 0) => fc.string({ unit: 'grapheme', minLength, maxLength: 12 });
const date = fc.date({ noInvalidDate: true, min: new Date(-8.64e15), max: new Date(8.64e15) });
const wholeSeconds = fc.integer({ min: -8_640_000_000_000, max: 8_640_000_000_000 }).map((s) => new Date(s * 1000));
const amount = fc.bigInt({ min: -(10n ** 30n), max: 10n ** 30n }).map((cents) => new Money(cents));

const address = fc.record(
  { city: text(), zip: text(), since: date, label: text() },
  { requiredKeys: ['city', 'since'] },
);
const line = fc.record({ sku: text(1), qty: fc.integer(), price: amount }, { requiredKeys: ['sku', 'price'] });
const category: fc.Arbitrary<Record<string, unknown>> = fc.letrec<{ node: Record<string, unknown> }>((tie) => ({
  node: fc.record({ title: text(), children: fc.array(tie('node'), { maxLength: 3 }) }, { requiredKeys: ['title'] }),
})).node;

const order = fc.record(
  {
    order_id: text(1),
    token: text(),
    status: text(1),
    placed_at: date,
    ship_to: address,
    lines: fc.array(line, { maxLength: 4 }),
    total: amount,
    paid_at: wholeSeconds,
    category: fc.oneof({ depthSize: 'small' }, category),
  },
  { requiredKeys: ['order_id', 'status', 'placed_at', 'ship_to', 'lines', 'total'] },
);

/** A record as plain data, each class named, so two records compare by class and value. */
function canonical(value: unknown): unknown {
  if (value instanceof Money) return { Money: value.cents };
  if (value instanceof Date) return { Date: value.getTime() };
  if (Array.isArray(value)) return value.map(canonical);
  if (typeof value === 'object' && value !== null) {
    const named =
      value instanceof Address
        ? 'Address'
        : value instanceof LineItem
          ? 'LineItem'
          : value instanceof Category
            ? 'Category'
            : value instanceof Order
              ? 'Order'
              : 'object';
    const entries = Object.entries(value).filter(([key]) => !['version', 'created_at', 'updated_at'].includes(key));
    return {
      [named]: Object.fromEntries(
        entries.map(([key, each]) => [key, canonical(each)]).sort(([a], [b]) => String(a).localeCompare(String(b))),
      ),
    };
  }
  return value;
}

describe.each(engines)('model language properties on $name', (engine) => {
  let orders: Repository<Order>;
  let count = 0;

  beforeAll(async () => {
    orders = new Repository(Order, { client: engine.client(), tableName: uniqueTableName('order_props') });
    await orders.createTable();
  });

  it('round-trips any order: create → get gives back the record create returned', async () => {
    await fc.assert(
      fc.asyncProperty(order, async (input) => {
        count += 1;
        const id = `${count}-${input.order_id}`;
        const created = await orders.createRecord({ ...input, order_id: id } as never);
        const read = await orders.getRecord(id);
        expect(canonical(read)).toEqual(canonical(created));
        // and the created record holds what was given, defaults aside
        expect(canonical(created.total)).toEqual(canonical(input.total));
        expect(canonical(created.placed_at)).toEqual(canonical(input.placed_at));
        expect(created.ship_to.city).toBe(input.ship_to.city);
        expect(created.lines.map((each) => each.sku)).toEqual(input.lines.map((each) => each.sku));
      }),
      { numRuns },
    );
    console.info(`${engine.name}: round-trip ${count} orders`);
  });
});
