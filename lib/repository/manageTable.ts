import type { TableDescription } from '@aws-sdk/client-dynamodb';
import { SchemaError } from '../errors/SchemaError';
import { UnsupportedCapabilityError } from '../errors/UnsupportedCapabilityError';
import { isResourceInUse, isResourceNotFound, isUnknownOperation } from '../errors/translateAwsError';
import type { Pipeline } from '../pipeline/Pipeline';
import { buildCreateGsi } from '../requests/buildCreateGsi';
import { tableDefinition } from '../requests/tableDefinition';
import type { CompiledIndex, CompiledSchema } from '../schema/CompiledSchema';
import {
  checkExistingIndex,
  checkIndexIsListed,
  checkKeySchema,
  gsiCapacity,
  translateIndexCreationError,
} from './checkTableDescription';
import { waitUntilActive, type TableRequest } from './waitUntilActive';

/** What `createTable` did. */
export interface CreateTableResult {
  /** False when the table existed already. */
  readonly created: boolean;
  /** Declared global indexes added to an existing table. */
  readonly addedIndexes: readonly string[];
  /** Indexes the table has but the model does not declare (left in place). */
  readonly undeclaredIndexes: readonly string[];
}

/** Where a table lives and how long to wait for it. */
export interface TableTarget {
  readonly pipeline: Pipeline;
  readonly schema: CompiledSchema;
  readonly tableName: string;
  readonly waitTimeoutMs: number;
}

/**
 * Creates the table with its declared indexes unless it exists, waits until it is ACTIVE and
 * enables TTL on the @Ttl attribute. On an existing table: checks the key schema, adds missing
 * declared global indexes (each waited for) and reports undeclared ones, deleting nothing.
 * @throws SchemaError when the existing table's keys differ from the model's, a declared local index is missing, or an
 *   existing declared index has other keys or a projection storing less than declared (checked before any change).
 * @throws UnsupportedCapabilityError when the engine lacks TTL or index building (before any change where it can tell).
 */
export async function createTable(target: TableTarget): Promise<CreateTableResult> {
  const { pipeline, schema, tableName, waitTimeoutMs } = target;
  const request: TableRequest = { call: 'createTable', table: tableName };
  const existing = await describeTable(pipeline, request);
  if (!existing) {
    if (schema.ttl) await probeTtlSupport(pipeline, request);
    try {
      // created meanwhile by someone else: wait for it
      await pipeline.send('CreateTable', tableDefinition(schema, tableName), { ...request, answers: IN_USE });
    } catch (error) {
      if (!isResourceInUse(error)) throw error;
    }
  }
  // DynamoDB may answer "not found" to a describe right after CreateTable: that is no set-up mistake
  const waiting = existing ? request : { ...request, answers: NOT_FOUND };
  const table = await waitUntilActive(pipeline, waiting, { timeoutMs: waitTimeoutMs });
  const result = existing
    ? await reconcileIndexes(target, table, request)
    : { created: true, addedIndexes: [], undeclaredIndexes: [] };
  if (schema.ttl) await enableTtl(pipeline, request, schema.ttl.storedName, schema.modelName);
  return result;
}

const NOT_FOUND = ['ResourceNotFoundException'];
const IN_USE = ['ResourceInUseException'];

async function reconcileIndexes(
  target: TableTarget,
  table: TableDescription,
  request: TableRequest,
): Promise<CreateTableResult> {
  const { schema } = target;
  checkKeySchema(schema, table);
  const present = new Set(
    [...(table.GlobalSecondaryIndexes ?? []), ...(table.LocalSecondaryIndexes ?? [])].map((index) => index.IndexName),
  );
  const missing: CompiledIndex[] = [];
  // every index the table has is checked before any is added: a mismatch changes nothing
  for (const index of schema.indexes.values()) {
    if (present.has(index.name)) {
      checkExistingIndex(schema, table, index);
    } else if (index.kind === 'local') {
      throw new SchemaError(
        schema.modelName,
        undefined,
        `the local index ${index.name} is missing from table ${target.tableName}, and DynamoDB adds local indexes only when it creates a table.`,
      );
    } else {
      missing.push(index);
    }
  }
  for (const index of missing) await createGsi(target, index, request); // one at a time: DynamoDB builds one new index per update
  const undeclaredIndexes = [...present].filter(
    (name): name is string => name !== undefined && !schema.indexes.has(name),
  );
  return { created: false, addedIndexes: missing.map((index) => index.name), undeclaredIndexes };
}

