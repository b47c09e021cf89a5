import { RecordValidationError } from '../errors/RecordValidationError';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { describeType, isPlainObject } from './checks';

/** Options of `getRecord`. */
export interface GetOptions {
  /** A strongly consistent read (DynamoDB's default, and ours, is eventually consistent). */
  readonly consistent?: boolean;
}

/**
 * Checks `getRecord` options before anything is sent.
 * @throws RecordValidationError naming an unknown option or a `consistent` that is not a boolean.
 */
export function checkGetOptions(schema: CompiledSchema, options: unknown): GetOptions {
  if (options === undefined) return {};
  if (!isPlainObject(options)) {
    throw new RecordValidationError(schema.modelName, [
      { attribute: '(options)', received: describeType(options), constraint: 'must be an object' },
    ]);
  }
  const issues = Object.keys(options)
    .filter((name) => name !== 'consistent')
    .map((name) => ({
      attribute: name,
      received: describeType(options[name]),
      constraint: 'is not an option of getRecord',
    }));
  const consistent = options['consistent'];
  if (consistent !== undefined && typeof consistent !== 'boolean') {
    issues.push({ attribute: 'consistent', received: describeType(consistent), constraint: 'must be a boolean' });
  }
  if (issues.length > 0) throw new RecordValidationError(schema.modelName, issues);
  return options;
}
