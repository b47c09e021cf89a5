import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { StoredValueError } from '../errors/StoredValueError';
import { fromItem } from '../marshalling/codec';
import type { CompiledSchema } from '../schema/CompiledSchema';

/**
 * The record a failed condition found, read exactly for the error that reports the failure.
 * @throws StoredValueError when it cannot be read, with the failure as its `cause`.
 */
export function decodeCurrent(
  schema: CompiledSchema,
  item: Record<string, AttributeValue>,
  failure: unknown,
): Record<string, unknown> {
  try {
    return fromItem(schema, item) as Record<string, unknown>;
  } catch (error) {
    if (!(error instanceof StoredValueError)) throw error;
    throw new StoredValueError(error.modelName, error.attribute, error.key, error.stored, error.reason, {
      cause: failure,
    });
  }
}
