// Models for the type probes (__tests__/types/*.probes.ts): checked by tsc in `npm test`, never run.
// Order and OrderLine declare [ModelTypes]; LooseOrder is the same model without the declaration.
import {
  Attribute,
  Categorical,
  CreatedAt,
  GlobalIndex,
  ModelTypes,
  PartitionKey,
  Repository,
  SortKey,
  Table,
  Ttl,
  UpdatedAt,
  Version,
} from '../../lib';

export const STATUSES = ['STARTED', 'IN_PROGRESS', 'SUCCESS', 'FAILED'] as const;
export type Status = (typeof STATUSES)[number];

/** A nested value of an order: stored as a map. */
export class Address {
  @Attribute() city!: string;
  @Attribute({ optional: true }) zip?: string;
}

/** One line of an order, in a list. */
export class LineItem {
  @Attribute() sku!: string;
  @Attribute() qty!: number;
}

@Table({ name: 'orders' })
export class Order {
  declare [ModelTypes]?: {
    key: 'order_id';
    managed: 'version' | 'created_at' | 'updated_at';
    defaults: 'token';
    indexes: 'byStatus' | 'byCustomer';
  };
  @PartitionKey() order_id!: string;
  @Categorical(STATUSES) @GlobalIndex('byStatus', { sortKey: 'placed_at' }) status!: Status;
  @Attribute() placed_at!: string;
  @Attribute() customer!: string;
  @Attribute() total!: number;
  @Attribute({ optional: true }) retries?: number;
  @Attribute({ type: 'bigint' }) cents!: bigint;
  @Attribute({ type: 'stringSet' }) tags!: Set<string>;
  @Attribute({ type: 'stringSet', optional: true }) labels?: Set<string>;
  @Attribute() notes!: string[];
  @Attribute({ type: 'map' }) ship_to!: Address;
  @Attribute({ type: 'list' }) lines!: LineItem[];
  @Attribute({ optional: true }) note?: string;
  @Attribute() paid!: boolean;
  @Attribute({ optional: true }) receipt?: Uint8Array;
  @Version() version!: number;
  @CreatedAt() created_at!: Date;
  @UpdatedAt() updated_at!: Date;
  @Ttl() expires_at?: Date;
  @Attribute({ default: () => 'fresh' }) token!: string;
}

/** A composite key: the id is `{ order_id, sku }`. */
@Table({ name: 'order-lines' })
export class OrderLine {
  declare [ModelTypes]?: { key: 'order_id' | 'sku' };
  @PartitionKey() order_id!: string;
  @SortKey() sku!: string;
  @Attribute() qty!: number;
}

/** Another model, whose conditions an order repository must not take. */
@Table({ name: 'customers' })
export class Customer {
  declare [ModelTypes]?: { key: 'customer_id' };
  @PartitionKey() customer_id!: string;
  @Attribute() email!: string;
}

/** Order without the declaration: today's looser types. */
@Table({ name: 'orders' })
export class LooseOrder {
  @PartitionKey() order_id!: string;
  @Categorical(STATUSES) status!: Status;
  @Attribute() total!: number;
  @Attribute({ optional: true }) note?: string;
  @Version() version!: number;
}

export class OrderRepository extends Repository<Order> {}

// Type-only: the probes never run, so no repository is constructed.
export declare const orders: OrderRepository;
export declare const lines: Repository<OrderLine>;
export declare const customers: Repository<Customer>;
export declare const looseOrders: Repository<LooseOrder>;

/** An order with every required attribute, as createRecord takes it. */
export function newOrder(): Pick<Order, 'order_id' | 'status' | 'placed_at' | 'customer' | 'total'> &
  Pick<Order, 'cents' | 'tags' | 'notes' | 'ship_to' | 'lines' | 'paid'> {
  return {
    order_id: 'o1',
    status: 'STARTED',
    placed_at: '2026-01-01',
    customer: 'c1',
    total: 3,
    cents: 300n,
    tags: new Set(['gpu']),
    notes: [],
    ship_to: { city: 'Paris' },
    lines: [{ sku: 'A-1', qty: 1 }],
    paid: false,
  };
}
