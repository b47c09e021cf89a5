import type { AttributeTypeCode, Condition } from '../expressions/conditions';
import type { DataName, IsMap, PathOf, ValueAt } from './attributes';

// The typed views of `where`: the same objects as the untyped `where()` returns, seen through
// interfaces that offer only the conditions an attribute's type allows, with values of that type.

/** Conditions on any attribute: equality, membership, presence and stored type. */
export interface ValueConditions<M, V> {
  eq(value: V): Condition<M>;
  ne(value: V): Condition<M>;
  /** One of the values (DynamoDB takes up to 100). */
  in(values: readonly V[]): Condition<M>;
  /** The attribute is present. */
  exists(): Condition<M>;
  /** The attribute is absent. */
  notExists(): Condition<M>;
  /** The attribute is stored with this DynamoDB type. */
  type(type: AttributeTypeCode): Condition<M>;
}

/** Comparisons of a value DynamoDB orders: a string, number, bigint, date or binary, or a size. */
export interface OrderedConditions<M, V> {
  eq(value: V): Condition<M>;
  ne(value: V): Condition<M>;
  in(values: readonly V[]): Condition<M>;
  lt(value: V): Condition<M>;
  le(value: V): Condition<M>;
  gt(value: V): Condition<M>;
  ge(value: V): Condition<M>;
  /** low ≤ value ≤ high. */
  between(low: V, high: V): Condition<M>;
}

/** Conditions on the size of a string, binary, set, list or map. */
export interface SizedConditions<M> {
  /** Comparisons on the size (a string's length, a set's or list's count, a map's number of entries). */
  size(): OrderedConditions<M, number>;
}

/** Conditions on a number, bigint or date attribute. */
export interface ComparableConditions<M, V> extends ValueConditions<M, V>, OrderedConditions<M, V> {}

/** Conditions on a string attribute (a categorical one compares with its values only). */
export interface StringConditions<M, V> extends ComparableConditions<M, V>, SizedConditions<M> {
  beginsWith(prefix: string): Condition<M>;
  /** The string contains this substring. */
  contains(substring: string): Condition<M>;
}

/** Conditions on a binary attribute. */
export interface BinaryConditions<M> extends ComparableConditions<M, Uint8Array>, SizedConditions<M> {
  beginsWith(prefix: Uint8Array): Condition<M>;
}

/** Conditions on a set or list attribute whose elements are E. */
export interface CollectionConditions<M, V, E> extends ValueConditions<M, V>, SizedConditions<M> {
  /** The set or list holds this element. */
  contains(element: E): Condition<M>;
}

/** Conditions on a map attribute (a nested class, a Record). */
export interface MapConditions<M, V> extends ValueConditions<M, V>, SizedConditions<M> {}

/** The conditions `where` offers on a value of type V (see the interfaces above). */
export type ConditionsOn<M, V> = [V] extends [string]
  ? StringConditions<M, V>
  : [V] extends [number | bigint | Date]
    ? ComparableConditions<M, V>
    : [V] extends [Uint8Array]
      ? BinaryConditions<M>
      : [V] extends [ReadonlySet<infer E>]
        ? CollectionConditions<M, V, E>
        : [V] extends [readonly (infer E)[]]
          ? CollectionConditions<M, V, E>
          : IsMap<V> extends true
            ? MapConditions<M, V>
            : ValueConditions<M, V>;

/**
 * A repository's `where`: it names only the model's attributes (or a path into them by the nested
 * types: `where(['ship_to', 'city'])`) and compares with values of the attribute's type. The
 * conditions it makes are `Condition<M>`, which only that model's repositories (and the free `and`,
 * `or`, `not`) take.
 * @example
 * const { where } = statuses;
 * where('status').eq('STARTED').and(where('retries').lt(3));
 */
export interface ModelWhere<M> {
  <K extends DataName<M>>(attribute: K): ConditionsOn<M, NonNullable<M[K]>>;
  // the value type as a defaulted parameter, not in the return type: a recursive type there would make
  // Repository<Order> no longer assignable to Repository<object>
  <const P extends PathOf<M>, V = NonNullable<ValueAt<M, P>>>(path: P): ConditionsOn<M, V>;
}
