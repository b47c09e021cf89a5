// What the misuse tests expect, shared by misuse.test.ts (legacy decorators) and
// misuse.standard.test.ts (standard decorators): the classes themselves are written in each file,
// so each is compiled by its own convention.
import {
  Attribute,
  Categorical,
  CreatedAt,
  GlobalIndex,
  LocalIndex,
  PartitionKey,
  Repository,
  SortKey,
  Ttl,
  UpdatedAt,
  Version,
  enumsOf,
} from '../../../lib';
import { SchemaError } from '../../../lib/errors/SchemaError';
import type { ModelClass } from '../../../lib/schema/CompiledSchema';
import { compileSchema } from '../../../lib/schema/compileSchema';

/**
 * A decorator as `any`: the type system rejects these misuses (so a TypeScript user sees most of
 * them at compile time), but plain JavaScript, swc and esbuild builds do not check types.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const loose = (decorator: unknown): any => decorator;

/** Each property decorator: its name, a configured decorator, and the bare factory. */
export const PROPERTY_DECORATORS: readonly (readonly [string, () => unknown, unknown])[] = [
  ['@Attribute', () => Attribute({ type: 'string' }), Attribute],
  ['@PartitionKey', () => PartitionKey({ type: 'string' }), PartitionKey],
  ['@SortKey', () => SortKey({ type: 'string' }), SortKey],
  ['@Categorical', () => Categorical(['A']), Categorical],
  ['@GlobalIndex', () => GlobalIndex('byThing'), GlobalIndex],
  ['@LocalIndex', () => LocalIndex('byThing'), LocalIndex],
  ['@Version', () => Version(), Version],
  ['@CreatedAt', () => CreatedAt(), CreatedAt],
  ['@UpdatedAt', () => UpdatedAt(), UpdatedAt],
  ['@Ttl', () => Ttl(), Ttl],
];

/** The decorators that may not sit on the class (the index decorators may). */
export const PROPERTY_ONLY = PROPERTY_DECORATORS.filter(([name]) => name !== '@GlobalIndex' && name !== '@LocalIndex');

/** The reason for a property decorator where no attribute can be. */
export const cannot = (decorator: string, where: string): string =>
  `${decorator} cannot decorate ${where}: attributes are public instance properties with string names (name!: string).`;

/** The usage a misuse message points to for a decorator used without parentheses. */
export const usage = (decorator: string): string =>
  ({
    '@Table': '@Table({ name: "..." })',
    '@Categorical': '@Categorical([...values])',
    '@GlobalIndex': '@GlobalIndex("name")',
    '@LocalIndex': '@LocalIndex("name")',
  })[decorator] ?? `${decorator}()`;

/**
 * The SchemaError a model gives at its first use, as `{ property, reason }`; checks it is the same
 * through compileSchema, new Repository and enumsOf, that it is never another error, and that the
 * message names the class.
 */
export function schemaErrorOf(model: ModelClass): { property: string | undefined; reason: string } {
  const errors = [() => compileSchema(model), () => new Repository(model), () => enumsOf(model)].map((use) => {
    try {
      use();
    } catch (error) {
      return error;
    }
    throw new Error(`${model.name} compiled without a SchemaError`);
  });
  for (const error of errors) {
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as SchemaError).message).toBe((errors[0] as SchemaError).message);
  }
  const { modelName, property, reason } = errors[0] as SchemaError;
  expect(modelName).toBe(model.name);
  return { property, reason };
}
