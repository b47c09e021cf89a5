/** The attribute types a model can declare; `@Attribute({ type })` takes one of these names. */
export type AttributeType =
  | 'string'
  | 'number'
  | 'bigint'
  | 'boolean'
  | 'date'
  | 'binary'
  | 'list'
  | 'map'
  | 'stringSet'
  | 'numberSet'
  | 'binarySet';

/** Provisioned throughput; a table without it is billed on demand. */
export interface ProvisionedCapacity {
  readonly readCapacityUnits: number;
  readonly writeCapacityUnits: number;
}

/** What `@Table` records. */
export interface TableDeclaration {
  readonly name: string;
  readonly provisioned?: ProvisionedCapacity;
}

/** Options shared by the property decorators. */
export interface AttributeOptions {
  /** Overrides the type inferred from `design:type` (needed for sets and anything ambiguous). */
  readonly type?: AttributeType;
  /** A missing value is allowed (never for key attributes). */
  readonly optional?: boolean;
}

/** What one property decorator records; several may name the same property. */
export interface AttributeDeclaration extends AttributeOptions {
  readonly property: string;
  readonly key?: 'partition' | 'sort';
  readonly categorical?: readonly string[];
  /** An attribute the library maintains itself. */
  readonly role?: LifecycleRole;
}

/** Attributes the library writes: a version for optimistic locking, timestamps, an expiry. */
export type LifecycleRole = 'version' | 'createdAt' | 'updatedAt' | 'ttl';

/** Which attributes an index copies: all, only the keys, or the keys plus the listed ones. */
export type IndexProjection = 'ALL' | 'KEYS_ONLY' | { readonly include: readonly string[] };

/** What `@GlobalIndex` and `@LocalIndex` record. */
export interface IndexDeclaration {
  readonly name: string;
  readonly kind: 'global' | 'local';
  /** A global index's partition key (a local index shares the table's). */
  readonly partitionKey?: string;
  readonly sortKey?: string;
  readonly projection?: IndexProjection;
  /** The decorated property, when the decorator sat on one (for messages). */
  readonly property?: string;
}
