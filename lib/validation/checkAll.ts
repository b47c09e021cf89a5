import { RecordValidationError } from '../errors/RecordValidationError';
import type { ValidationIssue } from '../errors/ValidationIssue';

type Results<Checks extends readonly (() => unknown)[]> = {
  -readonly [I in keyof Checks]: Awaited<ReturnType<Checks[I]>>;
};

/**
 * Runs every check, so one RecordValidationError lists the issues of the id, the record or changes
 * and the options together. A check reports issues by throwing RecordValidationError; any other
 * error passes through.
 * @throws RecordValidationError under `modelName` with every check's issues.
 */
export async function checkAll<const Checks extends readonly (() => unknown)[]>(
  modelName: string,
  checks: Checks,
): Promise<Results<Checks>> {
  const issues: ValidationIssue[] = [];
  const results: unknown[] = [];
  for (const check of checks) {
    try {
      const result = check();
      // only a check that returned a promise is awaited: each await costs a turn of the event loop
      results.push(result instanceof Promise ? await result : result);
    } catch (error) {
      if (!(error instanceof RecordValidationError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (issues.length > 0) throw new RecordValidationError(modelName, issues);
  return results as Results<Checks>;
}

/**
 * Throws the issues as one RecordValidationError, or does nothing when there are none: for
 * checks that collect issues rather than throw them.
 */
export function throwIssues(modelName: string, issues: readonly ValidationIssue[]): void {
  if (issues.length > 0) throw new RecordValidationError(modelName, issues);
}
