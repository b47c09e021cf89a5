import type { OptionalName } from './attributes';
import type {
  DeclarationOf,
  DeclaredNames,
  DefaultName,
  KeyName,
  ManagedName,
  ModelTypes,
  ModelTypesDeclaration,
} from './ModelTypes';

// The decorators' types check a model's [ModelTypes] declaration against the decorators themselves, so
// the two cannot disagree silently: a decorator on a property the declaration does not name as it should
// (or the reverse, where the decorator says it) fails to compile, with the fix in the message. A model
// without the declaration is not checked. The run-time checks (compileSchema) stay as they are.
//
// Each decorator has one signature per decorator mode (legacy, standard): with more, the compiler reports
// only the last signature's error, and the message would be lost. Its parameter type resolves in steps, so
// that a property that fits costs little: a model without the declaration is not checked; a declared
// model's property among those the decorator fits (a set computed once per model and rule) costs one
// membership test; only any other property gets the check spelt out, which is the message saying what to fix.

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

/** A model instance without a `[ModelTypes]` declaration (every object has `constructor`: this is no weak type). */
export interface UndeclaredModel {
  readonly [ModelTypes]?: undefined;
  readonly constructor: unknown;
}

type Names<T> = keyof T & string;

/** The attributes a plain `@Attribute()` does not fit: managed, defaulted or optional ones. */
type SpecialName<T> = DeclaredNames<T, 'managed'> | DeclaredNames<T, 'defaults'> | OptionalName<T>;

/** The properties of a declared model T that a decorator with rule R fits (by its role and options; values aside). */
export type FittingName<R extends PropertyRule, T> = R['role'] extends 'attribute'
  ? R['optional'] | R['defaulted'] extends false
    ? Exclude<Names<T>, SpecialName<T>>
    : Exclude<
        Extract<
          R['optional'] extends true ? OptionalName<T> : Exclude<Names<T>, OptionalName<T>>,
          R['defaulted'] extends true ? DefaultName<T> : Exclude<Names<T>, DefaultName<T>>
        >,
        ManagedName<T>
      >
  : R['role'] extends 'key'
    ? Exclude<KeyName<T>, OptionalName<T>>
    : R['role'] extends 'managed'
      ? ManagedName<T>
      : R['role'] extends 'ttl'
        ? Exclude<OptionalName<T>, ManagedName<T>>
        : R['index'] extends DeclaredNames<T, 'indexes'>
          ? Names<T> | ''
          : never;

/** The property name itself when the check passes, else the problem as a message type (the argument then fails). */
type Verdict<K, Problem> = [Problem] extends [never] ? K : Problem;

// Conditionals are written inline rather than through helper types: a decorator is checked on every
// property of every model, and each helper type instantiated there costs the compiler.

/** The problems of a decorator on property K of a declared model T; never when it fits. */
export type PropertyProblem<R extends PropertyRule, T, K extends string> = R['role'] extends 'attribute'
  ? K extends SpecialName<T>
    ? AttributeProblem<R, T, K>
    : R['optional'] | R['defaulted'] extends false
      ? ValuesProblem<R, T, K>
      : AttributeProblem<R, T, K>
  : R['role'] extends 'key'
    ? K extends KeyName<T>
      ? K extends OptionalName<T>
        ? `${R['decorator']} on ${K}: a key attribute cannot be optional (drop the ?)`
        : never
      : `${R['decorator']} on ${K}: add '${K}' to key in [ModelTypes]`
    : R['role'] extends 'managed'
      ? K extends DeclaredNames<T, 'managed'>
        ? never
        : `${R['decorator']} on ${K}: add '${K}' to managed in [ModelTypes]`
      : R['role'] extends 'ttl'
        ? K extends DeclaredNames<T, 'managed'>
          ? `${R['decorator']} on ${K}: managed in [ModelTypes] is for @Version, @CreatedAt, @UpdatedAt and templated keys only`
          : K extends OptionalName<T>
            ? never
            : `${R['decorator']} on ${K}: an expiry may be absent: declare ${K}?`
        : R['index'] extends DeclaredNames<T, 'indexes'>
          ? never
          : `${R['decorator']}('${R['index'] & string}'): add '${R['index'] & string}' to indexes in [ModelTypes]`;

