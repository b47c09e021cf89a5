import type { ValidationError } from 'class-validator';
import { SchemaError } from '../errors/SchemaError';
import type { ValidationIssue } from '../errors/ValidationIssue';
import { describeType } from './checks';

type ClassValidator = typeof import('class-validator');

/**
 * class-validator, loaded only once some class carries its decorators: a decorator creates
 * the global metadata storage, so without it no model needs the package (an optional peer
 * dependency that costs a large share of the import time when loaded).
 */
function loadedClassValidator(modelName: string): ClassValidator | undefined {
  if (!(globalThis as { classValidatorMetadataStorage?: unknown }).classValidatorMetadataStorage) return undefined;
  // Inside a try: a bundler (esbuild, as AWS CDK and serverless bundle functions) then bundles
  // class-validator where it is installed and leaves this require to run time where it is not,
  // instead of failing the build of every app that does not use it.
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- an optional peer, loaded on first use
    return require('class-validator') as ClassValidator;
  } catch (error) {
    throw new SchemaError(
      modelName,
      undefined,
      `class-validator's decorators are in use, but dynamodb-decorators cannot load class-validator (${String(error)}): ` +
        'install it in your app, and leave it in the bundle if you bundle one.',
    );
  }
}

/**
 * Whether the model (or a parent) carries class-validator decorators.
 * @throws SchemaError when class-validator's decorators are in use but the package cannot be loaded.
 */
export function usesClassValidator(
  model: abstract new (...args: never[]) => unknown,
  modelName: string = model.name,
): boolean {
  const classValidator = loadedClassValidator(modelName);
  return (
    classValidator !== undefined &&
    classValidator.getMetadataStorage().getTargetValidationMetadatas(model, '', true, false).length > 0
  );
}

/**
 * Runs the model's class-validator constraints on the attributes present in `values`. Absent
 * ones are skipped: the schema itself reports missing required attributes, and an absent
 * optional attribute must not fail `@IsEmail()` and the like.
 */
export async function classValidatorIssues(
  model: abstract new (...args: never[]) => unknown,
  values: Readonly<Record<string, unknown>>,
): Promise<ValidationIssue[]> {
  const instance = Object.assign(Object.create(model.prototype as object) as object, values);
  // usesClassValidator said yes, so the package is there
  const errors = await loadedClassValidator(model.name)!.validate(instance, {
    skipMissingProperties: true,
    forbidUnknownValues: false,
  });
  return errors.flatMap((error) => toIssues(error, values));
}

function toIssues(error: ValidationError, values: Readonly<Record<string, unknown>>, prefix = ''): ValidationIssue[] {
  const attribute = prefix + error.property;
  const own = Object.values(error.constraints ?? {}).map((constraint) => ({
    attribute,
    received: describeType(prefix ? undefined : values[error.property]),
    // class-validator's messages start with the property name, which the issue already carries
    constraint: constraint.startsWith(`${error.property} `)
      ? constraint.slice(error.property.length + 1)
      : `fails ${constraint}`,
  }));
  const nested = (error.children ?? []).flatMap((child) => toIssues(child, values, `${attribute}.`));
  return [...own, ...nested];
}
