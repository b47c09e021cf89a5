import {
  CreateTableCommand,
  DeleteItemCommand,
  DescribeTableCommand,
  DynamoDBClient,
  GetItemCommand,
  PutItemCommand,
  UpdateTableCommand,
  UpdateItemCommand,
  type CreateTableCommandInput,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { RecordNotFoundError } from '../errors/RecordNotFoundError';
import { SchemaError } from '../errors/SchemaError';
import { isResourceInUse, isResourceNotFound, translateAwsError, type WriteContext } from '../errors/translateAwsError';
import { fromItem } from '../marshalling/fromItem';
import { toItem } from '../marshalling/toItem';
import { keyValuesOf, toKey, type RecordId } from '../marshalling/toKey';
import { buildCreateGsi } from '../requests/buildCreateGsi';
import { buildCreateRecord } from '../requests/buildCreateRecord';
import { buildDeleteRecord } from '../requests/buildDeleteRecord';
import { buildGetRecord } from '../requests/buildGetRecord';
import { buildUpdateRecord } from '../requests/buildUpdateRecord';
import { tableDefinition } from '../requests/tableDefinition';
import type { CompiledSchema, ModelClass } from '../schema/CompiledSchema';
import { compileSchema } from '../schema/compileSchema';
import type { ModelEnums } from '../schema/enumsOf';
import { checkIndexOptions, type GsiOptions } from '../validation/checkIndexOptions';
import { isValidTableName } from '../validation/checks';
import { validateChanges, validateRecord } from '../validation/validateRecord';
import { checkIndexIsListed, checkKeySchema, translateIndexCreationError } from './checkTableDescription';
import { waitUntilActive } from './waitUntilActive';

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

/** What `createTable` and `createGsi` did. */
export interface CreateResult {
  /** False when the table or index already existed and nothing was changed. */
  readonly created: boolean;
}

/** The attributes of a model as plain data: what `createRecord` and `updateRecord` take. */
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
  private readonly schema: CompiledSchema<M>;
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
   * Creates the table unless it exists, and resolves once it is ACTIVE; an existing table is
   * left unchanged. Only "table not found" leads to a create: any other describe error is thrown.
   * @throws SchemaError when an existing table's key schema differs from the model's.
   */
  async createTable(): Promise<CreateResult> {
    const existing = await this.describeTable();
    let created = false;
    if (existing) {
      checkKeySchema(this.schema, existing);
    } else {
      try {
        await this.client.send(new CreateTableCommand(this.tableDefinition()));
        created = true;
      } catch (error) {
        if (!isResourceInUse(error)) throw error; // created meanwhile by someone else: wait for it
      }
    }
    await waitUntilActive(this.client, this.tableName, { timeoutMs: this.waitTimeoutMs });
    return { created };
  }

  /**
   * Adds a global secondary index on `attribute` (named after it unless `name` is given) and
   * resolves once the index is ACTIVE; an existing index of that name and keys is left as is.
   * @throws RecordValidationError for an unknown or unusable attribute or option.
   * @throws UnsupportedCapabilityError on an engine that never builds an index on a live table (dynalite).
   */
  async createGsi(attribute: string, options: GsiOptions = {}): Promise<CreateResult> {
    const index = checkIndexOptions(this.schema, attribute, options);
    const { Table: existing = {} } = await this.client.send(new DescribeTableCommand({ TableName: this.tableName }));
    const already = existing.GlobalSecondaryIndexes?.some((gsi) => gsi.IndexName === index.name) ?? false;
    if (already) {
      checkKeySchema(this.schema, existing, index);
    } else {
      try {
        const { TableDescription: updated } = await this.client.send(new UpdateTableCommand(buildCreateGsi(this.schema, this.tableName, index)));
        const listed = updated?.GlobalSecondaryIndexes?.some((gsi) => gsi.IndexName === index.name)
          ? updated
          : (await this.client.send(new DescribeTableCommand({ TableName: this.tableName }))).Table;
        checkIndexIsListed(listed ?? existing, index.name);
      } catch (error) {
        throw translateIndexCreationError(error, existing, index.name);
      }
    }
    await waitUntilActive(this.client, this.tableName, { timeoutMs: this.waitTimeoutMs, indexName: index.name });
    return { created: !already };
  }

  /**
   * Stores a new record (a model instance or a plain object); never overwrites.
   * @throws RecordValidationError before any request when the record does not fit the schema.
   * @throws RecordExistsError when a record with that key exists.
   */
  async createRecord(data: M | RecordData<M>): Promise<M> {
    const values = await validateRecord(this.schema, data);
    const item = toItem(this.schema, values);
    const input = buildCreateRecord(this.schema, this.tableName, item);
    await this.write('create', keyValuesOf(this.schema, values), () => this.client.send(new PutItemCommand(input)));
    return fromItem(this.schema, item);
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
   * Sets the given attributes of an existing record (null removes an optional one) and
   * returns the record after the update. Never creates a record, never changes a key.
   * @throws RecordValidationError for empty changes, a key attribute, or a bad value.
   * @throws RecordNotFoundError when there is no such record.
   */
  async updateRecord(id: RecordId, changes: Partial<RecordData<M>>): Promise<M> {
    const { key, values } = toKey(this.schema, id);
    const checked = await validateChanges(this.schema, changes);
    const input = buildUpdateRecord(this.schema, this.tableName, key, checked);
    const output = await this.write('update', values, () => this.client.send(new UpdateItemCommand(input)));
    return fromItem(this.schema, output.Attributes ?? {});
  }

  /**
   * Deletes the record with the given id and returns it as it was.
   * @throws RecordNotFoundError when there is no such record.
   */
  async deleteRecord(id: RecordId): Promise<M> {
    const { key, values } = toKey(this.schema, id);
    const input = buildDeleteRecord(this.schema, this.tableName, key);
    const output = await this.write('delete', values, () => this.client.send(new DeleteItemCommand(input)));
    return fromItem(this.schema, output.Attributes ?? {});
  }

  /** Sends a conditional write, naming its failed condition as the error it means here. */
  private async write<Output>(operation: WriteContext['operation'], key: Readonly<Record<string, unknown>>, send: () => Promise<Output>): Promise<Output> {
    try {
      return await send();
    } catch (error) {
      throw translateAwsError(error, { operation, modelName: this.schema.modelName, key });
    }
  }

  private async describeTable(): Promise<TableDescription | undefined> {
    try {
      const { Table: table } = await this.client.send(new DescribeTableCommand({ TableName: this.tableName }));
      return table;
    } catch (error) {
      if (isResourceNotFound(error)) return undefined;
      throw error; // network, credentials, throttling: never answered by creating a table
    }
  }
}
