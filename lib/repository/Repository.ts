import {
  DeleteItemCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateItemCommand,
  type AttributeValue,
  type CreateTableCommandInput,
} from '@aws-sdk/client-dynamodb';
import { SchemaError } from '../errors/SchemaError';
import { RecordNotFoundError } from '../errors/RecordNotFoundError';
import { isConditionalCheckFailed, translateAwsError, type WriteContext } from '../errors/translateAwsError';
import { fromItem } from '../marshalling/fromItem';
import { toKey, type RecordId } from '../marshalling/toKey';
import { buildGetRecord } from '../requests/buildGetRecord';
import { tableDefinition } from '../requests/tableDefinition';
import type { CompiledSchema, ModelClass } from '../schema/CompiledSchema';
import { compileSchema } from '../schema/compileSchema';
import type { ModelEnums } from '../schema/enumsOf';
import { checkIndexOptions, type GsiOptions } from '../validation/checkIndexOptions';
import type { DeleteOptions, WriteOptions } from '../validation/checkWriteOptions';
import { isValidTableName } from '../validation/checks';
import { createGsi, createTable, type CreateTableResult, type TableTarget } from './manageTable';
import { prepareCreate, prepareDelete, prepareUpdate, type PreparedWrite } from './prepareWrites';
import type { UpdateChanges } from './UpdateChanges';

/** How a repository reaches its table. */
export interface RepositoryOptions {
  /** Without one, the standard AWS SDK configuration chain is used (real AWS). */
  readonly client?: DynamoDBClient;
  /** Overrides the `@Table` name (e.g. a per-stage table). */
  readonly tableName?: string;
  /** How long `createTable` and `createGsi` wait for ACTIVE; default 10 minutes. */
  readonly waitTimeoutMs?: number;
}

/** Options of `getRecord`. */
export interface GetOptions {
  /** A strongly consistent read (DynamoDB's default, and ours, is eventually consistent). */
  readonly consistent?: boolean;
}

/** The attributes of a model as plain data: what `createRecord` takes. */
export type RecordData<M> = { [K in keyof M as M[K] extends (...args: never[]) => unknown ? never : K]: M[K] };

const DEFAULT_WAIT_TIMEOUT_MS = 10 * 60 * 1000;

