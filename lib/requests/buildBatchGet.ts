import type { AttributeValue, BatchGetItemCommandInput } from '@aws-sdk/client-dynamodb';
import { keyIdentity } from '../marshalling/keyIdentity';
import { storedKeyNames } from '../marshalling/toKey';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { chunk } from './chunk';

/** DynamoDB's limit of keys in one BatchGetItem. */
export const MAX_BATCH_GET_KEYS = 100;

/**
 * The BatchGetItem requests that read `keys` from one table: duplicates removed (DynamoDB
 * rejects a request that lists a key twice), then at most 100 keys per request, in order.
 */
export function buildBatchGet(
  schema: CompiledSchema,
  tableName: string,
  keys: readonly Record<string, AttributeValue>[],
  consistent: boolean,
): BatchGetItemCommandInput[] {
  const keyNames = storedKeyNames(schema);
  const seen = new Set<string>();
  const unique = keys.filter((key) => {
    const identity = keyIdentity(keyNames, key);
    if (seen.has(identity)) return false;
    seen.add(identity);
    return true;
  });
  return chunk(unique, MAX_BATCH_GET_KEYS).map((part) => batchGetInput(tableName, part, consistent));
}

/** One BatchGetItem for already distinct keys of one table (a first request or a retry of unprocessed keys). */
export function batchGetInput(
  tableName: string,
  keys: readonly Record<string, AttributeValue>[],
  consistent: boolean,
): BatchGetItemCommandInput {
  return { RequestItems: { [tableName]: { Keys: [...keys], ConsistentRead: consistent } } };
}
