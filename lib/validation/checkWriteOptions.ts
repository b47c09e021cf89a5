import { RecordValidationError } from '../errors/RecordValidationError';
import type { ValidationIssue } from '../errors/ValidationIssue';
import type { Condition } from '../expressions/conditions';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { checkCondition } from './checkCondition';
import { describeType, isPlainObject } from './checks';

/** Options every single-item write takes. */
export interface WriteOptions {
  /** A condition the record must meet for the write to happen (else ConditionFailedError). */
  readonly condition?: Condition;
}

/** Options of `deleteRecord`. */
export interface DeleteOptions extends WriteOptions {
  /** The @Version the caller read: the delete happens only if the record still has it. */
  readonly expectedVersion?: number;
}

const KNOWN_OPTIONS = new Set(['condition', 'expectedVersion']);

/**
 * Checks write options against the schema before anything is sent.
 * @throws RecordValidationError naming each bad option or condition attribute.
 */
export function checkWriteOptions(schema: CompiledSchema, options: unknown, allowVersion: boolean): DeleteOptions {
  if (options === undefined) return {};
  if (!isPlainObject(options)) {
    throw new RecordValidationError(schema.modelName, [
      { attribute: '(options)', received: describeType(options), constraint: 'must be an object' },
    ]);
  }
  const issues: ValidationIssue[] = Object.keys(options)
    .filter((name) => !KNOWN_OPTIONS.has(name) || (name === 'expectedVersion' && !allowVersion))
    .map((name) => ({
      attribute: name,
      received: describeType(options[name]),
      constraint: 'is not an option of this call',
    }));
  if (options['condition'] !== undefined) issues.push(...checkCondition(schema, options['condition'], 'condition'));
  const expectedVersion = options['expectedVersion'];
  if (allowVersion && expectedVersion !== undefined) {
    if (!schema.version)
      issues.push({
        attribute: 'expectedVersion',
        received: describeType(expectedVersion),
        constraint: 'needs a model with a @Version attribute',
      });
    else if (!Number.isSafeInteger(expectedVersion))
      issues.push({
        attribute: 'expectedVersion',
        received: describeType(expectedVersion),
        constraint: 'must be a whole number',
      });
  }
  if (issues.length > 0) throw new RecordValidationError(schema.modelName, issues);
  return options;
}
