import type { ValidationError } from 'class-validator';
import type { ValidationIssue } from '../errors/ValidationIssue';
import { describeType } from './checks';

type ClassValidator = typeof import('class-validator');

/**
 * class-validator, loaded only once some class carries its decorators: a decorator creates
 * the global metadata storage, so without it no model needs the package (an optional peer
 * dependency that costs a large share of the import time when loaded).
 */
function loadedClassValidator(): ClassValidator | undefined {
  if (!(globalThis as { classValidatorMetadataStorage?: unknown }).classValidatorMetadataStorage) return undefined;
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- an optional peer, loaded on first use
  return require('class-validator') as ClassValidator;
}

/** Whether the model (or a parent) carries class-validator decorators. */
export function usesClassValidator(model: abstract new (...args: never[]) => unknown): boolean {
  const classValidator = loadedClassValidator();
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
  const errors = await loadedClassValidator()!.validate(instance, {
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
