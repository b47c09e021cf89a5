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

/** What a table's stream records of each changed item: DynamoDB's StreamViewType. */
export type StreamView = 'NEW_AND_OLD_IMAGES' | 'NEW_IMAGE' | 'OLD_IMAGE' | 'KEYS_ONLY';

/** The options of `@Table`. */
export interface TableDeclaration {
  readonly name: string;
  readonly provisioned?: ProvisionedCapacity;
  /** Turns on the table's DynamoDB stream with this view type; no stream when absent. */
  readonly stream?: StreamView;
}

/** Options shared by the property decorators. */
export interface AttributeOptions {
  /**
   * The attribute's type. Optional under legacy decorators with `emitDecoratorMetadata` (then read
   * from `design:type`); needed where no type metadata is emitted (standard decorators, esbuild-based
   * runners), and for sets, maps and properties typed as a union.
   */
  readonly type?: AttributeType;
  /** A missing value is allowed (never for key attributes). */
  readonly optional?: boolean;
}

/** The decorators that declare an attribute, as messages name them. */
export type PropertyDecoratorName =
  | '@PartitionKey'
  | '@SortKey'
  | '@Attribute'
  | '@Categorical'
  | '@GlobalIndex'
  | '@LocalIndex'
  | '@Version'
  | '@CreatedAt'
  | '@UpdatedAt'
  | '@Ttl';

/**
 * What one property decorator records; several may name the same property. Options and values
 * are kept as given: compileSchema checks them, so a decorator never throws.
 */
export interface AttributeDeclaration {
  readonly property: string;
  readonly decorator: PropertyDecoratorName;
  /** The options object as given (a plain object is copied); undefined when none was given. */
  readonly options?: unknown;
  readonly key?: 'partition' | 'sort';
  /** `@Categorical`'s values as given (an array is copied). */
  readonly categorical?: unknown;
  /** An attribute the library maintains itself. */
  readonly role?: LifecycleRole;
}

/** Attributes the library writes: a version for optimistic locking, timestamps, an expiry. */
export type LifecycleRole = 'version' | 'createdAt' | 'updatedAt' | 'ttl';

/** Which attributes an index copies: all, only the keys, or the keys plus the listed ones. */
export type IndexProjection = 'ALL' | 'KEYS_ONLY' | { readonly include: readonly string[] };

/** What `@GlobalIndex` and `@LocalIndex` record, as given. */
export interface IndexDeclaration {
  readonly kind: 'global' | 'local';
  readonly name: unknown;
  /** The options object as given (a plain object is copied). */
  readonly options?: unknown;
  /** The decorated property, when the decorator sat on one: the index's partition key (global) or sort key (local). */
  readonly property?: string;
}

/** What `@Table` records: its options as given (a plain object is copied). */
export interface TableRecord {
  readonly options: unknown;
}

/** Where a decorator was found that the library does not support there. */
export type MisusePlace =
  | 'class'
  | 'property'
  | 'method'
  | 'getter'
  | 'setter'
  | 'accessor'
  | 'parameter'
  | 'static member'
  | '#private member'
  | 'symbol-keyed property';

/** A decorator used in a way the library does not support, recorded so compileSchema can name it. */
export interface DecoratorMisuse {
  /** As written: `@Attribute`, `@Table`... */
  readonly decorator: string;
  readonly place: MisusePlace;
  /** The member's name, for a decorator on a member. */
  readonly property?: string;
  /** The decorator factory itself was applied (`@Attribute name` instead of `@Attribute() name`). */
  readonly withoutParentheses?: boolean;
}
