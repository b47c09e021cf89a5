import { buildEnums } from './buildEnums';
import type { CategoricalEnum, CompiledSchema, GeneratedEnums, ModelClass } from './CompiledSchema';
import { compileSchema } from './compileSchema';
import type { PascalCase, UpperSnake } from './names';

type DataKeys<M> = { [K in keyof M]-?: M[K] extends (...args: never[]) => unknown ? never : K }[keyof M] & string;
type IsLiteralUnion<T> = [T] extends [string] ? (string extends T ? false : [T] extends [never] ? false : true) : false;
type LiteralKeys<M> = { [K in DataKeys<M>]-?: IsLiteralUnion<NonNullable<M[K]>> extends true ? K : never }[DataKeys<M>];

/**
 * The type of `enumsOf(Model)`. `Attribute` is exact; a categorical property typed as a
 * union of string literals (e.g. `(typeof VALUES)[number]`) gets an exact enum, any other
 * categorical enum is typed as a string record.
 */
export type ModelEnums<M> = {
  readonly Attribute: { readonly [K in DataKeys<M> as UpperSnake<K>]: K };
} & {
  readonly [K in LiteralKeys<M> as PascalCase<K>]: { readonly [V in NonNullable<M[K]> & string as UpperSnake<V>]: V };
} & {
  readonly [enumName: string]: CategoricalEnum;
};

// Built on first use, not by compileSchema: a clash of enum names is an error of the enums
// alone, and must not make the model unusable for everything else.
const cache = new WeakMap<CompiledSchema, GeneratedEnums>();

/**
 * The generated enums of a model: `Attribute` maps UPPER_SNAKE names to attribute names and
 * each `@Categorical` attribute adds a PascalCase enum of its values. Deeply frozen, built on
 * the first call and the same object afterwards.
 * @throws SchemaError when the model's decorators are inconsistent, or when names clash in the
 * enums (`userId` and `user_id` both give `USER_ID`), naming both; the model stays usable otherwise.
 * @example
 * const PhoneEnums = enumsOf(PhoneData);
 * PhoneEnums.Attribute.PERSON_ID; // 'person_id'
 * PhoneEnums.Relationship.FRIEND; // 'FRIEND'
 */
export function enumsOf<M extends object>(model: ModelClass<M>): ModelEnums<M> {
  const schema = compileSchema(model);
  let enums = cache.get(schema);
  if (!enums) {
    enums = buildEnums(schema);
    cache.set(schema, enums);
  }
  return enums as ModelEnums<M>;
}
