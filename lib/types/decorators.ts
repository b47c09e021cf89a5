import type { DataName, IsOptional } from './attributes';
import type { DeclarationOf, DeclaredNames, IsDeclared, KeyName, ModelTypesDeclaration } from './ModelTypes';

// The decorators' types check a model's [ModelTypes] declaration against the decorators themselves, so
// the two cannot disagree silently: a decorator on a property the declaration does not name as it should
// (or the reverse, where the decorator says it) fails to compile, with the fix in the message. A model
// without the declaration is not checked. The run-time checks (compileSchema) stay as they are.

/** What one decorator application says of its property, for the check. */
export interface PropertyRule {
  readonly decorator: string;
  readonly role: 'key' | 'attribute' | 'managed' | 'ttl' | 'index';
  /** `optional: true` was given. */
  readonly optional?: boolean;
  /** A `default` was given. */
  readonly defaulted?: boolean;
  /** `@Categorical`'s values, as a union. */
  readonly values?: string;
  /** `@GlobalIndex` / `@LocalIndex`'s index name. */
  readonly index?: string;
}

/** The property name itself when the check passes, else the problem as a message type (the argument then fails). */
type Checked<K, Problem> = [Problem] extends [never] ? K : Problem;

type In<Name, Names> = [Name] extends [Names] ? true : false;

type KeyProblem<R extends PropertyRule, T, K extends string> =
  In<K, KeyName<T>> extends false
    ? `${R['decorator']} on ${K}: add '${K}' to key in [ModelTypes]`
    : IsOptional<T, K> extends true
      ? `${R['decorator']} on ${K}: a key attribute cannot be optional (drop the ?)`
      : never;

type ManagedProblem<R extends PropertyRule, T, K extends string> =
  In<K, DeclaredNames<T, 'managed'>> extends false
    ? `${R['decorator']} on ${K}: add '${K}' to managed in [ModelTypes]`
    : never;

type NotManaged<R extends PropertyRule, T, K extends string> =
  In<K, DeclaredNames<T, 'managed'>> extends true
    ? `${R['decorator']} on ${K}: managed in [ModelTypes] is for @Version, @CreatedAt and @UpdatedAt only`
    : never;

type DefaultProblem<R extends PropertyRule, T, K extends string> = R['defaulted'] extends true
  ? In<K, DeclaredNames<T, 'defaults'>> extends false
    ? `${R['decorator']} on ${K}: it has a default: add '${K}' to defaults in [ModelTypes]`
    : never
  : In<K, DeclaredNames<T, 'defaults'>> extends true
    ? `${R['decorator']} on ${K}: defaults in [ModelTypes] names it, but the decorator gives no default`
    : never;

type OptionalProblem<R extends PropertyRule, T, K extends string> = R['optional'] extends true
  ? IsOptional<T, K> extends false
    ? `${R['decorator']} on ${K}: optional: true needs the property declared ${K}?`
    : never
  : IsOptional<T, K> extends true
    ? `${R['decorator']} on ${K}: the property is optional (?), so give optional: true`
    : never;

type ValuesProblem<R extends PropertyRule, T, K extends string> = R['values'] extends string
  ? K extends keyof T
    ? [NonNullable<T[K]>] extends [R['values']]
      ? [R['values']] extends [NonNullable<T[K]>]
        ? never
        : `${R['decorator']} on ${K}: type the property as exactly its values, e.g. (typeof VALUES)[number] with the values as const`
      : `${R['decorator']} on ${K}: type the property as exactly its values, e.g. (typeof VALUES)[number] with the values as const`
    : never
  : never;

type TtlProblem<R extends PropertyRule, T, K extends string> =
  IsOptional<T, K> extends false ? `${R['decorator']} on ${K}: an expiry may be absent: declare ${K}?` : never;

type IndexProblem<R extends PropertyRule, T> = R['index'] extends string
  ? In<R['index'], DeclaredNames<T, 'indexes'>> extends false
    ? `${R['decorator']}('${R['index']}'): add '${R['index']}' to indexes in [ModelTypes]`
    : never
  : never;

/** The first problem of a decorator on property K of a model T; never when it fits (or T has no declaration). */
export type PropertyProblem<R extends PropertyRule, T, K> = K extends string
  ? IsDeclared<T> extends false
    ? never
    : R['role'] extends 'key'
      ? KeyProblem<R, T, K>
      : R['role'] extends 'managed'
        ? ManagedProblem<R, T, K>
        : R['role'] extends 'ttl'
          ? NotManaged<R, T, K> | TtlProblem<R, T, K>
          : R['role'] extends 'index'
            ? IndexProblem<R, T>
            : NotManaged<R, T, K> | DefaultProblem<R, T, K> | OptionalProblem<R, T, K> | ValuesProblem<R, T, K>
  : never;

