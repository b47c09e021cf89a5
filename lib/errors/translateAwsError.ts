import { ConditionFailedError } from './ConditionFailedError';
import { RecordExistsError } from './RecordExistsError';
import { RecordNotFoundError } from './RecordNotFoundError';

/** What a write was doing when the engine refused it, so its condition failure can be named. */
export interface WriteContext {
  readonly operation: 'create' | 'put' | 'update' | 'delete';
  readonly modelName: string;
  readonly key: Readonly<Record<string, unknown>>;
  /** Whether the write required more than (non-)existence: a version or the caller's condition. */
  readonly checked: boolean;
}

/**
 * Maps a failed condition to the error it means at its call site, with the SDK error as
 * `cause`: create → RecordExistsError (the record is there) or ConditionFailedError; put (whose
 * only conditions are the caller's and the version) → ConditionFailedError; update,
 * delete → RecordNotFoundError (the record is absent) or ConditionFailedError carrying the
 * current record. `current` is the record as found after the failure: null when absent,
 * undefined when nobody looked. Every other error is returned unchanged.
 */
export function translateAwsError(
  error: unknown,
  context: WriteContext,
  current?: Readonly<Record<string, unknown>> | null,
): unknown {
  if (!isConditionalCheckFailed(error)) return error;
  const { operation, modelName, key, checked } = context;
  if (operation === 'create') {
    return !checked || current
      ? new RecordExistsError(modelName, key, { cause: error })
      : new ConditionFailedError(modelName, key, undefined, { cause: error });
  }
  if (operation === 'put') return new ConditionFailedError(modelName, key, current ?? undefined, { cause: error });
  if (!checked || current === null) return new RecordNotFoundError(modelName, key, { cause: error });
  return new ConditionFailedError(modelName, key, current, { cause: error });
}

/** Whether an SDK error is a failed condition (matched by name: another copy of the SDK has other classes). */
export function isConditionalCheckFailed(error: unknown): boolean {
  return error instanceof Error && error.name === 'ConditionalCheckFailedException';
}

/** Whether an SDK error says the table (or index) does not exist. */
export function isResourceNotFound(error: unknown): boolean {
  return error instanceof Error && error.name === 'ResourceNotFoundException';
}

/** Whether an SDK error says the table already exists (or is being created). */
export function isResourceInUse(error: unknown): boolean {
  return error instanceof Error && error.name === 'ResourceInUseException';
}

/** Whether the engine does not know the operation at all (dynalite for transactions and TTL). */
export function isUnknownOperation(error: unknown): boolean {
  return error instanceof Error && error.name === 'UnknownOperationException';
}
