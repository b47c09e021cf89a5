import { RecordExistsError } from './RecordExistsError';
import { RecordNotFoundError } from './RecordNotFoundError';

/** What a write was doing when the engine refused it, so its condition failure can be named. */
export interface WriteContext {
  readonly operation: 'create' | 'update' | 'delete';
  readonly modelName: string;
  readonly key: Readonly<Record<string, unknown>>;
}

/**
 * Maps a failed existence condition to the error it means at its call site (create →
 * RecordExistsError; update, delete → RecordNotFoundError) with the SDK error as `cause`;
 * returns every other error unchanged.
 */
export function translateAwsError(error: unknown, { operation, modelName, key }: WriteContext): unknown {
  if (!isConditionalCheckFailed(error)) return error;
  if (operation === 'create') return new RecordExistsError(modelName, key, { cause: error });
  return new RecordNotFoundError(modelName, key, { cause: error });
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
