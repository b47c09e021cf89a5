/**
 * The key under which a model tells TypeScript what its decorators say and the compiler cannot read
 * (decorators never change a class's type): which attributes form the key, which the library writes,
 * which have defaults, and the index names. Declare it with `declare` so that no field is emitted; the
 * decorators check it against themselves at compile time. A model without it keeps the loose types.
 * @example
 * @Table({ name: 'status-table' })
 * class StatusData {
 *   declare [ModelTypes]?: { key: 'request_id'; managed: 'version' | 'updated_at'; indexes: 'byStatus' };
 *   @PartitionKey() request_id!: string;
 *   ...
 * }
 */
export const ModelTypes: unique symbol = Symbol('dynamodb-decorators.ModelTypes');

/**
 * What a model's `[ModelTypes]` declaration says, each part a union of names (an absent part names nothing).
 * Only names go here: types come from the properties themselves.
 */
export interface ModelTypesDeclaration {
  /**
   * The key attributes: the `@PartitionKey` property, and the `@SortKey` property if there is one; for a key made by
   * a `template`, the template's parts instead (they are the id).
   */
  readonly key: string;
  /** The attributes the library writes: the `@Version`, `@CreatedAt` and `@UpdatedAt` properties, and keys made by a `template`. */
  readonly managed?: string;
  /** The attributes with `@Attribute({ default })`: `createRecord` does not require them. */
  readonly defaults?: string;
  /** The indexes `query` and `scan` may name: those declared by `@GlobalIndex` / `@LocalIndex`, and any `createGsi` makes. */
  readonly indexes?: string;
}

/** The declaration of a model, or never when it has none. */
export type DeclarationOf<M> = typeof ModelTypes extends keyof M ? Exclude<M[typeof ModelTypes], undefined> : never;

/** Whether a model declares `[ModelTypes]`: only then are ids, changes and created records typed to the attribute. */
export type IsDeclared<M> = [DeclarationOf<M>] extends [never] ? false : true;

/** The names one part of a model's declaration gives (never for an absent part or an undeclared model). */
export type DeclaredNames<M, Part extends keyof ModelTypesDeclaration> =
  DeclarationOf<M> extends { readonly [P in Part]?: infer Names } ? Extract<Names, string> : never;

/** The key attributes a model declares. */
export type KeyName<M> = DeclaredNames<M, 'key'>;

/** The attributes a model declares as written by the library (@Version, @CreatedAt, @UpdatedAt). */
export type ManagedName<M> = DeclaredNames<M, 'managed'>;

/** The attributes a model declares as having a default. */
export type DefaultName<M> = DeclaredNames<M, 'defaults'>;

/** The model of untyped conditions and options (the free `where()`'s): any model. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- an untyped condition fits every model, and a typed one fits untyped options
export type AnyModel = any;

/**
 * T, as a parameter type that takes no part in inferring the type parameter it names: a transaction's
 * model comes from the repository alone, never from an untyped condition (`Condition<any>`) beside it.
 */
export type NotInferred<T> = [T][T extends unknown ? 0 : never];

/** The index names `query` and `scan` accept: the declared ones, or any string for a model without a declaration. */
export type IndexName<M> = IsDeclared<M> extends true ? DeclaredNames<M, 'indexes'> : string;
