import type { UpdateAction } from '../expressions/updates';
import type { DataName, IsMap, OptionalName } from './attributes';
import type { DefaultName, IsDeclared, KeyName, ManagedName } from './ModelTypes';

// Ids, created records and update changes of a model that declares [ModelTypes]; every type here
// falls back to the loose form for a model without the declaration.

/** The id of any model: the partition key's value, or an object of key attributes (checked at run time). */
export type LooseRecordId = string | number | bigint | Date | Uint8Array | Readonly<Record<string, unknown>>;

/** The key attributes of a declared model as an object: `{ order_id: string; sku: string }`. */
export type KeyObject<M> = { readonly [K in KeyName<M>]: M[K] };

/** A record's key as the library reports it (in leftovers of batches): typed for a declared model. */
export type RecordKey<M> = IsDeclared<M> extends true ? KeyObject<M> : Record<string, unknown>;

type IsUnion<T, All = T> = T extends unknown ? ([All] extends [T] ? false : true) : never;

/** A declared model's id: the key's value (or its object form) for a partition key alone, else the key object. */
type DeclaredId<M> = true extends IsUnion<KeyName<M>> ? KeyObject<M> : M[KeyName<M>] | KeyObject<M>;

/**
 * The id `getRecord`, `updateRecord`, `deleteRecord`, `batchGet`, batch deletes and transactions take: for a
 * model that declares `[ModelTypes]`, the partition key's value (or `{ [partitionKey]: value }`), or for a table
 * with a sort key an object of exactly the key attributes, `{ order_id: 'o1', sku: 'A-1' }`. For a model
 * without the declaration, any such value (checked at run time). `RecordId` alone is the loose form.
 */
export type RecordId<M = unknown> = IsDeclared<M> extends true ? DeclaredId<M> : LooseRecordId;

/** The attributes `createRecord` requires of a declared model: neither optional, nor written by the library, nor defaulted. */
type RequiredOnCreate<M> = Exclude<DataName<M>, OptionalName<M> | ManagedName<M> | DefaultName<M>>;

/** A declared model's record for `createRecord`: the required attributes, and any of the others. */
type DeclaredRecordData<M> = { [K in RequiredOnCreate<M>]: M[K] } & {
  [K in Exclude<DataName<M>, RequiredOnCreate<M>>]?: M[K];
};

/**
 * The attributes of a model as plain data: what `createRecord` (and a batch put or a transaction's create)
 * takes. For a model that declares `[ModelTypes]`, every attribute that is required and neither written by
 * the library nor defaulted must be given; without the declaration every attribute is optional here
 * (the schema checks what is required at run time).
 */
export type RecordData<M> = IsDeclared<M> extends true ? DeclaredRecordData<M> : { [K in DataName<M>]?: M[K] };

/** The update actions that fit an attribute of type V (present: the attribute's type without undefined). */
type ActionsFor<V, Optional extends boolean> =
  | UpdateAction<'ifNotExists', V>
  | ([V] extends [number] ? UpdateAction<'add', number> : never)
  | ([V] extends [bigint] ? UpdateAction<'add', bigint> : never)
  | ([V] extends [ReadonlySet<infer E>]
      ? | UpdateAction<'add', ReadonlySet<E>>
        | UpdateAction<'addToSet', E>
        // DynamoDB removes a set whose last member goes: only an optional set may lose members
        | (Optional extends true ? UpdateAction<'deleteFromSet', E> : never)
      : never)
  | ([V] extends [readonly (infer E)[]] ? UpdateAction<'append' | 'prepend', E> | NestedChange : never)
  | (IsMap<V> extends true ? NestedChange : never);

/** setIn / removeIn, alone or several on distinct paths: only inside maps and lists. */
type NestedChange =
  UpdateAction<'setIn' | 'removeIn', unknown> | readonly UpdateAction<'setIn' | 'removeIn', unknown>[];

/** What one attribute of a declared model accepts as a change. */
export type ChangeOf<T, Optional extends boolean> =
  | NonNullable<T>
  | ActionsFor<NonNullable<T>, Optional>
  | (Optional extends true ? null | UpdateAction<'remove', never> : never);

/** A declared model's changes: every attribute but the key and the library's, each with what fits it. */
type DeclaredChanges<M> = {
  readonly [K in Exclude<DataName<M>, KeyName<M> | ManagedName<M>>]?: ChangeOf<
    M[K],
    K extends OptionalName<M> ? true : false
  >;
};

/** A model's changes without the declaration: any value, `null`, or action on any attribute (checked at run time). */
type LooseChanges<M> = { readonly [K in DataName<M>]?: M[K] | null | UpdateAction | readonly UpdateAction[] };

/**
 * What `updateRecord` (and a transaction's update) takes: for each attribute to change, a value, `null`
 * (remove an optional attribute), an update action such as `add(1)`, or a list of actions. For a model that
 * declares `[ModelTypes]`, key attributes and the library's own are refused, actions must fit the
 * attribute's type, and `null` / `remove()` go only to optional attributes; without the declaration these
 * are checked at run time.
 */
export type UpdateChanges<M> = IsDeclared<M> extends true ? DeclaredChanges<M> : LooseChanges<M>;
