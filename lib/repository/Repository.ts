import { DynamoDBClient, type CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { RecordNotFoundError } from '../errors/RecordNotFoundError';
import { fromItem } from '../marshalling/codec';
import { toKey } from '../marshalling/toKey';
import { Pipeline } from '../pipeline/Pipeline';
import { buildGetRecord } from '../requests/buildGetRecord';
import { tableDefinition } from '../requests/tableDefinition';
import { fromStreamRecord, type StreamChange, type StreamRecordInput } from '../streams/fromStreamRecord';
import type { CompiledIndex, CompiledSchema, ModelClass } from '../schema/CompiledSchema';
import { compileSchema } from '../schema/compileSchema';
import { enumsOf, type ModelEnums } from '../schema/enumsOf';
import { checkAll, throwIssues } from '../validation/checkAll';
import { foreignItemError } from '../validation/checkEntity';
import { GET_OPTIONS } from '../validation/checkCallOptions';
import { checkIndexOptions } from '../validation/checkIndexOptions';
import { checkOptions, optionIssues, optionOf, wholeNumberOption } from '../validation/checkOptions';
import { checkQueryOptions, checkScanOptions } from '../validation/checkQueryOptions';
import { ownSortKeyCondition } from '../validation/checkTemplateKeys';
import { isValidTableName } from '../validation/checks';
import { OBSERVATION_OPTIONS } from '../validation/observationOptions';
import { validateKey } from '../validation/validateKey';
import { batchGet, type BatchGetOptions, type BatchGetResult } from './batchGet';
import { batchWrite, type BatchWriteItems, type BatchWriteResult } from './batchWrite';
import { createGsi, createTable, type CreateTableResult, type TableTarget } from './manageTable';
import type { DeleteOptions, GetOptions, GsiOptions, RepositoryOptions, UpdateOptions, WriteOptions } from './options';
import { prepareCreate, prepareDelete, preparePut, prepareUpdate } from './prepareWrites';
import type { ReadTarget } from './PagedRead';
import { Query } from './Query';
import type { AttributeName, QueryKey, QueryOptions, ScanOptions } from './readOptions';
import { Scan } from './Scan';
import { where } from '../expressions/conditions';
import type { ModelWhere } from '../types/conditions';
import type { RecordData, RecordId, UpdateChanges } from '../types/records';
import type { BatchOptions } from './sendChunks';
import { sendWrite } from './sendWrite';

const DEFAULT_WAIT_TIMEOUT_MS = 10 * 60 * 1000;

/** A client made by any copy of the SDK: what `send` needs, checked by shape rather than class. */
function isClient(value: unknown): boolean {
  return typeof value === 'object' && value !== null && typeof (value as { send?: unknown }).send === 'function';
}

const REPOSITORY_OPTIONS = {
  client: optionOf(isClient, 'a DynamoDBClient'),
  tableName: optionOf(isValidTableName, 'a table name of 3 to 255 characters a-z A-Z 0-9 _ - and .'),
  waitTimeoutMs: wholeNumberOption(1),
  ...OBSERVATION_OPTIONS,
};

/**
 * Table management and CRUD for one model class, driven by its decorators. Validation runs
 * before any request; every record returned is an instance of the model.
 * @throws SchemaError from the constructor when the model's decorators are inconsistent.
 * @throws RecordValidationError from the constructor naming an unknown or ill-typed option.
 * @example
 * class PhoneRepository extends Repository<PhoneData> {
 *   constructor(options?: RepositoryOptions) { super(PhoneData, options); }
 * }
 * const phones = new PhoneRepository({ client });
 * await phones.createTable();
 * await phones.createRecord({ person_id: 1, name: 'Ada', ... });
 */
export class Repository<M extends object> {
  readonly client: DynamoDBClient;
  readonly tableName: string;
  /**
   * The model's compiled schema (checked once, frozen).
   * @internal
   */
  readonly schema: CompiledSchema<M>;
  private readonly waitTimeoutMs: number;
  /** Every request of this repository goes through it (hooks, logger, consumed capacity, set-up errors). */
  private readonly pipeline: Pipeline;
  /** Indexes made by this repository's `createGsi`, which `query` and `scan` may read besides the declared ones. */
  private readonly createdIndexes = new Map<string, CompiledIndex>();

  constructor(model: ModelClass<M>, options?: RepositoryOptions) {
    this.schema = compileSchema(model);
    const checked = checkOptions<RepositoryOptions>(this.schema.modelName, options, REPOSITORY_OPTIONS, 'Repository');
    this.tableName = checked.tableName ?? this.schema.tableName;
    this.client = checked.client ?? new DynamoDBClient({});
    this.waitTimeoutMs = checked.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
    this.pipeline = new Pipeline(this.client, checked);
  }

  /**
   * `where` typed by the model: attribute names (and paths into nested values) and the values they
   * compare with are checked at compile time. It needs no `this`, so `const { where } = repo` works.
   * @example const { where } = statuses; statuses.scan({ filter: where('status').eq('FAILED') });
   */
  get where(): ModelWhere<M> {
    return where as unknown as ModelWhere<M>;
  }

  /**
   * `enumsOf(Model)`, built on first access: a clash of enum names fails here, not in the constructor.
   * @throws SchemaError naming both attributes (or values) whose enum names clash.
   */
  get enums(): ModelEnums<M> {
    return enumsOf(this.schema.model);
  }

  /** The `CreateTableCommandInput` that `createTable` sends. */
  tableDefinition(): CreateTableCommandInput {
    return tableDefinition(this.schema, this.tableName);
  }

  /**
   * Creates the table with its declared indexes unless it exists, resolves once it is ACTIVE,
   * and enables TTL on the @Ttl attribute. On an existing table, adds missing declared global
   * indexes and reports undeclared ones, deleting nothing. Only "table not found" leads to a
   * create: any other describe error is thrown.
   * @throws SchemaError when an existing table's key schema differs from the model's, or an existing declared index
   *   has other keys or stores fewer attributes than declared.
   * @throws UnsupportedCapabilityError when the engine lacks TTL or index building.
   */
  async createTable(): Promise<CreateTableResult> {
    return createTable(this.target('createTable'));
  }

  /**
   * Adds a global secondary index on `attribute` (named after it unless `name` is given) and
   * resolves once the index is ACTIVE; an existing index of that name and keys, storing at least
   * the projected attributes, is left as is. On a provisioned table the index gets the capacity
   * `@Table` declares, else the table's.
   * @throws RecordValidationError for an unknown or unusable attribute or option.
   * @throws SchemaError when an index of that name exists with other keys or stores fewer attributes.
   * @throws UnsupportedCapabilityError on an engine that never builds an index on a live table (dynalite).
   */
  async createGsi(attribute: string, options: GsiOptions = {}): Promise<{ created: boolean }> {
    const index = checkIndexOptions(this.schema, attribute, options);
    const created = await createGsi(this.target('createGsi'), index);
    this.createdIndexes.set(index.name, index); // queryable from now on, like a declared index
    return { created };
  }

  /**
   * Reads one partition of the table or of an index (`key` names its partition key by
   * equality), in sort key order. Iterate it (pages are requested as it goes), or call
   * `.page({ limit, cursor })` for one page and a cursor. With `projection`, records are
   * partial instances holding only those attributes (typed `Pick<M, K>`). An index that
   * projects fewer attributes than ALL also yields partial records, which the type cannot tell.
   * @throws RecordValidationError before any request for a key that does not name exactly the
   *   partition key, an unknown index, a sortKey that is not a key condition on the sort key, a
   *   filter on a key attribute or an unknown one, a bad projection, limit or pageSize, or
   *   `consistent` on a global index.
   * @example
   * for await (const s of repo.query({ status: 'STARTED' }, { index: 'byStatus', sortKey: where('timestamp').beginsWith('2026-') })) { … }
   * const { items, cursor } = await repo.query({ request_id: 'r1' }).page({ limit: 25 });
   */
  query<const K extends AttributeName<M>>(
    key: QueryKey<M>,
    options: QueryOptions<M> & { readonly projection: readonly K[] },
  ): Query<Pick<M, K>>;
  query(key: QueryKey<M>, options?: QueryOptions<M>): Query<M>;
  query(key: QueryKey<M>, options?: QueryOptions<M>): Query<M> {
    const plan = checkQueryOptions(this.schema, key, options, this.createdIndexes);
    // a model of a shared table reads its own items only, when its sort key tells them apart
    const sortKey = (plan.index ?? this.schema).sortKey;
    const own = this.schema.entity && !plan.sortKey && sortKey ? ownSortKeyCondition(sortKey) : undefined;
    return new Query<M>(this.readTarget(), own ? { ...plan, sortKey: own } : plan);
  }

  /**
   * Reads every record of the table or of an index (matching `filter`). Iterate it, or call
   * `.page({ limit, cursor })`; with `segments`, a parallel scan whose segments are read
   * concurrently (iteration only). Projections give partial records, as for `query`.
   * @throws RecordValidationError before any request for an unknown index or attribute, a bad
   *   projection, limit, pageSize or segments, or `consistent` on a global index.
   * @example for await (const s of repo.scan({ filter: where('status').eq('FAILED'), segments: 4 })) { … }
   */
  scan<const K extends AttributeName<M>>(
    options: ScanOptions<M> & { readonly projection: readonly K[] },
  ): Scan<Pick<M, K>>;
  scan(options?: ScanOptions<M>): Scan<M>;
  scan(options?: ScanOptions<M>): Scan<M> {
    const plan = checkScanOptions(this.schema, options, this.createdIndexes);
    return new Scan<M>(this.readTarget(), plan);
  }

  /**
   * Stores a new record (a model instance or a plain object); never overwrites. Sets the
   * @Version to 1 and the @CreatedAt / @UpdatedAt times.
   * @throws RecordValidationError before any request when the record does not fit the schema.
   * @throws RecordExistsError when a record with that key exists.
   * @throws ConditionFailedError when `options.condition` fails.
   */
  async createRecord(data: RecordData<M>, options?: WriteOptions<M>): Promise<M> {
    const write = await prepareCreate(this.schema, this.tableName, data, options, new Date());
    // the existing record is asked for only to tell "taken" from "your condition failed": a
    // plain create must not hand someone else's record back in the error
    const returnOld = write.checked ? { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const } : {};
    await sendWrite(this.pipeline, this.schema, 'create', 'PutItem', { ...write.input, ...returnOld }, write);
    return fromItem(this.schema, write.item);
  }

  /**
   * Stores a whole record (a model instance or a plain object) whether or not one exists with its
   * key: creates it, or replaces the attributes the model declares (others, written by other code,
   * stay). Keeps the library's rules: the next @Version (1 for a new record), the @CreatedAt of an
   * existing record, @UpdatedAt now, defaults for missing attributes. With `expectedVersion`, the
   * put happens only if the record exists with that version.
   * @throws RecordValidationError before any request when the record does not fit the schema.
   * @throws ConditionFailedError when `expectedVersion` or `condition` does not match.
   * @example await orders.putRecord(order, { expectedVersion: 3 });
   */
  async putRecord(data: RecordData<M>, options?: UpdateOptions): Promise<M> {
    const write = await preparePut(this.schema, this.tableName, data, options, new Date());
    const returnOld = write.checked ? { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const } : {};
    const input = { ...write.input, ReturnValues: 'ALL_NEW' as const, ...returnOld };
    const output = await sendWrite(this.pipeline, this.schema, 'put', 'UpdateItem', input, write);
    return fromItem(this.schema, output.Attributes ?? {});
  }

  /**
   * Reads the record with the given id.
   * @throws RecordValidationError when the id does not fit the key schema.
   * @throws RecordNotFoundError when there is no such record.
   * @throws EntityMismatchError when the item with that key is another entity's (a table shared by several models).
   */
  async getRecord(id: RecordId<M>, options?: GetOptions): Promise<M> {
    const [keyValues] = await checkAll(this.schema.modelName, [
      () => validateKey(this.schema, id),
      () => throwIssues(this.schema.modelName, optionIssues(options, GET_OPTIONS, 'getRecord')),
    ] as const);
    const consistent = options?.consistent ?? false;
    const key = toKey(this.schema, keyValues);
    const { Item: item } = await this.pipeline.send('GetItem', buildGetRecord(this.tableName, key, consistent), {
      call: 'getRecord',
      table: this.tableName,
      key: keyValues,
    });
    if (!item) throw new RecordNotFoundError(this.schema.modelName, keyValues);
    const foreign = foreignItemError(this.schema, item, keyValues);
    if (foreign) throw foreign;
    return fromItem(this.schema, item);
  }

  /**
   * Changes the given attributes of an existing record and returns the record after the
   * update. Values are set, `null` or `remove()` removes an optional attribute, actions such as
   * `add(1)`, `append([...])`, `addToSet(...)` and `setIn([...], v)` change it in place. With a
   * @Version, `expectedVersion` (the version you read) makes the update conditional on it; the
   * version is incremented either way. Never creates a record, never changes a key.
   * @throws RecordValidationError for empty changes, a key attribute, or a bad value.
   * @throws RecordNotFoundError when there is no such record.
   * @throws ConditionFailedError when the version or `options.condition` does not match.
   */
  async updateRecord(id: RecordId<M>, changes: UpdateChanges<M>, options?: UpdateOptions<M>): Promise<M> {
    const write = await prepareUpdate(this.schema, this.tableName, id, changes, options, new Date());
    const input = { ...write.input, ReturnValues: 'ALL_NEW', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } as const;
    const output = await sendWrite(this.pipeline, this.schema, 'update', 'UpdateItem', input, write);
    return fromItem(this.schema, output.Attributes ?? {});
  }

  /**
   * Deletes the record with the given id and returns it as it was.
   * @throws RecordNotFoundError when there is no such record.
   * @throws ConditionFailedError when `expectedVersion` or `condition` does not match.
   */
  async deleteRecord(id: RecordId<M>, options?: DeleteOptions<M>): Promise<M> {
    const write = await prepareDelete(this.schema, this.tableName, id, options);
    const input = { ...write.input, ReturnValues: 'ALL_OLD', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' } as const;
    const output = await sendWrite(this.pipeline, this.schema, 'delete', 'DeleteItem', input, write);
    return fromItem(this.schema, output.Attributes ?? {});
  }

  /**
   * Reads many records by id: 100 keys per request, a few requests at once, unprocessed keys
   * retried with backoff. Missing ids are absent from `records`; keys still unprocessed after
   * the retries are listed, never dropped. A request that fails outright is reported the same way
   * (its ids in `unprocessed`, its error in `errors`), even when every request fails.
   * @throws RecordValidationError naming every bad id before anything is sent.
   */
  async batchGet(ids: readonly RecordId<M>[], options?: BatchGetOptions): Promise<BatchGetResult<M>> {
    return batchGet(this.pipeline, this.schema, this.tableName, ids, options);
  }

  /**
   * Puts and deletes many records: 25 per request, unprocessed items retried with backoff and
   * reported in `unprocessed` if they stay so. Puts overwrite (BatchWriteItem takes no
   * condition): use createRecord or a transaction for create-only writes. A request that fails
   * outright is reported the same way (its items in `unprocessed`, its error in `errors`), even
   * when every request fails.
   * @throws RecordValidationError naming every bad record or id before anything is sent.
   */
  async batchWrite(items: BatchWriteItems<M>, options?: BatchOptions): Promise<BatchWriteResult<M>> {
    return batchWrite(this.pipeline, this.schema, this.tableName, items, options);
  }

  /**
   * Reads a DynamoDB Streams record of this repository's table (as a Lambda handler receives it, or
   * as GetRecords returns it) as `{ eventName, keys, oldRecord?, newRecord? }` with model instances.
   * Pure: nothing is sent.
   * @throws RecordValidationError naming what is wrong: not a stream record, or keys of another table.
   * @throws StoredValueError when an image holds a value the model cannot read exactly.
   * @throws EntityMismatchError when an image is another entity's item (a table shared by several models).
   * @example
   * export const handler = async (event: DynamoDBStreamEvent) => {
   *   for (const record of event.Records) {
   *     const change = orders.fromStreamRecord(record);
   *     if (change.eventName === 'MODIFY') audit(change.oldRecord, change.newRecord);
   *   }
   * };
   */
  fromStreamRecord(record: StreamRecordInput): StreamChange<M> {
    return fromStreamRecord(this.schema, record);
  }

  /**
   * Where `createTable` (or `createGsi`, or a collection's `createTable`) works.
   * @internal
   */
  target(call: 'createTable' | 'createGsi'): TableTarget {
    const { pipeline, schema, tableName, waitTimeoutMs } = this;
    return { pipeline, schema, tableName, waitTimeoutMs, call };
  }

  /**
   * Where `query` and `scan` read, for a collection of repositories on one table.
   * @internal
   */
  readTarget(): ReadTarget {
    return { pipeline: this.pipeline, schema: this.schema, tableName: this.tableName };
  }
}
