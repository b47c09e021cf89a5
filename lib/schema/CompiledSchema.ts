import type {
  AttributeType,
  Converter,
  DateStorage,
  IndexProjection,
  LifecycleRole,
  NestedClass,
  ProvisionedCapacity,
  StreamView,
} from '../metadata/declarations';

/** A class usable as a model; instances are made without calling its constructor. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ModelClass<M extends object = object> = abstract new (...args: any[]) => M;

/** One attribute after compilation: type settled, options checked. */
export interface CompiledAttribute {
  /** The property's name: what callers write (values, changes, conditions, ids, messages). */
  readonly name: string;
  /** The attribute's name in DynamoDB: what every request says. The property's name unless `@Attribute({ name })`. */
  readonly storedName: string;
  /** Whether Object.prototype has a property of this name (`toString`...), so values are read with Object.hasOwn. */
  readonly onPrototype: boolean;
  /** The stored type: `'map'` for a class's values, `'list'` for a list of them, the converter's type for a converter. */
  readonly type: AttributeType;
  /** The class whose attributes describe the value (`'map'`) or each element (`'list'`). */
  readonly nested?: NestedClass;
  /** Converts the property's values to `type` and back. */
  readonly converter?: Converter;
  /** How a `'date'` is stored (a TTL: always epoch seconds). */
  readonly storage?: DateStorage;
  /** Makes the value of a record created or put without it: called once per record. */
  readonly default?: () => unknown;
  readonly optional: boolean;
  readonly key?: 'partition' | 'sort';
  readonly categorical?: readonly string[];
  /** Set for attributes the library maintains (version, timestamps, TTL). */
  readonly role?: LifecycleRole;
  /** Set for an attribute computed from others on every write (`'USER#{user_id}'`): a string, read-only for callers. */
  readonly template?: CompiledTemplate;
}

/** One piece of a template: text as written, or the value of an attribute. */
export type TemplateSegment = { readonly text: string } | { readonly part: CompiledAttribute };

/** A parsed `template`: `'ORDER#{placed_at}#{order_id}'` is ORDER#, placed_at, #, order_id. */
export interface CompiledTemplate {
  /** As declared. */
  readonly source: string;
  /** Text and parts in order; two parts are never adjacent. */
  readonly segments: readonly TemplateSegment[];
  /** The attributes named, each once, in the order they appear. */
  readonly parts: readonly CompiledAttribute[];
}

/** The entity a model's items carry, for a table shared by several models. */
export interface EntityTag {
  /** The entity name, as `@Table({ entity })` gives it. */
  readonly name: string;
  /** The attribute that holds it in every item. */
  readonly storedName: string;
}

/** The attributes of a class, checked once and frozen: a model's, or a nested class's (stored as a map). */
export interface CompiledShape<M extends object = object> {
  readonly model: ModelClass<M>;
  readonly modelName: string;
  readonly attributes: readonly CompiledAttribute[];
  /** By property name. */
  readonly attributeByName: ReadonlyMap<string, CompiledAttribute>;
  /** Whether the class carries class-validator decorators, which then run on every write. */
  readonly usesClassValidator: boolean;
}

/** A secondary index after its declaration was checked. */
export interface CompiledIndex {
  readonly name: string;
  readonly kind: 'global' | 'local';
  readonly partitionKey: CompiledAttribute;
  readonly sortKey?: CompiledAttribute;
  /** As declared: attributes included by property name. */
  readonly projection: IndexProjection;
  /** As DynamoDB holds it: attributes included by stored name. */
  readonly storedProjection: IndexProjection;
}

/** A categorical enum: UPPER_SNAKE keys to the values as declared. */
export type CategoricalEnum = Readonly<Record<string, string>>;

/** The enums generated from a model: `Attribute` plus one PascalCase enum per categorical attribute. */
export type GeneratedEnums = Readonly<Record<string, CategoricalEnum>>;

/** Everything the library knows of a model, checked once and frozen. */
export interface CompiledSchema<M extends object = object> extends CompiledShape<M> {
  readonly tableName: string;
  readonly provisioned?: ProvisionedCapacity;
  /** The `@Table` stream view type; no stream when absent. */
  readonly stream?: StreamView;
  readonly partitionKey: CompiledAttribute;
  readonly sortKey?: CompiledAttribute;
  /** Partition key first, then the sort key if there is one. */
  readonly keyAttributes: readonly CompiledAttribute[];
  /**
   * What an id names: the key attributes, each templated one replaced by the parts of its template
   * (`{ user_id }` for `'USER#{user_id}'`), each once.
   */
  readonly idAttributes: readonly CompiledAttribute[];
  /** Set when `@Table({ entity })` declares one: every item written carries it, reads skip items without it. */
  readonly entity?: EntityTag;
  /** Declared secondary indexes, by name. */
  readonly indexes: ReadonlyMap<string, CompiledIndex>;
  readonly version?: CompiledAttribute;
  readonly createdAt?: CompiledAttribute;
  readonly updatedAt?: CompiledAttribute;
  readonly ttl?: CompiledAttribute;
}