/** Every check of `@Attribute` / `@Categorical` on a property that is not plain (or with options that are not). */
type AttributeProblem<R extends PropertyRule, T, K extends string> =
  | (K extends DeclaredNames<T, 'managed'>
      ? `${R['decorator']} on ${K}: managed in [ModelTypes] is for @Version, @CreatedAt, @UpdatedAt and templated keys only`
      : never)
  | (R['defaulted'] extends true
      ? K extends DeclaredNames<T, 'defaults'>
        ? never
        : `${R['decorator']} on ${K}: it has a default: add '${K}' to defaults in [ModelTypes]`
      : K extends DeclaredNames<T, 'defaults'>
        ? `${R['decorator']} on ${K}: defaults in [ModelTypes] names it, but the decorator gives no default`
        : never)
  | (R['optional'] extends true
      ? K extends OptionalName<T>
        ? never
        : `${R['decorator']} on ${K}: optional: true needs the property declared ${K}?`
      : K extends OptionalName<T>
        ? `${R['decorator']} on ${K}: the property is optional (?), so give optional: true`
        : never)
  | ValuesProblem<R, T, K>;

/** `@Categorical`'s values and the property's type must be the same union. */
type ValuesProblem<R extends PropertyRule, T, K extends string> = R['values'] extends string
  ? K extends keyof T
    ? [NonNullable<T[K]>, R['values']] extends [R['values'], NonNullable<T[K]>]
      ? never
      : `${R['decorator']} on ${K}: type the property as exactly its values, e.g. (typeof VALUES)[number] with the values as const`
    : never
  : never;

/**
 * Property K of model T as a decorator with rule R may take it: K itself when the decorator fits (or T has
 * no declaration), else the problem as a message type, so that the argument fails with the message.
 */
export type CheckedProperty<R extends PropertyRule, T, K> = T extends UndeclaredModel
  ? K
  : K extends FittingName<R, T>
    ? R['values'] extends string
      ? Verdict<K, ValuesProblem<R, T, K>>
      : K
    : Verdict<K, PropertyProblem<R, T, K & string>>;

/**
 * A property decorator of this library (legacy or standard decorators) whose application is checked
 * against the model's `[ModelTypes]` declaration.
 */
export interface CheckedPropertyDecorator<R extends PropertyRule> {
  <T extends object, K extends string | symbol>(prototype: T, property: CheckedProperty<R, T, K>): void;
  <T, V, K extends string | symbol>(
    value: undefined,
    context: ClassFieldDecoratorContext<T, V> & { readonly name: CheckedProperty<R, T, K> },
  ): void;
}

type IsUnion<U, All = U> = U extends unknown ? ([All] extends [U] ? false : true) : never;
type MoreThanTwo<U, All = U> = true extends (U extends unknown ? IsUnion<Exclude<All, U>> : never) ? true : false;

type UnknownPart<D> = Exclude<keyof D, keyof ModelTypesDeclaration> & string;

/** What is wrong with a model's declaration as a whole; never when it is fine (or absent). */
export type DeclarationProblem<T> = [UnknownPart<DeclarationOf<T>>] extends [never]
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
  Names<T>
>;

type InstanceOf<C> = C extends abstract new (...args: never) => infer T ? T : never;

type Model<T> = abstract new (...args: never) => T;

/** Class C as a decorator with rule R (or `@Table` when R is undefined) may take it: C, or the problem as a message type. */
type CheckedModel<R, C> = InstanceOf<C> extends UndeclaredModel ? C : Verdict<C, ClassProblem<R, InstanceOf<C>>>;

type ClassProblem<R, T> = R extends PropertyRule ? PropertyProblem<R, T, ''> : DeclarationProblem<T>;

/** A class decorator of this library whose model's `[ModelTypes]` declaration is checked (see DeclarationProblem). */
export interface CheckedClassDecorator<R extends PropertyRule | undefined = undefined> {
  // one signature for both modes (the context is standard decorators'): an index decorator then has three in
  // all, few enough for the compiler to report each one's error, the message among them
  <C extends Model<object>>(model: CheckedModel<R, C>, context?: ClassDecoratorContext<C>): void;
}

/** `@GlobalIndex` / `@LocalIndex`: on a property or on the class, the index name is checked against the declaration. */
export interface CheckedIndexDecorator<R extends PropertyRule>
  extends CheckedPropertyDecorator<R>, CheckedClassDecorator<R> {}

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

/** The rule of `@Attribute` and `@Categorical`: whether `optional: true` and a `default` were given, and the values. */
export interface AttributeRule<
  D extends string,
  Optional extends boolean,
  Defaulted extends boolean,
  Values extends string | undefined = undefined,
> {
  readonly decorator: D;
  readonly role: 'attribute';
  readonly optional: Optional;
  readonly defaulted: Defaulted;
  readonly values: Values;
}

/** Options that say `optional: true`. */
export type OptionalOptions<O> = O & { readonly optional: true };

/** Options that give a `default` (its type is the option's own; here only its presence counts). */
export type DefaultedOptions<O> = O & { readonly default: unknown };

/** The rule of `@GlobalIndex` / `@LocalIndex` named N. */
export interface IndexRule<D extends string, N extends string> {
  readonly decorator: D;
  readonly role: 'index';
  readonly index: N;
}
