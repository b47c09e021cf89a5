/** The names of a model's data properties (methods left out), as conditions and changes name attributes. */
export type DataName<M> = {
  [K in keyof M]-?: M[K] extends (...args: never[]) => unknown ? never : K;
}[keyof M] &
  string;

/** The properties that may be absent: declared with `?` (their type then holds `undefined`), or typed with `undefined`. */
export type OptionalName<M> = Exclude<{ [K in keyof M]: undefined extends M[K] ? K : never }[keyof M], undefined> &
  string;

/** Values a condition or an action cannot go into: the attribute is compared or changed as a whole. */
type Leaf = string | number | bigint | boolean | Date | Uint8Array | ReadonlySet<unknown>;

// a depth budget: nested classes may refer to themselves, and a path into one must end somewhere
type Deeper = [never, 0, 1, 2, 3, 4];

/** The segments that lead into a value: property names of a nested class or map, positions in a list. */
type SubPath<V, Depth extends number> = [Depth] extends [never]
  ? never
  : V extends Leaf
    ? never
    : V extends readonly (infer E)[]
      ? readonly [number] | readonly [number, ...SubPath<NonNullable<E>, Deeper[Depth]>]
      : V extends object
        ? {
            [K in DataName<V>]-?: readonly [K] | readonly [K, ...SubPath<NonNullable<V[K]>, Deeper[Depth]>];
          }[DataName<V>]
        : never;

/**
 * Every path into a model's attributes, as `where([...])` takes them: `['ship_to', 'city']`,
 * `['lines', 0, 'sku']` (up to five segments below the attribute).
 */
export type PathOf<M> = {
  [K in DataName<M>]-?: readonly [K] | readonly [K, ...SubPath<NonNullable<M[K]>, 5>];
}[DataName<M>];

/** The type of the value at a path (see PathOf). */
export type ValueAt<V, P> = P extends readonly [infer Head, ...infer Rest]
  ? ValueAt<StepInto<NonNullable<V>, Head>, Rest>
  : V;

type StepInto<V, Segment> = V extends readonly (infer E)[]
  ? Segment extends number
    ? E
    : never
  : Segment extends keyof V
    ? V[Segment]
    : never;

/** Whether a value is stored as a map: an object that is none of the other kinds (a nested class, a Record). */
export type IsMap<V> = [V] extends [Leaf | readonly unknown[]] ? false : [V] extends [object] ? true : false;
