import type { KeySchemaElement, TableDescription } from '@aws-sdk/client-dynamodb';
import { SchemaError } from '../errors/SchemaError';
import { UnsupportedCapabilityError } from '../errors/UnsupportedCapabilityError';
import type { CompiledSchema } from '../schema/CompiledSchema';
import type { CompiledIndex } from '../schema/CompiledSchema';

/**
 * Checks that an existing table (or one of its indexes) has the key schema the model
 * declares, so a mismatch is named here rather than surfacing as odd errors on every write.
 * @throws SchemaError describing both key schemas.
 */
export function checkKeySchema(schema: CompiledSchema, table: TableDescription, index?: CompiledIndex): void {
  const declared = index
    ? index.sortKey
      ? [index.partitionKey, index.sortKey]
      : [index.partitionKey]
    : schema.keyAttributes;
  const actual = index
    ? table.GlobalSecondaryIndexes?.find((gsi) => gsi.IndexName === index.name)?.KeySchema
    : table.KeySchema;
  const expected = declared
    .map((attribute, position) => `${attribute.name} ${position === 0 ? 'HASH' : 'RANGE'}`)
    .join(', ');
  const found = describeKeySchema(actual ?? []);
  if (expected !== found) {
    const what = index ? `index ${index.name} of table ${table.TableName}` : `table ${table.TableName}`;
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
  const onDemand = table.BillingModeSummary?.BillingMode === 'PAY_PER_REQUEST';
  if (
    onDemand &&
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
