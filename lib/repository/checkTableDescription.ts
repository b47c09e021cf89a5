import type { KeySchemaElement, Projection, TableDescription } from '@aws-sdk/client-dynamodb';
import { SchemaError } from '../errors/SchemaError';
import { UnsupportedCapabilityError } from '../errors/UnsupportedCapabilityError';
import type { ProvisionedCapacity } from '../metadata/declarations';
import { keysOf, projectionOf } from '../requests/indexDefinition';
import type { CompiledAttribute, CompiledIndex, CompiledSchema } from '../schema/CompiledSchema';

/**
 * Checks that an existing table has the key schema the model declares, so a mismatch is named
 * here rather than surfacing as odd errors on every write.
 * @throws SchemaError describing both key schemas.
 */
export function checkKeySchema(schema: CompiledSchema, table: TableDescription): void {
  compareKeys(schema, `table ${table.TableName}`, schema.keyAttributes, table.KeySchema);
}

/**
 * Checks that an index the table already has (global or local) can serve as the declared one:
 * the same keys, and a projection storing at least the attributes the model declares (more is
 * fine). Reading through an index that stores less would return incomplete records.
 * @throws SchemaError naming the index and both key schemas, or both projections.
 */
export function checkExistingIndex(schema: CompiledSchema, table: TableDescription, index: CompiledIndex): void {
  const live = [...(table.GlobalSecondaryIndexes ?? []), ...(table.LocalSecondaryIndexes ?? [])].find(
    (candidate) => candidate.IndexName === index.name,
  );
  const what = `index ${index.name} of table ${table.TableName}`;
  compareKeys(schema, what, keysOf(index), live?.KeySchema);
  const missing = projectionShortfall(index.storedProjection, live?.Projection);
  if (missing === undefined) return;
  throw new SchemaError(
    schema.modelName,
    undefined,
    `the ${what} exists with projection ${describeProjection(live?.Projection)}, ` +
      `but the model declares ${describeProjection(projectionOf(index.storedProjection))}: records read through it would lack ` +
      `${missing.length > 0 ? missing.join(', ') : 'every attribute it does not project'}. ` +
      'Declare the projection the index has, or create an index under another name.',
  );
}

/**
 * The throughput a new global index on this live table needs: none when the table is billed on
 * demand; on a provisioned table, the model's declared capacity, else the table's own.
 */
export function gsiCapacity(schema: CompiledSchema, table: TableDescription): ProvisionedCapacity | undefined {
  if (isOnDemand(table)) return undefined;
  return (
    schema.provisioned ?? {
      readCapacityUnits: table.ProvisionedThroughput?.ReadCapacityUnits ?? 0,
      writeCapacityUnits: table.ProvisionedThroughput?.WriteCapacityUnits ?? 0,
    }
  );
}

/**
 * A table that has always been provisioned may have no BillingModeSummary (DynamoDB, DynamoDB
 * Local and dynalite all omit it then), while an on-demand one reports zero capacity units.
 */
function isOnDemand(table: TableDescription): boolean {
  const mode = table.BillingModeSummary?.BillingMode;
  if (mode !== undefined) return mode === 'PAY_PER_REQUEST';
  const { ReadCapacityUnits: read = 0, WriteCapacityUnits: write = 0 } = table.ProvisionedThroughput ?? {};
  return read === 0 && write === 0;
}

function compareKeys(
  schema: CompiledSchema,
  what: string,
  declared: readonly CompiledAttribute[],
  actual: readonly KeySchemaElement[] | undefined,
): void {
  const expected = declared
    .map((attribute, position) => `${attribute.storedName} ${position === 0 ? 'HASH' : 'RANGE'}`)
    .join(', ');
  const found = describeKeySchema(actual ?? []);
  if (expected !== found) {
    throw new SchemaError(
      schema.modelName,
      undefined,
      `the ${what} exists with key schema (${found}), but the model declares (${expected}).`,
    );
  }
}

function describeKeySchema(keySchema: readonly KeySchemaElement[]): string {
  const ordered = [...keySchema].sort((a, b) => (a.KeyType === 'HASH' ? -1 : b.KeyType === 'HASH' ? 1 : 0));
  return ordered.map((element) => `${element.AttributeName} ${element.KeyType}`).join(', ');
}

/**
 * The declared attributes a live projection does not store: undefined when it stores them all,
 * an empty list when the model declares ALL and the index stores less. (A declared include list
 * never names a key: the schema refuses that, and every index stores its keys anyway.)
 */
function projectionShortfall(
  declared: CompiledIndex['projection'],
  live: Projection | undefined,
): string[] | undefined {
  if (live?.ProjectionType === 'ALL' || declared === 'KEYS_ONLY') return undefined;
  if (declared === 'ALL') return [];
  const stored = new Set(live?.NonKeyAttributes ?? []);
  const missing = declared.include.filter((name) => !stored.has(name));
  return missing.length > 0 ? missing : undefined;
}

function describeProjection(projection: Projection | undefined): string {
  const type = projection?.ProjectionType ?? 'none';
  return type === 'INCLUDE' ? `INCLUDE (${(projection?.NonKeyAttributes ?? []).join(', ')})` : type;
}

const GSI_ON_LIVE_TABLE = 'adding a global secondary index to an existing table';

/**
 * After an UpdateTable that created an index, the index must be listed (DynamoDB shows it
 * CREATING at once). An engine that accepted the update but lists no index will never build
 * it (dynalite): waiting would hang, so this says so instead.
 * @throws UnsupportedCapabilityError naming the missing capability.
 */
export function checkIndexIsListed(table: TableDescription, indexName: string): void {
  if (table.GlobalSecondaryIndexes?.some((gsi) => gsi.IndexName === indexName)) return;
  throw new UnsupportedCapabilityError(
    GSI_ON_LIVE_TABLE,
    `the engine accepted the index ${indexName} on table ${table.TableName} but never builds it (dynalite does this). ` +
      'Use DynamoDB Local or DynamoDB, or create the table with the index from the start.',
  );
}

/**
 * dynalite, unlike DynamoDB, requires ProvisionedThroughput for an index on an on-demand
 * table and rejects the update; that rejection means the same missing capability.
 */
export function translateIndexCreationError(error: unknown, table: TableDescription, indexName: string): unknown {
  if (
    isOnDemand(table) &&
    error instanceof Error &&
    error.name === 'ValidationException' &&
    /create\.provisionedThroughput/i.test(error.message)
  ) {
    return new UnsupportedCapabilityError(
      GSI_ON_LIVE_TABLE,
      `the engine rejected the index ${indexName} on the on-demand table ${table.TableName} (dynalite cannot build indexes on live tables). ` +
        'Use DynamoDB Local or DynamoDB, or create the table with the index from the start.',
      { cause: error },
    );
  }
  return error;
}
