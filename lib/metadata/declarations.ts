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
  /**
   * The model's entity name, for a table shared by several models: every write stores it in the
   * `entityAttribute`, and reads return only items that carry it.
   */
  readonly entity?: string;
  /** The attribute that holds the entity name; `_entity` unless given (needs `entity`). */
  readonly entityAttribute?: string;
}

/** How a Date attribute is stored: an ISO-8601 string (the default), or a number of epoch seconds or milliseconds. */
export type DateStorage = 'iso' | 'epochSeconds' | 'epochMillis';

/** The types a converter can store: every attribute type but `date` (a Date chooses its storage instead). */
export type StoredType = Exclude<AttributeType, 'date'>;

/** The JavaScript value of a stored type, as a converter's `toStored` gives it and `fromStored` takes it. */
export type StoredValue<S extends StoredType> = {
  string: string;
  number: number;
  bigint: bigint;
  boolean: boolean;
  binary: Uint8Array;
  list: unknown[];
  map: Record<string, unknown>;
  stringSet: Set<string>;
  numberSet: Set<number | bigint>;
  binarySet: Set<Uint8Array>;
}[S];

/**
 * Converts a property's own values (money, decimals, a class of yours) to a stored type and back:
 * two pure functions. What `toStored` gives is checked against `type` before anything is sent.
 * @example
 * const money: Converter<Money, 'string'> = { type: 'string', toStored: (m) => m.toFixed(2), fromStored: (s) => Money.parse(s) };
 */
export interface Converter<T = unknown, S extends StoredType = StoredType> {
  readonly type: S;
  toStored(value: T): StoredValue<S>;
  fromStored(stored: StoredValue<S>): T;
}

/** A class whose `@Attribute`s describe a value stored as a map (it has no `@Table`). */
export type NestedClass = abstract new (...args: never[]) => object;

/** Options shared by the property decorators. */
export interface AttributeOptions {
  /**
   * The attribute's type: one of the type names, a class whose own `@Attribute`s describe a value
   * stored as a map (`type: Address`), or a list of such values (`type: [LineItem]`). Optional under
   * legacy decorators with `emitDecoratorMetadata` (then read from `design:type`); needed where no
   * type metadata is emitted (standard decorators, esbuild-based runners), and for sets, maps,
   * lists of a class and properties typed as a union.
   */
  readonly type?: AttributeType | NestedClass | readonly [NestedClass];
  /** A missing value is allowed (never for key attributes). */
  readonly optional?: boolean;
  /** The attribute's name in DynamoDB, when it differs from the property's: `@Attribute({ name: 'st' }) status`. */
  readonly name?: string;
  /**
   * The value a record gets when it is created or put without this attribute: a value, or a function
   * called once per record (`default: () => randomUUID()`). Never applied on update or read.
   */
  readonly default?: unknown;
  /** Converts the property's values to a stored type and back (the stored type is the converter's). */
  readonly converter?: Converter;
  /** How a Date is stored: `'iso'` (default), `'epochSeconds'` or `'epochMillis'`. */
  readonly storage?: DateStorage;
  /**
   * Computes the attribute from others on every write: `'USER#{user_id}'`, `'ORDER#{placed_at}#{order_id}'`.
   * The value is a string, read-only for callers; each `{name}` names a string, number, bigint or Date attribute.
   */
  readonly template?: string;
}

/** Options of `@PartitionKey` and `@SortKey`: a key is never optional, and its type is a string, number, bigint, Date or binary. */
export type KeyOptions = Pick<AttributeOptions, 'type' | 'name' | 'default' | 'converter' | 'storage' | 'template'>;

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
