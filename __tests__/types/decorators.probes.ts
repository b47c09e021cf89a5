// The decorators check a model's [ModelTypes] declaration against themselves (checked by tsc in
// `npm test`, never run). Every `@ts-expect-error` line must fail to compile; every `ok:` line must
// compile. The same probes under standard decorators: decorators.standard.probes.ts.
import {
  Attribute,
  Categorical,
  CreatedAt,
  GlobalIndex,
  LocalIndex,
  ModelTypes,
  PartitionKey,
  SortKey,
  Table,
  Ttl,
  Version,
} from '../../lib';
import { STATUSES, type Status } from './models';

// ok: a model whose decorators agree with its declaration (Order in models.ts is another)
@Table({ name: 'jobs' })
@GlobalIndex('byOwner', { partitionKey: 'owner' })
export class Job {
  declare [ModelTypes]?: {
    key: 'job_id' | 'step';
    managed: 'version';
    defaults: 'token';
    indexes: 'byOwner' | 'byStatus';
  };
  @PartitionKey() job_id!: string;
  @SortKey() step!: number;
  @Attribute() owner!: string;
  @Categorical(STATUSES) @LocalIndex('byStatus') status!: Status;
  @Attribute({ optional: true }) note?: string;
  @Version() version!: number;
  @Attribute({ default: () => 'fresh' }) token!: string;
}

export class Misdeclared {
  declare [ModelTypes]?: {
    key: 'id';
    managed: 'version' | 'created_at' | 'expiry';
    defaults: 'token';
    indexes: 'byOwner';
  };
  // @ts-expect-error -- @PartitionKey on a property that key does not name
  @PartitionKey() other!: string;
  // @ts-expect-error -- @SortKey likewise
  @SortKey() at!: number;
  // @ts-expect-error -- a key attribute cannot be optional
  @PartitionKey() id?: string;
  // @ts-expect-error -- @Version on a property managed does not name
  @Version() revision!: number;
  // @ts-expect-error -- @Attribute on a property managed names (the library would write it)
  @Attribute() version!: number;
  // @ts-expect-error -- @CreatedAt is managed: the declaration must say so, and it does, but @Attribute does not
  @Attribute({ type: 'date' }) created_at!: Date;
  // @ts-expect-error -- optional: true needs `?`
  @Attribute({ optional: true }) nickname!: string;
  // @ts-expect-error -- `?` needs optional: true
  @Attribute() alias?: string;
  // @ts-expect-error -- defaults names token, but the decorator gives no default
  @Attribute() token!: string;
  // @ts-expect-error -- a default, but defaults does not name the attribute
  @Attribute({ default: () => 'guest' }) role!: string;
  // @ts-expect-error -- a categorical property typed wider than its values
  @Categorical(STATUSES) status!: string;
  // @ts-expect-error -- a categorical property typed with another value
  @Categorical(['A', 'B']) grade!: 'A' | 'B' | 'C';
  // @ts-expect-error -- an index the declaration does not list
  @GlobalIndex('byOwnr') owner!: string;
  // @ts-expect-error -- an expiry may be absent
  @Ttl() expires_at!: Date;
  // @ts-expect-error -- managed is for @Version, @CreatedAt, @UpdatedAt: the expiry is the user's
  @Ttl() expiry?: Date;
}

// @ts-expect-error -- the class form of an index decorator is checked too
@LocalIndex('byWhen', { sortKey: 'at' })
export class MisindexedClass {
  declare [ModelTypes]?: { key: 'id' | 'at' };
  @PartitionKey() id!: string;
  @SortKey() at!: number;
}

// @ts-expect-error -- the declaration names a property the model does not have
@Table({ name: 'x' })
export class GhostKey {
  declare [ModelTypes]?: { key: 'id' | 'ghost' };
  @PartitionKey() id!: string;
}

// @ts-expect-error -- a misspelt part of the declaration
@Table({ name: 'x' })
export class MisspeltPart {
  declare [ModelTypes]?: { key: 'id'; indexs: 'byName' };
  @PartitionKey() id!: string;
}

// @ts-expect-error -- a key names at most two attributes
@Table({ name: 'x' })
export class ThreeKeys {
  declare [ModelTypes]?: { key: 'a' | 'b' | 'c' };
  @PartitionKey() a!: string;
  @SortKey() b!: string;
  @Attribute() c!: string;
}

// ok: a model without the declaration is not checked (today's looser types)
@Table({ name: 'x' })
export class Undeclared {
  @PartitionKey() id!: string;
  @Attribute({ optional: true }) note!: string;
  @Categorical(STATUSES) status!: string;
  @CreatedAt() created?: Date;
}
