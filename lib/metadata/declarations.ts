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
}
