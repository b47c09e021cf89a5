import './quiet';
import {
  Attribute,
  collection,
  EntityMismatchError,
  GlobalIndex,
  PartitionKey,
  Repository,
  SortKey,
  Table,
  where,
} from 'dynamodb-decorators';
import { reportFailure, startEngine } from './engine';
import { removeLeftovers } from './leftovers';

// A shop in one table (single-table design): users, their orders and the orders' lines share the
// partition USER#<user_id>; each item carries its entity name, so no repository ever reads another
// model's item as its own, and a collection reads the whole partition into the right classes.

@Table({ name: 'shop-table', entity: 'User' })
export class User {
  @PartitionKey({ template: 'USER#{user_id}' }) pk!: string;
  @SortKey({ template: 'PROFILE' }) sk!: string;
  @Attribute() user_id!: string;
  @Attribute() email!: string;
}

@Table({ name: 'shop-table', entity: 'Order' })
export class Order {
  @PartitionKey({ template: 'USER#{user_id}' }) pk!: string;
  @SortKey({ template: 'ORDER#{placed_at}#{order_id}' }) sk!: string;
  @Attribute() user_id!: string;
  @Attribute() order_id!: string;
  /** YYYY-MM-DD: the sort key orders a user's orders by date. */
  @Attribute() placed_at!: string;
  @Attribute() total!: number;
  // an index key computed like the table's: an order and its lines, found by the order id alone
  @Attribute({ template: 'ORDER#{order_id}' }) @GlobalIndex('byOrder', { sortKey: 'sk' }) gsi1pk!: string;
}

@Table({ name: 'shop-table', entity: 'LineItem' })
export class LineItem {
  @PartitionKey({ template: 'USER#{user_id}' }) pk!: string;
  @SortKey({ template: 'LINE#{order_id}#{line_no}' }) sk!: string;
  @Attribute() user_id!: string;
  @Attribute() order_id!: string;
  @Attribute() line_no!: number;
  @Attribute() sku!: string;
  @Attribute() quantity!: number;
  @Attribute({ template: 'ORDER#{order_id}' }) @GlobalIndex('byOrder', { sortKey: 'sk' }) gsi1pk!: string;
}

const orderIds = [
  { user_id: 'ada', placed_at: '2026-03-01', order_id: 'o-1001' },
  { user_id: 'ada', placed_at: '2026-04-15', order_id: 'o-1002' },
];
const lineIds = [
  { user_id: 'ada', order_id: 'o-1001', line_no: 1 },
  { user_id: 'ada', order_id: 'o-1001', line_no: 2 },
  { user_id: 'ada', order_id: 'o-1002', line_no: 1 },
];

async function main(): Promise<void> {
  const engine = await startEngine();
  try {
    const options = { client: engine.client };
    const users = new Repository(User, options);
    const orders = new Repository(Order, options);
    const lines = new Repository(LineItem, options);
    const shop = collection(users, orders, lines);
    console.log(`Engine: ${engine.engineName}`);
    const { created } = await shop.createTable(); // the keys and the byOrder index of all three models
    console.log(`createTable('${shop.tableName}') for User, Order and LineItem: created ${created}`);
    await removeLeftovers(users, [{ user_id: 'ada' }]);
    await removeLeftovers(orders, orderIds);
    await removeLeftovers(lines, lineIds);

    await users.createRecord({ user_id: 'ada', email: 'ada@example.com' });
    await orders.createRecord({ ...orderIds[0]!, total: 42.5 });
    await orders.createRecord({ ...orderIds[1]!, total: 9.99 });
    await lines.createRecord({ ...lineIds[0]!, sku: 'LAMP-01', quantity: 1 });
    await lines.createRecord({ ...lineIds[1]!, sku: 'BULB-60', quantity: 4 });
    await lines.createRecord({ ...lineIds[2]!, sku: 'CABLE-2M', quantity: 2 });

    const ada = await users.getRecord({ user_id: 'ada' }); // the template's part is the id
    console.log(`\nusers.getRecord({ user_id: 'ada' }): ${ada.email}, stored under ${ada.pk} / ${ada.sk}`);

    console.log('\nThe partition USER#ada through collection(users, orders, lines), in sort key order:');
    for await (const item of shop.query({ user_id: 'ada' })) {
      if (item instanceof User) console.log(`  User      ${item.sk.padEnd(26)} ${item.email}`);
      else if (item instanceof Order) console.log(`  Order     ${item.sk.padEnd(26)} total ${item.total}`);
      else console.log(`  LineItem  ${item.sk.padEnd(26)} ${item.quantity} × ${item.sku}`);
    }

    const all = orders.query({ user_id: 'ada' });
    const ids: string[] = [];
    for await (const order of all) ids.push(order.order_id);
    console.log(
      `\norders.query({ user_id: 'ada' }): ${ids.join(', ')} (passed over ${all.skipped} items of other entities)`,
    );
    const april: string[] = [];
    const placedInApril = where('placed_at').beginsWith('2026-04'); // on the sort key's leading part
    for await (const order of orders.query({ user_id: 'ada' }, { sortKey: placedInApril })) april.push(order.order_id);
    console.log(`Placed in April 2026: ${april.join(', ')}`);
    const ofOrder: string[] = [];
    for await (const line of lines.query({ order_id: 'o-1001' }, { index: 'byOrder' })) ofOrder.push(line.sku);
    console.log(`Lines of o-1001, through the byOrder index: ${ofOrder.join(', ')}`);

    const page = await shop.query({ user_id: 'ada' }).page({ limit: 2 });
    console.log(`\nA page of 2: ${page.items.map((item) => item.sk).join(', ')}; the cursor resumes after it`);
    const next = await shop.query({ user_id: 'ada' }).page({ limit: 2, cursor: page.cursor });
    console.log(`The next page: ${next.items.map((item) => item.sk).join(', ')}`);

    console.log('\nA model never takes another entity’s item as its own:');
    @Table({ name: 'shop-table', entity: 'Guest' })
    class Guest {
      @PartitionKey({ template: 'USER#{user_id}' }) pk!: string;
      @SortKey({ template: 'PROFILE' }) sk!: string;
      @Attribute() user_id!: string;
    }
    try {
      await new Repository(Guest, options).getRecord({ user_id: 'ada' });
      throw new Error("Ada's profile was read as a Guest");
    } catch (error) {
      if (!(error instanceof EntityMismatchError)) throw error;
      console.log(`  guests.getRecord({ user_id: 'ada' }): ${error.name}: ${error.message}`);
    }
  } finally {
    await engine.stop();
  }
}

main().catch(reportFailure);
