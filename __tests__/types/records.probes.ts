// Ids, created records, update changes and index names typed by the model (checked by tsc in
// `npm test`, never run). Every `@ts-expect-error` line must fail to compile; every `ok:` line must compile.
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import {
  add,
  addToSet,
  append,
  deleteFromSet,
  ifNotExists,
  prepend,
  remove,
  removeIn,
  Repository,
  setIn,
  transaction,
  where,
} from '../../lib';
import { lines, looseOrders, newOrder, Order, orders } from './models';

export async function idProbes(client: DynamoDBClient): Promise<unknown[]> {
  const found = [
    await orders.getRecord('o1'), // ok: the partition key's type
    await orders.getRecord({ order_id: 'o1' }), // ok: its object form
    await lines.getRecord({ order_id: 'o1', sku: 'A-1' }), // ok: exactly the key attributes
    await orders.deleteRecord('o1'), // ok
    await looseOrders.getRecord({ order_id: 'o1', whatever: 1 }), // ok: no declaration, checked at run time
  ];
  const { records, unprocessed } = await lines.batchGet([{ order_id: 'o1', sku: 'A-1' }]); // ok
  await lines.batchGet(unprocessed); // ok: leftovers come back in the shape batchGet takes
  await orders.batchWrite({ put: [newOrder()], delete: ['o2'] }); // ok

  // @ts-expect-error -- issue 11: an id of the wrong type
  await orders.getRecord(1);
  // @ts-expect-error -- a table with a sort key takes the key object
  await lines.getRecord('o1');
  // @ts-expect-error -- the sort key is missing
  await lines.getRecord({ order_id: 'o1' });
  // @ts-expect-error -- exactly the key attributes: qty is not one
  await lines.getRecord({ order_id: 'o1', sku: 'A-1', qty: 1 });
  // @ts-expect-error -- the key attribute is order_id
  await orders.deleteRecord({ order: 'o1' });
  // @ts-expect-error -- ids of the wrong type in a batch read
  await orders.batchGet([1, 2]);
  // @ts-expect-error -- and in a batch delete
  await lines.batchWrite({ delete: ['o1'] });
  // @ts-expect-error -- a transaction's ids too
  transaction(client).delete(lines, { order_id: 'o1' });
  // @ts-expect-error -- and its checks
  transaction(client).check(orders, 7, where('paid').eq(true));

  return [...found, ...records];
}

export async function createProbes(): Promise<unknown[]> {
  const order = new Order();
  return [
    // ok: required attributes only: not the library's (version, created_at, updated_at), the defaulted (token) nor the optional ones
    await orders.createRecord(newOrder()),
    await orders.createRecord(order), // ok: a model instance
    await orders.createRecord({ ...newOrder(), note: 'gift', created_at: new Date() }), // ok: optional ones may be given
    await looseOrders.createRecord({ order_id: 'o1' }), // ok: no declaration, required ones checked at run time
    // @ts-expect-error -- issue 11: a create missing required attributes (total, customer...)
    await orders.createRecord({ order_id: 'o1', status: 'STARTED' }),
    // @ts-expect-error -- a categorical value outside the list
    await orders.createRecord({ ...newOrder(), status: 'DONE' }),
    // @ts-expect-error -- the sort key is required
    await lines.createRecord({ order_id: 'o1', qty: 1 }),
    // @ts-expect-error -- not an attribute
    await orders.createRecord({ ...newOrder(), discount: 5 }),
  ];
}

