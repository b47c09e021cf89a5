import type {
  AttributeType,
  IndexProjection,
  LifecycleRole,
  ProvisionedCapacity,
  StreamView,
} from '../metadata/declarations';

/** A class usable as a model; instances are made without calling its constructor. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ModelClass<M extends object = object> = abstract new (...args: any[]) => M;

/** One attribute after compilation: type settled, options checked. */
export interface CompiledAttribute {
  readonly name: string;
  /** Whether Object.prototype has a property of this name (`toString`...), so values are read with Object.hasOwn. */
  readonly onPrototype: boolean;
  readonly type: AttributeType;
  readonly optional: boolean;
  readonly key?: 'partition' | 'sort';
  readonly categorical?: readonly string[];
  /** Set for attributes the library maintains (version, timestamps, TTL). */
  readonly role?: LifecycleRole;
}

/** A secondary index after its declaration was checked. */
export interface CompiledIndex {
  readonly name: string;
  readonly kind: 'global' | 'local';
  readonly partitionKey: CompiledAttribute;
  readonly sortKey?: CompiledAttribute;
  readonly projection: IndexProjection;
}

/** A categorical enum: UPPER_SNAKE keys to the values as declared. */
export type CategoricalEnum = Readonly<Record<string, string>>;

/** The enums generated from a model: `Attribute` plus one PascalCase enum per categorical attribute. */
export type GeneratedEnums = Readonly<Record<string, CategoricalEnum>>;

/** Everything the library knows of a model, checked once and frozen. */
export interface CompiledSchema<M extends object = object> {
  readonly model: ModelClass<M>;
  readonly modelName: string;
  readonly tableName: string;
  readonly provisioned?: ProvisionedCapacity;
  /** The `@Table` stream view type; no stream when absent. */
  readonly stream?: StreamView;
  readonly attributes: readonly CompiledAttribute[];
  readonly attributeByName: ReadonlyMap<string, CompiledAttribute>;
  readonly partitionKey: CompiledAttribute;
  readonly sortKey?: CompiledAttribute;
  /** Partition key first, then the sort key if there is one. */
  readonly keyAttributes: readonly CompiledAttribute[];
  /** Declared secondary indexes, by name. */
  readonly indexes: ReadonlyMap<string, CompiledIndex>;
  readonly version?: CompiledAttribute;
  readonly createdAt?: CompiledAttribute;
  readonly updatedAt?: CompiledAttribute;
  readonly ttl?: CompiledAttribute;
  /** Whether the model carries class-validator decorators, which then run on every write. */
  readonly usesClassValidator: boolean;
}