/**
 * Adds a global index to a live table and waits until it is ACTIVE; an index of that name with
 * the same keys and a projection storing at least the declared attributes is left as it is. On a
 * table billed with provisioned capacity, the index gets the model's declared capacity, else the
 * table's.
 * @returns whether the index was created.
 * @throws SchemaError when an index of that name exists with other keys or a projection storing less.
 * @throws UnsupportedCapabilityError when the engine never builds indexes on a live table (dynalite).
 */
export async function createGsi(
  target: TableTarget,
  index: CompiledIndex,
  request: TableRequest = { call: 'createGsi', table: target.tableName },
): Promise<boolean> {
  const { pipeline, schema, tableName, waitTimeoutMs } = target;
  const { Table: existing = {} } = await pipeline.send('DescribeTable', { TableName: tableName }, request);
  const already = existing.GlobalSecondaryIndexes?.some((gsi) => gsi.IndexName === index.name) ?? false;
  if (already) {
    checkExistingIndex(schema, existing, index);
  } else {
    try {
      const { TableDescription: updated } = await pipeline.send(
        'UpdateTable',
        buildCreateGsi(tableName, index, gsiCapacity(schema, existing)),
        request,
      );
      const listed = updated?.GlobalSecondaryIndexes?.some((gsi) => gsi.IndexName === index.name)
        ? updated
        : (await pipeline.send('DescribeTable', { TableName: tableName }, request)).Table;
      checkIndexIsListed(listed ?? existing, index.name);
    } catch (error) {
      throw translateIndexCreationError(error, existing, index.name);
    }
  }
  await waitUntilActive(pipeline, request, { timeoutMs: waitTimeoutMs, indexName: index.name });
  return !already;
}

/** The table's description, or undefined when (and only when) the engine says it does not exist. */
export async function describeTable(pipeline: Pipeline, request: TableRequest): Promise<TableDescription | undefined> {
  try {
    const input = { TableName: request.table };
    const { Table: table } = await pipeline.send('DescribeTable', input, { ...request, answers: NOT_FOUND });
    return table;
  } catch (error) {
    if (isResourceNotFound(error)) return undefined;
    throw error; // network, credentials, throttling: never answered by creating a table
  }
}

const TTL = 'time to live (TTL)';

/**
 * Asks to change TTL on the table that does not exist yet: DynamoDB answers "not found", an
 * engine without TTL "unknown operation", so the table is not created half-configured.
 */
async function probeTtlSupport(pipeline: Pipeline, request: TableRequest): Promise<void> {
  try {
    const input = { TableName: request.table, TimeToLiveSpecification: { AttributeName: 'ttl_probe', Enabled: true } };
    await pipeline.send('UpdateTimeToLive', input, { ...request, answers: NOT_FOUND });
  } catch (error) {
    if (isUnknownOperation(error)) throw ttlUnsupported(error);
    if (!isResourceNotFound(error)) throw error;
  }
}

async function enableTtl(
  pipeline: Pipeline,
  request: TableRequest,
  attributeName: string,
  modelName: string,
): Promise<void> {
  const tableName = request.table;
  try {
    const { TimeToLiveDescription: ttl } = await pipeline.send('DescribeTimeToLive', { TableName: tableName }, request);
    const enabled = ttl?.TimeToLiveStatus === 'ENABLED' || ttl?.TimeToLiveStatus === 'ENABLING';
    if (enabled && ttl?.AttributeName === attributeName) return;
    if (enabled) {
      throw new SchemaError(
        modelName,
        attributeName,
        `@Ttl: table ${tableName} has TTL on ${ttl?.AttributeName} already; DynamoDB allows one TTL attribute.`,
      );
    }
    const input = { TableName: tableName, TimeToLiveSpecification: { AttributeName: attributeName, Enabled: true } };
    await pipeline.send('UpdateTimeToLive', input, request);
  } catch (error) {
    throw isUnknownOperation(error) ? ttlUnsupported(error) : error;
  }
}

function ttlUnsupported(cause: unknown): UnsupportedCapabilityError {
  return new UnsupportedCapabilityError(
    TTL,
    'the engine does not know UpdateTimeToLive (dynalite has no TTL). Use DynamoDB Local or DynamoDB, or drop @Ttl.',
    { cause },
  );
}
