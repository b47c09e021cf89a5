// The decorator probes of decorators.probes.ts under TC39 standard decorators: __tests__/unit/types/
// probes.test.ts compiles this file with experimentalDecorators off (the root type check compiles it
// with legacy decorators, where the same lines must fail). Never run.
import {
  Attribute,
  Categorical,
  GlobalIndex,
  PartitionKey,
  SortKey,
  Table,
  Ttl,
  Version,
} from '../fixtures/decoratorsOnly';
import { ModelTypes } from '../../lib/types/ModelTypes';

const STATUSES = ['STARTED', 'FAILED'] as const;

// ok: decorators that agree with the declaration
@Table({ name: 'jobs' })
@GlobalIndex('byOwner', { partitionKey: 'owner' })
export class Job {
  declare [ModelTypes]?: { key: 'job_id' | 'step'; managed: 'version'; indexes: 'byOwner' };
  @PartitionKey({ type: 'string' }) job_id!: string;
  @SortKey({ type: 'number' }) step!: number;
  @Attribute({ type: 'string' }) owner!: string;
  @Categorical(STATUSES) status!: (typeof STATUSES)[number];
  @Attribute({ type: 'string', optional: true }) note?: string;
  @Version() version!: number;
  @Ttl() expires_at?: Date;
}

// ok: a model without the declaration is not checked
@Table({ name: 'loose' })
export class Loose {
  @PartitionKey({ type: 'string' }) id!: string;
  @Attribute({ type: 'string', optional: true }) note!: string;
}

export class Misdeclared {
  declare [ModelTypes]?: { key: 'id'; managed: 'version'; indexes: 'byOwner' };
  // @ts-expect-error -- @PartitionKey on a property that key does not name
  @PartitionKey({ type: 'string' }) other!: string;
  // @ts-expect-error -- @Version on a property managed does not name
  @Version() revision!: number;
  // @ts-expect-error -- @Attribute on a property managed names
  @Attribute({ type: 'number' }) version!: number;
  // @ts-expect-error -- optional: true needs `?`
  @Attribute({ type: 'string', optional: true }) nickname!: string;
  // @ts-expect-error -- `?` needs optional: true
  @Attribute({ type: 'string' }) alias?: string;
  // @ts-expect-error -- a categorical property typed wider than its values
  @Categorical(STATUSES) status!: string;
  // @ts-expect-error -- an index the declaration does not list
  @GlobalIndex('byOwnr') @Attribute({ type: 'string' }) owner!: string;
  // @ts-expect-error -- an expiry may be absent
  @Ttl() expires_at!: Date;
}

// @ts-expect-error -- the declaration names a property the model does not have
@Table({ name: 'x' })
export class GhostKey {
  declare [ModelTypes]?: { key: 'id' | 'ghost' };
  @PartitionKey({ type: 'string' }) id!: string;
}
