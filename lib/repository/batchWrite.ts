import { BatchWriteItemCommand, type DynamoDBClient, type WriteRequest } from '@aws-sdk/client-dynamodb';
import { fromItem, toItem } from '../marshalling/codec';
import { fromKey } from '../marshalling/fromKey';
import { creationValues } from '../marshalling/lifecycleValues';
import { toKey } from '../marshalling/toKey';
import { batchWriteInput, buildBatchWrite } from '../requests/buildBatchWrite';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { throwIssues } from '../validation/checkAll';
import { optionIssues } from '../validation/checkOptions';
import { itemSizeIssue } from '../validation/itemSize';
import { checkBatchIds, checkBatchRecords } from '../validation/validateBatch';
import type { RecordData, RecordId, RecordKey } from '../types/records';
import { BATCH_OPTIONS, resolveBatchOptions, sendChunks, type BatchOptions } from './sendChunks';

/** What `batchWrite` writes: records to put (model instances or plain objects) and ids to delete. */
export interface BatchWriteItems<M> {
  readonly put?: ReadonlyArray<RecordData<M>>;
  readonly delete?: readonly RecordId<M>[];
}

/** What `batchWrite` could not write. */
export interface BatchWriteResult<M> {
  /**
   * Puts (as model instances) and deletes (as key objects, `{ person_id: 3 }`) still unprocessed
   * after the retries, or in a request that failed: the shape `batchWrite` takes, to pass again as it is.
   */
  readonly unprocessed: { readonly put: M[]; readonly delete: RecordKey<M>[] };
  /** Errors that ended a request (a dropped connection, a missing table, denied access), one per failed request; its items are in `unprocessed`. */
  readonly errors: unknown[];
}

/**
 * Puts and deletes many records with BatchWriteItem: everything is checked first, requests of
 * 25 sent a few at a time, unprocessed items retried with backoff and, if still unwritten,
 * reported (never dropped). A put overwrites an existing record (BatchWriteItem takes no
 * condition): use `createRecord` or a transaction for create-only writes. Puts get the lifecycle
 * values `createRecord` sets, so an overwrite restarts a `@Version` at 1 and checks no version.
 * Deleting a missing id is not an error.
 * A request that fails outright (after the SDK's retries) is reported, not thrown: its items in
 * `unprocessed` and its error in `errors`, the other requests going on. When every request fails
 * (no table, no network, no access), every item is in `unprocessed`, the same shape as a partial failure.
 * @throws RecordValidationError before any request, naming every bad record or id (`put[2].relationship`, `delete[0].person_id`), option, or key given twice.
 * @example
 * const { unprocessed, errors } = await batchWrite(client, compileSchema(PhoneData), 'phonebook', { put: records, delete: [7, 8] });
 */
export async function batchWrite<M extends object>(
  client: DynamoDBClient,
  schema: CompiledSchema<M>,
  tableName: string,
  items: BatchWriteItems<M>,
  options?: BatchOptions,
): Promise<BatchWriteResult<M>> {
  // the items object is checked as options are: `{ putt: [...] }` is refused, never a silent no-op
  const parts = { put: () => undefined, delete: () => undefined };
  const shapeIssues = [
    ...optionIssues(items, parts, 'batchWrite (its items)'),
    ...optionIssues(options, BATCH_OPTIONS, 'batchWrite'),
  ];
  if (items === undefined)
    shapeIssues.push({
      attribute: '(items)',
      received: 'undefined',
      constraint: 'must be an object { put?, delete? }',
    });
  throwIssues(schema.modelName, shapeIssues);
  const puts = await checkBatchRecords(schema, items.put ?? [], 'put');
  const deletes = checkBatchIds(schema, items.delete ?? [], 'delete');
  const now = new Date();
  // the same lifecycle values as createRecord: version 1, creation and update times unless given
  const putItems = puts.valid.map((values) => toItem(schema, creationValues(schema, values, now)));
  const oversized = putItems.flatMap((item, index) => itemSizeIssue(item, `put[${puts.indexes[index]}].`) ?? []);
  throwIssues(schema.modelName, [...puts.issues, ...oversized, ...deletes.issues]);
  const inputs = buildBatchWrite(schema, tableName, {
    put: putItems,
    delete: deletes.valid.map((key) => toKey(schema, key)),
  });
  const chunks = inputs.map((input) => input.RequestItems?.[tableName] ?? []);
  const { left, errors } = await sendChunks(
    chunks,
    resolveBatchOptions(options),
    async (pending: readonly WriteRequest[]) => {
      const output = await client.send(new BatchWriteItemCommand(batchWriteInput(tableName, pending)));
      return output.UnprocessedItems?.[tableName] ?? [];
    },
  );
  return { unprocessed: unprocessedRecords(schema, left), errors };
}

function unprocessedRecords<M extends object>(
  schema: CompiledSchema<M>,
  requests: readonly WriteRequest[],
): BatchWriteResult<M>['unprocessed'] {
  const put: M[] = [];
  const deletes: Record<string, unknown>[] = [];
  for (const request of requests) {
    if (request.PutRequest?.Item) put.push(fromItem(schema, request.PutRequest.Item));
    else if (request.DeleteRequest?.Key) deletes.push(fromKey(schema, request.DeleteRequest.Key));
  }
  return { put, delete: deletes };
}
