import { getMetadataStorage, validate, type ValidationError } from 'class-validator';
import type { ValidationIssue } from '../errors/ValidationIssue';
import { describeType } from './checks';

/** Whether the model (or a parent) carries class-validator decorators. */
export function usesClassValidator(model: Function): boolean {
  return getMetadataStorage().getTargetValidationMetadatas(model, '', true, false).length > 0;
}

/**
 * Runs the model's class-validator constraints on `values`; with `onlyGiven`, only the
 * attributes present are checked (an update), otherwise all of them (a create).
 */
export async function classValidatorIssues(
  model: Function,
  values: Readonly<Record<string, unknown>>,
  onlyGiven: boolean,
): Promise<ValidationIssue[]> {
  const instance = Object.assign(Object.create(model.prototype as object) as object, values);
  const errors = await validate(instance, { skipMissingProperties: onlyGiven, forbidUnknownValues: false });
  return errors.flatMap((error) => toIssues(error, values));
}

function toIssues(error: ValidationError, values: Readonly<Record<string, unknown>>, prefix = ''): ValidationIssue[] {
  const attribute = prefix + error.property;
  const own = Object.values(error.constraints ?? {}).map((constraint) => ({
    attribute,
    received: describeType(prefix ? undefined : values[error.property]),
    constraint: `fails ${constraint}`,
  }));
  const nested = (error.children ?? []).flatMap((child) => toIssues(child, values, `${attribute}.`));
  return [...own, ...nested];
}
