import { RecordValidationError } from '../errors/RecordValidationError';
import type { ValidationIssue } from '../errors/ValidationIssue';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { describeType } from './checks';
import { validateKey } from './validateKey';
import { validateRecord } from './validateRecord';

/** What checking a list found: the converted entries when valid, and every issue, named by index. */
export interface BatchCheck<T> {
  readonly valid: T[];
  /** The position in the given list of each valid entry. */
  readonly indexes: number[];
  readonly issues: ValidationIssue[];
}

/**
 * Checks every id of a batch with `validateKey`, collecting issues as `<label>[i].<attribute>` so
 * one error can name all bad ids; a non-array is one issue on `<label>`. Valid entries are key values.
 */
export function checkBatchIds(
  schema: CompiledSchema,
  ids: unknown,
  label: string,
): BatchCheck<Record<string, unknown>> {
  if (!Array.isArray(ids)) return notAList(ids, label);
  const valid: Record<string, unknown>[] = [];
  const indexes: number[] = [];
  const issues: ValidationIssue[] = [];
  ids.forEach((id: unknown, index) => {
    try {
      valid.push(validateKey(schema, id));
      indexes.push(index);
    } catch (error) {
      issues.push(...indexedIssues(error, `${label}[${index}]`));
    }
  });
  return { valid, indexes, issues };
}

/**
 * Checks every record of a batch with `validateRecord` (class-validator constraints included),
 * collecting issues as `<label>[i].<attribute>`.
 */
export async function checkBatchRecords(
  schema: CompiledSchema,
  records: unknown,
  label: string,
): Promise<BatchCheck<Record<string, unknown>>> {
  if (!Array.isArray(records)) return notAList(records, label);
  const valid: Record<string, unknown>[] = [];
  const indexes: number[] = [];
  const issues: ValidationIssue[] = [];
  for (const [index, record] of (records as unknown[]).entries()) {
    try {
      const checked = validateRecord(schema, record, { fill: true });
      valid.push(checked instanceof Promise ? await checked : checked); // an await costs a turn of the event loop
      indexes.push(index);
    } catch (error) {
      issues.push(...indexedIssues(error, `${label}[${index}]`));
    }
  }
  return { valid, indexes, issues };
}

function notAList<T>(value: unknown, label: string): BatchCheck<T> {
  return {
    valid: [],
    indexes: [],
    issues: [{ attribute: label, received: describeType(value), constraint: 'must be an array' }],
  };
}

function indexedIssues(error: unknown, prefix: string): ValidationIssue[] {
  if (!(error instanceof RecordValidationError)) throw error;
  // '(record)' stands for the entry itself: `put[2]`, not `put[2].(record)`
  return error.issues.map((issue) => ({
    ...issue,
    attribute: issue.attribute.startsWith('(') ? prefix : `${prefix}.${issue.attribute}`,
  }));
}
