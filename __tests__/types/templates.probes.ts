// Keys made by a template, typed by the model (checked by tsc in `npm test`, never run). A templated key
// is computed by the library: the declaration lists it in `managed`, and the template's parts in `key`,
// which are then the id, as at run time. Every `@ts-expect-error` line must fail to compile; every `ok:`
// line must compile.
import 'reflect-metadata';
import { Attribute, ModelTypes, PartitionKey, Repository, SortKey, Table, where } from '../../lib';

@Table({ name: 'shop', entity: 'Order' })
export class TemplatedOrder {
  declare [ModelTypes]?: { key: 'user_id' | 'order_id'; managed: 'pk' | 'sk' };
  @PartitionKey({ template: 'USER#{user_id}' }) pk!: string; // ok: a templated key, listed in managed
  @SortKey({ template: 'ORDER#{order_id}' }) sk!: string; // ok
  @Attribute() user_id!: string;
  @Attribute() order_id!: string;
  @Attribute() total!: number;
}

@Table({ name: 'shop', entity: 'User' })
export class UndeclaredTemplateKeys {
  declare [ModelTypes]?: { key: 'pk' | 'user_id' };
  // @ts-expect-error -- a templated key is the library's: it belongs in managed, not in key
  @PartitionKey({ template: 'USER#{user_id}' }) pk!: string;
  @Attribute() user_id!: string;
}

const orders = new Repository(TemplatedOrder);

export async function templateProbes(): Promise<unknown[]> {
  return [
    await orders.getRecord({ user_id: 'u1', order_id: 'o1' }), // ok: the id is the template's parts
    // @ts-expect-error -- the computed keys are not the id
    await orders.getRecord({ pk: 'USER#u1', sk: 'ORDER#o1' }),
    // @ts-expect-error -- every part of the id
    await orders.getRecord({ user_id: 'u1' }),
    await orders.createRecord({ user_id: 'u1', order_id: 'o1', total: 3 }), // ok: no computed key to give
    await orders.updateRecord({ user_id: 'u1', order_id: 'o1' }, { total: 4 }), // ok
    // @ts-expect-error -- a computed key is never a change
    await orders.updateRecord({ user_id: 'u1', order_id: 'o1' }, { pk: 'USER#u2' }),
    // @ts-expect-error -- nor is a part of the key
    await orders.updateRecord({ user_id: 'u1', order_id: 'o1' }, { user_id: 'u2' }),
    orders.query({ user_id: 'u1' }, { filter: where('total').gt(1) }), // ok: the query key by its parts
  ];
}
