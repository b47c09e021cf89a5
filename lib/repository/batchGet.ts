import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { fromItem } from '../marshalling/codec';
import { fromKey } from '../marshalling/fromKey';
import { keyIdentity } from '../marshalling/keyIdentity';
import { storedKeyNames } from '../marshalling/toKey';
import { toKey } from '../marshalling/toKey';
import type { Pipeline } from '../pipeline/Pipeline';
import { batchGetInput, buildBatchGet } from '../requests/buildBatchGet';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { throwIssues } from '../validation/checkAll';
import { booleanOption, optionIssues } from '../validation/checkOptions';
import { checkBatchIds } from '../validation/validateBatch';
import { foreignItemError } from '../validation/checkEntity';
import type { EntityMismatchError } from '../errors/EntityMismatchError';
import type { RecordId, RecordKey } from '../types/records';
import { BATCH_OPTIONS, resolveBatchOptions, sendChunks, type BatchOptions } from './sendChunks';

/** Options of `batchGet`. */
export interface BatchGetOptions extends BatchOptions {
  /** Strongly consistent reads (DynamoDB's default, and ours, is eventually consistent). */
  readonly consistent?: boolean;
}

/** What `batchGet` found, and what it could not read. */
export interface BatchGetResult<M> {
  /** One record per distinct id that exists, in the order the ids were given; ids with no record are simply absent. */
  readonly records: M[];
  /**
   * Ids not read after the retries (or in a request that failed), as key objects
   * (`{ person_id: 3 }`): the shape `batchGet` takes, to pass again as they are.
   */
  readonly unprocessed: RecordKey<M>[];
  /** Errors that ended a request (a dropped connection, a missing table, denied access), one per failed request; their ids are in `unprocessed`. */
  readonly errors: unknown[];
  /**
   * Of a model with an entity: one EntityMismatchError per id whose item is another entity's (or has
   * none), in the order of the ids; such items are not in `records`. Absent for a model without an entity.
   */
  readonly foreign?: EntityMismatchError[];
}

const BATCH_GET_OPTIONS = { ...BATCH_OPTIONS, consistent: booleanOption };

/**
 * Reads many records by id with BatchGetItem: ids are checked first, repeated ids read once,
 * requests of 100 keys sent a few at a time, unprocessed keys retried with backoff and,
 * if still unread, reported (never dropped). A missing id is not an error: its record is absent.
 * A request that fails outright (after the SDK's retries) is reported, not thrown: its ids in
 * `unprocessed` and its error in `errors`, the other requests going on. When every request fails
 * (no table, no network, no access), every id is in `unprocessed`, the same shape as a partial failure.
 * @throws RecordValidationError before any request, naming every bad id (`ids[3].person_id`) or option.
 * @throws StoredValueError when a record read cannot be read exactly as its model's types.
 * @example
 * const { records, unprocessed } = await batchGet(new Pipeline(client), compileSchema(PhoneData), 'phonebook', [1, 2, 3]);
 */
export async function batchGet<M extends object>(
  pipeline: Pipeline,
  schema: CompiledSchema<M>,
  tableName: string,
  ids: readonly RecordId[],
  options?: BatchGetOptions,
): Promise<BatchGetResult<M>> {
  const { valid: keys, issues } = checkBatchIds(schema, ids, 'ids');
  throwIssues(schema.modelName, [...issues, ...optionIssues(options, BATCH_GET_OPTIONS, 'batchGet')]);
  const consistent = options?.consistent ?? false;
  const keyNames = storedKeyNames(schema);
  // items are decoded once every request is done: a value that cannot be read is the caller's
  // StoredValueError, not a failed request to retry
  const found = new Map<string, Record<string, AttributeValue>>();
  const encoded = keys.map((key) => toKey(schema, key));
  const chunks = buildBatchGet(schema, tableName, encoded, consistent).map(
    (input) => input.RequestItems?.[tableName]?.Keys ?? [],
  );
  const { left, errors } = await sendChunks(
    chunks,
    resolveBatchOptions(options),
    async (pending: readonly Record<string, AttributeValue>[]) => {
      const output = await pipeline.send('BatchGetItem', batchGetInput(tableName, pending, consistent), {
        call: 'batchGet',
        table: tableName,
        key: () => pending.map((key) => fromKey(schema, key)),
      });
      for (const item of output.Responses?.[tableName] ?? []) found.set(keyIdentity(keyNames, item), item);
      return output.UnprocessedKeys?.[tableName]?.Keys ?? [];
    },
  );
  // DynamoDB answers in any order: put the records back in the order they were asked for
  const records: M[] = [];
  const foreign: EntityMismatchError[] = [];
  const seen = new Set<string>();
  encoded.forEach((key, index) => {
    const identity = keyIdentity(keyNames, key);
    const item = found.get(identity);
    if (!item || seen.has(identity)) return;
    seen.add(identity);
    const mismatch = foreignItemError(schema, item, keys[index]!);
    if (mismatch) foreign.push(mismatch);
    else records.push(fromItem(schema, item));
  });
  const unprocessed = left.map((key) => fromKey(schema, key));
  return { records, unprocessed, errors, ...(schema.entity && { foreign }) };
}