/**
 * A property decorator of this library (legacy or standard decorators) whose application is checked
 * against the model's `[ModelTypes]` declaration.
 */
export interface CheckedPropertyDecorator<R extends PropertyRule> {
  <T extends object, K extends string | symbol>(prototype: T, property: Checked<K, PropertyProblem<R, T, K>>): void;
  <T, V, K extends string | symbol>(
    value: undefined,
    context: ClassFieldDecoratorContext<T, V> & { readonly name: Checked<K, PropertyProblem<R, T, K>> },
  ): void;
}

type IsUnion<U, All = U> = U extends unknown ? ([All] extends [U] ? false : true) : never;
type MoreThanTwo<U, All = U> = true extends (U extends unknown ? IsUnion<Exclude<All, U>> : never) ? true : false;

type UnknownPart<D> = Exclude<keyof D, keyof ModelTypesDeclaration> & string;

/** What is wrong with a model's declaration as a whole; never when it is fine (or absent). */
export type DeclarationProblem<T> =
  IsDeclared<T> extends false
    ? never
    : [UnknownPart<DeclarationOf<T>>] extends [never]
      ? [KeyName<T>] extends [never]
        ? '@Table: [ModelTypes] needs key: the partition key (and the sort key)'
        : MoreThanTwo<KeyName<T>> extends true
          ? '@Table: key in [ModelTypes] names at most two attributes (the partition key and the sort key)'
          : [NotAProperty<T>] extends [never]
            ? never
            : `@Table: [ModelTypes] names ${NotAProperty<T>}, which is not a property of the model`
      : `@Table: [ModelTypes] has no part ${UnknownPart<DeclarationOf<T>>} (its parts: key, managed, defaults, indexes)`;

type NotAProperty<T> = Exclude<
  DeclaredNames<T, 'key'> | DeclaredNames<T, 'managed'> | DeclaredNames<T, 'defaults'>,
  DataName<T>
>;

type InstanceOf<C> = C extends abstract new (...args: never) => infer T ? T : never;

/** A class decorator of this library whose model's `[ModelTypes]` declaration is checked (see DeclarationProblem). */
export interface CheckedClassDecorator<R extends PropertyRule | undefined = undefined> {
  <C extends abstract new (...args: never) => unknown>(model: Checked<C, ClassProblem<R, InstanceOf<C>>>): void;
  <C extends abstract new (...args: never) => unknown>(
    model: Checked<C, ClassProblem<R, InstanceOf<C>>>,
    context: ClassDecoratorContext<C>,
  ): void;
}

type ClassProblem<R, T> = R extends PropertyRule ? PropertyProblem<R, T, ''> : DeclarationProblem<T>;

/** `@GlobalIndex` / `@LocalIndex`: on a property or on the class, the index name is checked against the declaration. */
export type CheckedIndexDecorator<R extends PropertyRule> = CheckedClassDecorator<R> & CheckedPropertyDecorator<R>;

/** The rule of `@PartitionKey` / `@SortKey`. */
export interface KeyRule<D extends string> {
  readonly decorator: D;
  readonly role: 'key';
}

/** The rule of `@Version`, `@CreatedAt`, `@UpdatedAt` (role managed) and `@Ttl` (role ttl). */
export interface LifecycleRule<D extends string, Role extends 'managed' | 'ttl'> {
  readonly decorator: D;
  readonly role: Role;
}

/** The rule of `@Attribute` and `@Categorical`, from the options (and values) given. */
export interface AttributeRule<D extends string, O, Values extends string | undefined = undefined> {
  readonly decorator: D;
  readonly role: 'attribute';
  readonly optional: O extends { readonly optional: true } ? true : false;
  readonly defaulted: 'default' extends keyof O ? true : false;
  readonly values: Values;
}

/** The rule of `@GlobalIndex` / `@LocalIndex` named N. */
export interface IndexRule<D extends string, N extends string> {
  readonly decorator: D;
  readonly role: 'index';
  readonly index: N;
}

/** Options inferred as given (for the checks), with any option `Allowed` does not have refused as it would be without inference. */
export type ExactOptions<O, Allowed> = O & { readonly [P in Exclude<keyof O, keyof Allowed>]: never };
