import type { AttributeValue, BatchWriteItemCommandInput, WriteRequest } from '@aws-sdk/client-dynamodb';
import { RecordValidationError } from '../errors/RecordValidationError';
import type { ValidationIssue } from '../errors/ValidationIssue';
import { describeKey } from '../errors/describeKey';
import { fromKey } from '../marshalling/fromKey';
import { keyIdentity } from '../marshalling/keyIdentity';
import { storedKeyNames } from '../marshalling/toKey';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { chunk } from './chunk';

/** DynamoDB's limit of put and delete requests in one BatchWriteItem. */
export const MAX_BATCH_WRITE_REQUESTS = 25;

/** What one batch writes: whole items to put (they overwrite) and keys to delete. */
export interface MarshalledBatchWrite {
  readonly put?: readonly Record<string, AttributeValue>[];
  readonly delete?: readonly Record<string, AttributeValue>[];
}

/**
 * The BatchWriteItem requests for one table: puts then deletes, at most 25 per request.
 * @throws RecordValidationError when two operations name the same key, which DynamoDB
 * rejects for the whole request; each repeat is named (`delete[1]`), its key values in the issue's `key`.
 */
export function buildBatchWrite(
  schema: CompiledSchema,
  tableName: string,
  items: MarshalledBatchWrite,
): BatchWriteItemCommandInput[] {
  const puts = items.put ?? [];
  const deletes = items.delete ?? [];
  checkDistinctKeys(schema, [
    ...puts.map((item, index) => [`put[${index}]`, item] as const),
    ...deletes.map((key, index) => [`delete[${index}]`, key] as const),
  ]);
  const requests: WriteRequest[] = [
    ...puts.map((item) => ({ PutRequest: { Item: item } })),
    ...deletes.map((key) => ({ DeleteRequest: { Key: key } })),
  ];
  return chunk(requests, MAX_BATCH_WRITE_REQUESTS).map((part) => batchWriteInput(tableName, part));
}

/** One BatchWriteItem for write requests of one table (a first request or a retry of unprocessed items). */
export function batchWriteInput(tableName: string, requests: readonly WriteRequest[]): BatchWriteItemCommandInput {
  return { RequestItems: { [tableName]: [...requests] } };
}

function checkDistinctKeys(
  schema: CompiledSchema,
  labelled: ReadonlyArray<readonly [string, Record<string, AttributeValue>]>,
): void {
  const keyNames = storedKeyNames(schema);
  const firstByKey = new Map<string, string>();
  const issues: ValidationIssue[] = [];
  for (const [label, item] of labelled) {
    const identity = keyIdentity(keyNames, item);
    const first = firstByKey.get(identity);
    if (first === undefined) {
      firstByKey.set(identity, label);
    } else {
      const key = fromKey(schema, item);
      const constraint = `has the same ${describeKey(key)} as ${first} (one operation per key in a batch write)`;
      issues.push({ attribute: label, received: 'key', constraint, key });
    }
  }
  if (issues.length > 0) throw new RecordValidationError(schema.modelName, issues);
}
