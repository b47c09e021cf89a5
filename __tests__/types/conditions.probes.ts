/* eslint-disable @typescript-eslint/no-unsafe-call -- the probes call methods that must not exist for the attribute's type */
// Conditions typed by the model (checked by tsc in `npm test`, never run). Every `@ts-expect-error`
// line must fail to compile (an unused one is itself an error); every `ok:` line must compile.
import { and, not, or, where as untypedWhere, type Condition } from '../../lib';
import { customers, lines, looseOrders, orders, type Order } from './models';

export async function conditionProbes(): Promise<unknown[]> {
  const { where } = orders; // ok: destructured, still typed
  const conditions: Condition<Order>[] = [
    where('status').eq('STARTED'), // ok: a categorical value
    where('status').in(['STARTED', 'FAILED']), // ok: several of its values
    where('status').beginsWith('IN_'), // ok: a prefix of a string
    where('total').gt(3), // ok: a number with a number
    where('total').between(1, 10), // ok
    where('cents').ge(10n), // ok: a bigint with a bigint
    where('created_at').lt(new Date()), // ok: a date with a date
    where('receipt').beginsWith(new Uint8Array([1])), // ok: binary prefix
    where('tags').contains('gpu'), // ok: a set's element
    where('notes').contains('late'), // ok: a list's element
    where('notes').size().between(1, 5), // ok: a list's size
    where('ship_to').size().gt(0), // ok: a map's size
    where(['ship_to', 'city']).eq('Paris'), // ok: a nested path by the nested class's attributes
    where(['lines', 0, 'sku']).beginsWith('A-'), // ok: into a list of nested classes
    where(['lines', 0, 'qty']).gt(1), // ok
    where('note').exists(), // ok: presence on any attribute
    where('paid').eq(true), // ok
    orders.where('customer').ne('c9'), // ok: without destructuring
    and(where('paid').eq(false), untypedWhere('total').gt(1)), // ok: typed and untyped combine
    not(or(where('retries').lt(3), where('note').notExists())), // ok
  ];

  // @ts-expect-error -- issue 11: a misspelt attribute
  where('nmae');
  // @ts-expect-error -- issue 11: a number attribute compared with a string
  where('total').eq('three');
  // @ts-expect-error -- not one of the categorical values
  where('status').eq('DONE');
  // @ts-expect-error -- one value of the list is not a categorical value
  where('status').in(['STARTED', 'DONE']);
  // @ts-expect-error -- a nested path names the nested class's attributes only
  where(['ship_to', 'town']);
  // @ts-expect-error -- the nested attribute is a string
  where(['ship_to', 'city']).eq(75);
  // @ts-expect-error -- a list is indexed by numbers
  where(['notes', 'first']);
  // @ts-expect-error -- booleans have no order
  where('paid').lt(true);
  // @ts-expect-error -- beginsWith is for strings and binary
  where('total').beginsWith('1');
  // @ts-expect-error -- contains is for strings, sets and lists
  where('total').contains(1);
  // @ts-expect-error -- a set of strings holds strings
  where('tags').contains(1);
  // @ts-expect-error -- a list of strings holds strings
  where('notes').contains(1);
  // @ts-expect-error -- a number has no size
  where('total').size();
  // @ts-expect-error -- a size is a number
  where('tags').size().gt('3');
  // @ts-expect-error -- between takes two values of the attribute's type
  where('total').between(1, 'x');
  // @ts-expect-error -- a bigint attribute compares with bigints
  where('cents').gt(1);
  // @ts-expect-error -- a date compares with dates
  where('created_at').gt('2026-01-01');
  // @ts-expect-error -- another model's attribute
  customers.where('total');

  // filters, sort key conditions and write conditions take the typed conditions and the untyped ones
  orders.query({ status: 'STARTED' }, { index: 'byStatus', sortKey: where('placed_at').beginsWith('2026-') }); // ok
  orders.scan({ filter: where('total').gt(3).and(untypedWhere('paid').eq(true)) }); // ok
  await orders.deleteRecord('o1', { condition: where('paid').eq(false) }); // ok
  await orders.updateRecord('o1', { note: 'x' }, { condition: untypedWhere('anything').exists() }); // ok
  await looseOrders.createRecord({ order_id: 'o1' }, { condition: looseOrders.where('total').gt(0) }); // ok: an undeclared model's where is typed too
  // @ts-expect-error -- a customer's condition on an order write
  await orders.deleteRecord('o1', { condition: customers.where('email').exists() });
  // @ts-expect-error -- a customer's condition as an order filter
  orders.scan({ filter: customers.where('email').beginsWith('a') });
  // @ts-expect-error -- nor as a sort key condition of order lines
  lines.query({ order_id: 'o1' }, { sortKey: customers.where('email').eq('x') });

  return conditions;
}