export async function updateProbes(client: DynamoDBClient): Promise<unknown[]> {
  const updated = [
    await orders.updateRecord('o1', { retries: add(1), total: add(-2) }), // ok: add on numbers
    await orders.updateRecord('o1', { cents: add(5n) }), // ok: and on bigints
    await orders.updateRecord('o1', { tags: addToSet('gpu'), labels: deleteFromSet('old') }), // ok: sets of strings
    await orders.updateRecord('o1', { tags: add(new Set(['a', 'b'])) }), // ok: add on a set
    await orders.updateRecord('o1', { notes: append(['late']) }), // ok: lists
    await orders.updateRecord('o1', { notes: prepend(['first']), lines: append([{ sku: 'B-2', qty: 2 }]) }), // ok
    await orders.updateRecord('o1', { ship_to: setIn(['city'], 'Lyon') }), // ok: inside a map
    await orders.updateRecord('o1', { ship_to: [setIn(['city'], 'Lyon'), removeIn(['zip'])] }), // ok: several nested actions
    await orders.updateRecord('o1', { note: null, retries: remove() }), // ok: removing optional attributes
    await orders.updateRecord('o1', { retries: ifNotExists(0), status: 'FAILED', token: 'new' }), // ok: a default is for creates only
    await orders.updateRecord('o1', { expires_at: new Date() }, { expectedVersion: 3 }), // ok
    await lines.updateRecord({ order_id: 'o1', sku: 'A-1' }, { qty: add(1) }), // ok
    await looseOrders.updateRecord('o1', { version: 2, order_id: 'x' }), // ok: no declaration, refused at run time
  ];
  await transaction(client)
    .create(orders, newOrder())
    .update(orders, 'o1', { retries: add(1) })
    .update(lines, { order_id: 'o1', sku: 'A-1' }, { qty: 2 })
    .commit(); // ok: a transaction's actions, typed per repository

  // @ts-expect-error -- issue 11: add(1) on a string
  await orders.updateRecord('o1', { placed_at: add(1) });
  // @ts-expect-error -- issue 11: a key attribute in update changes
  await orders.updateRecord('o1', { order_id: 'o2' });
  // @ts-expect-error -- the sort key neither
  await lines.updateRecord({ order_id: 'o1', sku: 'A-1' }, { sku: 'B-2' });
  // @ts-expect-error -- the library writes the version (pass expectedVersion instead)
  await orders.updateRecord('o1', { version: 4 });
  // @ts-expect-error -- and the timestamps
  await orders.updateRecord('o1', { created_at: new Date() });
  // @ts-expect-error -- a bigint attribute adds bigints
  await orders.updateRecord('o1', { cents: add(1) });
  // @ts-expect-error -- a number attribute adds numbers
  await orders.updateRecord('o1', { total: add(1n) });
  // @ts-expect-error -- append is for lists
  await orders.updateRecord('o1', { tags: append(['x']) });
  // @ts-expect-error -- a list of strings takes strings
  await orders.updateRecord('o1', { notes: append([1]) });
  // @ts-expect-error -- addToSet is for sets
  await orders.updateRecord('o1', { notes: addToSet('x') });
  // @ts-expect-error -- a set of strings takes strings
  await orders.updateRecord('o1', { tags: addToSet(1) });
  // @ts-expect-error -- deleteFromSet could empty a required set (DynamoDB then removes it)
  await orders.updateRecord('o1', { tags: deleteFromSet('gpu') });
  // @ts-expect-error -- setIn is for maps and lists
  await orders.updateRecord('o1', { total: setIn(['x'], 1) });
  // @ts-expect-error -- null removes optional attributes only
  await orders.updateRecord('o1', { total: null });
  // @ts-expect-error -- and so does remove()
  await orders.updateRecord('o1', { customer: remove() });
  // @ts-expect-error -- a categorical value outside the list
  await orders.updateRecord('o1', { status: 'DONE' });
  // @ts-expect-error -- not an attribute
  await orders.updateRecord('o1', { nmae: 'x' });
  // @ts-expect-error -- a transaction's update is typed the same way
  transaction(client).update(orders, 'o1', { order_id: 'o2' });
  // @ts-expect-error -- and its create
  transaction(client).create(lines, { order_id: 'o1', qty: 1 });

  return updated;
}

export function indexProbes(): unknown[] {
  return [
    orders.query({ status: 'STARTED' }, { index: 'byStatus' }), // ok: a declared index
    orders.query({ customer: 'c1' }, { index: 'byCustomer' }), // ok: made by createGsi at run time, listed in [ModelTypes]
    orders.scan({ index: 'byStatus', projection: ['order_id'] }), // ok
    looseOrders.query({ status: 'STARTED' }, { index: 'anyName' }), // ok: no declaration, checked at run time
    // @ts-expect-error -- issue 11: a misspelt index name
    orders.query({ status: 'STARTED' }, { index: 'byStatuz' }),
    // @ts-expect-error -- scan takes the declared names too
    orders.scan({ index: 'status' }),
    // @ts-expect-error -- a model that declares no index has none
    lines.scan({ index: 'byQty' }),
  ];
}

/** Code written for any model still takes any repository, declared or not. */
export function widens(repository: Repository<object>): Repository<object>[] {
  return [repository, orders, lines, looseOrders]; // ok
}
