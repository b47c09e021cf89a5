import type { WriteRequest } from '@aws-sdk/client-dynamodb';
import { fromItem, toItem } from '../marshalling/codec';
import { fromKey } from '../marshalling/fromKey';
import { creationValues } from '../marshalling/lifecycleValues';
import { keyOfItem, toKey } from '../marshalling/toKey';
import type { Pipeline } from '../pipeline/Pipeline';
import { batchWriteInput, buildBatchWrite, MAX_BATCH_WRITE_REQUESTS } from '../requests/buildBatchWrite';
import { buildPutRecord } from '../requests/buildPutRecord';
import { buildEntityDelete } from '../requests/buildDeleteRecord';
import { chunk } from '../requests/chunk';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { throwIssues } from '../validation/checkAll';
import { optionIssues } from '../validation/checkOptions';
import { itemSizeIssue } from '../validation/itemSize';
import { checkBatchIds, checkBatchRecords } from '../validation/validateBatch';
import type { RecordData, RecordId, RecordKey } from '../types/records';
import { sendWrite } from './sendWrite';
import {
  BATCH_OPTIONS,
  resolveBatchOptions,
  sendChunks,
  type BatchOptions,
  type ResolvedBatchOptions,
} from './sendChunks';

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
 * Puts and deletes many records: everything is checked first, then BatchWriteItem requests of 25
 * sent a few at a time, unprocessed items retried with backoff and, if still unwritten, reported
 * (never dropped). A put creates or replaces a record, with its defaults and @UpdatedAt now; it is
 * never create-only (use `createRecord` or a transaction for that). A model with a @Version or a
 * @CreatedAt has its puts follow `putRecord` instead (BatchWriteItem can neither read nor update):
 * one UpdateItem each, `concurrency` at a time, writing the next version and keeping the creation
 * time of an existing record, so no batch put ever lowers a version or rewrites a creation time.
 * Deleting a missing id is not an error.
 * A request that fails outright (after the SDK's retries) is reported, not thrown: its items in
 * `unprocessed` and its error in `errors`, the other requests going on. When every request fails
 * (no table, no network, no access), every item is in `unprocessed`, the same shape as a partial failure.
 * @throws RecordValidationError before any request, naming every bad record or id (`put[2].relationship`, `delete[0].person_id`), option, or key given twice.
 * @example
 * const { unprocessed, errors } = await batchWrite(new Pipeline(client), compileSchema(PhoneData), 'phonebook', { put: records, delete: [7, 8] });
 */
export async function batchWrite<M extends object>(
  pipeline: Pipeline,
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
  // BatchWriteItem can neither read, update nor take a condition: a model whose puts must keep a
  // @Version or a @CreatedAt, or must not overwrite another entity's item, has each put follow
  // putRecord instead (one UpdateItem each, as many at once as allowed); a model with an entity has
  // each delete follow deleteRecord likewise (a missing record still being no error)
  const singlePuts = schema.version !== undefined || schema.createdAt !== undefined || schema.entity !== undefined;
  const singleDeletes = schema.entity !== undefined;
  const deleteKeys = deletes.valid.map((key) => toKey(schema, key));
  const inputs = buildBatchWrite(schema, tableName, { put: putItems, delete: deleteKeys });
  const requests = inputs.flatMap((input) => input.RequestItems?.[tableName] ?? []);
  const resolved = resolveBatchOptions(options);
  const singles: Single[] = [
    ...(singlePuts ? putItems.map((item, index) => ({ PutRequest: { Item: item }, values: puts.valid[index]! })) : []),
    ...(singleDeletes ? deleteKeys.map((key) => ({ DeleteRequest: { Key: key } })) : []),
  ];
  const sent = singles.length > 0 ? await sendSingles(pipeline, schema, tableName, singles, now, resolved) : undefined;
  const batched = requests.filter((request) => (request.PutRequest ? !singlePuts : !singleDeletes));
  const { left, errors } = await sendChunks(
    chunk(batched, MAX_BATCH_WRITE_REQUESTS),
    resolved,
    async (pending: readonly WriteRequest[]) => {
      const output = await pipeline.send('BatchWriteItem', batchWriteInput(tableName, pending), {
        call: 'batchWrite',
        table: tableName,
        key: () =>
          pending.map((request) => fromKey(schema, request.PutRequest?.Item ?? request.DeleteRequest?.Key ?? {})),
      });
      return output.UnprocessedItems?.[tableName] ?? [];
    },
  );
  const unprocessed = unprocessedRecords(schema, [...(sent?.left ?? []), ...left]);
  return { unprocessed, errors: [...(sent?.errors ?? []), ...errors] };
}

/** A write a batch sends on its own: a put with the values it was built from, or a delete. */
type Single = WriteRequest & { readonly values?: Readonly<Record<string, unknown>> };

/**
 * Sends puts as putRecord sends one (an UpdateItem each that writes the next @Version, keeps
 * @CreatedAt and, of a model with an entity, never overwrites another entity's item) and deletes as
 * deleteRecord does (of the model's own item or of none), `concurrency` at a time; a write that
 * fails is left over with its error (another entity's item: an EntityMismatchError).
 */
async function sendSingles(
  pipeline: Pipeline,
  schema: CompiledSchema,
  tableName: string,
  singles: readonly Single[],
  now: Date,
  options: ResolvedBatchOptions,
): Promise<{ left: WriteRequest[]; errors: unknown[] }> {
  const returnOld = schema.entity ? { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const } : {};
  return sendChunks(
    singles.map((single) => [single]),
    options,
    async ([single]) => {
      const { PutRequest: put, DeleteRequest: remove, values } = single!;
      const key = put ? keyOfItem(schema, put.Item!) : remove!.Key!;
      const target = { key, keyValues: fromKey(schema, key), checked: schema.entity !== undefined };
      if (put) {
        const input = { ...buildPutRecord(schema, tableName, key, values!, { now }), ...returnOld };
        await sendWrite(pipeline, schema, 'put', 'UpdateItem', input, { ...target, input }, 'batchWrite');
      } else {
        const input = { ...buildEntityDelete(schema, tableName, key), ...returnOld };
        await sendWrite(pipeline, schema, 'delete', 'DeleteItem', input, { ...target, input }, 'batchWrite');
      }
      return [];
    },
  );
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