/**
 * Table management and CRUD for one model class, driven by its decorators. Validation runs
 * before any request; every record returned is an instance of the model.
 * @throws SchemaError from the constructor when the model's decorators are inconsistent.
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
  readonly enums: ModelEnums<M>;
  /** The model's compiled schema (checked once, frozen). */
  readonly schema: CompiledSchema<M>;
  private readonly waitTimeoutMs: number;

  constructor(model: ModelClass<M>, options: RepositoryOptions = {}) {
    this.schema = compileSchema(model);
    if (options.tableName !== undefined && !isValidTableName(options.tableName)) {
      throw new SchemaError(this.schema.modelName, undefined, `tableName option ${JSON.stringify(options.tableName)} must be 3 to 255 of a-z A-Z 0-9 _ - .`);
    }
    this.tableName = options.tableName ?? this.schema.tableName;
    this.enums = this.schema.enums as ModelEnums<M>;
    this.client = options.client ?? new DynamoDBClient({});
    this.waitTimeoutMs = options.waitTimeoutMs ?? DEFAULT_WAIT_TIMEOUT_MS;
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
   * @throws SchemaError when an existing table's key schema differs from the model's.
   * @throws UnsupportedCapabilityError when the engine lacks TTL or index building.
   */
  async createTable(): Promise<CreateTableResult> {
    return createTable(this.target());
  }

  /**
   * Adds a global secondary index on `attribute` (named after it unless `name` is given) and
   * resolves once the index is ACTIVE; an existing index of that name and keys is left as is.
   * @throws RecordValidationError for an unknown or unusable attribute or option.
   * @throws UnsupportedCapabilityError on an engine that never builds an index on a live table (dynalite).
   */
  async createGsi(attribute: string, options: GsiOptions = {}): Promise<{ created: boolean }> {
    const index = checkIndexOptions(this.schema, attribute, options);
    return { created: await createGsi(this.target(), index) };
  }

  /**
   * Stores a new record (a model instance or a plain object); never overwrites. Sets the
   * @Version to 1 and the @CreatedAt / @UpdatedAt times.
   * @throws RecordValidationError before any request when the record does not fit the schema.
   * @throws RecordExistsError when a record with that key exists.
   * @throws ConditionFailedError when `options.condition` fails.
   */
  async createRecord(data: M | RecordData<M>, options?: WriteOptions): Promise<M> {
    const write = await prepareCreate(this.schema, this.tableName, data, options, new Date());
    await this.send('create', write, () => this.client.send(new PutItemCommand({ ...write.input, ReturnValuesOnConditionCheckFailure: 'ALL_OLD' })));
    return fromItem(this.schema, write.item);
  }

  /**
   * Reads the record with the given id.
   * @throws RecordValidationError when the id does not fit the key schema.
   * @throws RecordNotFoundError when there is no such record.
   */
  async getRecord(id: RecordId, options: GetOptions = {}): Promise<M> {
    const { key, values } = toKey(this.schema, id);
    const { Item: item } = await this.client.send(new GetItemCommand(buildGetRecord(this.tableName, key, options.consistent ?? false)));
    if (!item) throw new RecordNotFoundError(this.schema.modelName, values);
    return fromItem(this.schema, item);
  }

  /**
   * Changes the given attributes of an existing record and returns the record after the
   * update. Values are set, `null` or `remove()` removes an optional attribute, actions such as
   * `add(1)`, `append([...])`, `addToSet(...)` and `setIn([...], v)` change it in place. With a
   * @Version, passing the version you read makes the update conditional on it; the version is
   * incremented either way. Never creates a record, never changes a key.
   * @throws RecordValidationError for empty changes, a key attribute, or a bad value.
   * @throws RecordNotFoundError when there is no such record.
   * @throws ConditionFailedError when the version or `options.condition` does not match.
   */
  async updateRecord(id: RecordId, changes: UpdateChanges<M>, options?: WriteOptions): Promise<M> {
    const write = await prepareUpdate(this.schema, this.tableName, id, changes, options, new Date());
    const output = await this.send('update', write, () =>
      this.client.send(new UpdateItemCommand({ ...write.input, ReturnValues: 'ALL_NEW', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' })),
    );
    return fromItem(this.schema, output.Attributes ?? {});
  }

  /**
   * Deletes the record with the given id and returns it as it was.
   * @throws RecordNotFoundError when there is no such record.
   * @throws ConditionFailedError when `expectedVersion` or `condition` does not match.
   */
  async deleteRecord(id: RecordId, options?: DeleteOptions): Promise<M> {
    const write = prepareDelete(this.schema, this.tableName, id, options);
    const output = await this.send('delete', write, () =>
      this.client.send(new DeleteItemCommand({ ...write.input, ReturnValues: 'ALL_OLD', ReturnValuesOnConditionCheckFailure: 'ALL_OLD' })),
    );
    return fromItem(this.schema, output.Attributes ?? {});
  }

  /**
   * Sends a conditional write and names a failed condition as the error it means here. When
   * the write carried more than an existence check and the engine did not return the current
   * item, one consistent read tells "absent" from "condition not met".
   */
  private async send<Output>(operation: WriteContext['operation'], write: PreparedWrite<unknown>, send: () => Promise<Output>): Promise<Output> {
    try {
      return await send();
    } catch (error) {
      const context: WriteContext = { operation, modelName: this.schema.modelName, key: write.keyValues, checked: write.checked };
      if (!isConditionalCheckFailed(error) || !write.checked) throw translateAwsError(error, context);
      const returned = (error as { Item?: Record<string, AttributeValue> }).Item;
      const current = returned ?? (await this.client.send(new GetItemCommand(buildGetRecord(this.tableName, write.key, true)))).Item;
      throw translateAwsError(error, context, current ? (fromItem(this.schema, current) as Record<string, unknown>) : null);
    }
  }

  private target(): TableTarget {
    return { client: this.client, schema: this.schema, tableName: this.tableName, waitTimeoutMs: this.waitTimeoutMs };
  }
}
