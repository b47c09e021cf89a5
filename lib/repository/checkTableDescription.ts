import type { KeySchemaElement, Projection, TableDescription, TimeToLiveDescription } from '@aws-sdk/client-dynamodb';
import { SchemaError } from '../errors/SchemaError';
import { CAPABILITIES, UnsupportedCapabilityError } from '../errors/UnsupportedCapabilityError';
import type { ProvisionedCapacity } from '../metadata/declarations';
import { keysOf, projectionOf } from '../requests/indexDefinition';
import type { CompiledAttribute, CompiledIndex, CompiledSchema } from '../schema/CompiledSchema';
import { keyAttributeType } from '../schema/keyAttributeType';
import { compareBilling, compareStream, compareTtl, isOnDemand, type TableField } from './compareSettings';

export type { TableField, TableFieldStatus } from './compareSettings';

// One set of comparisons between a model and a live table: createTable refuses a table on the
// conflicts they find (before any change), and the command line's diff prints every field.

/**
 * Every field of a live table compared with the model: key schema, key attribute types, each
 * declared index (keys, projection), the indexes it has beyond them, billing, stream, and TTL
 * when its description is given (`'unknown'` when the engine cannot describe TTL).
 */
export function compareTable(
  schema: CompiledSchema,
  table: TableDescription,
  ttl?: TimeToLiveDescription | 'unknown',
): TableField[] {
  const tableName = table.TableName ?? schema.tableName;
  return [
    compareKeySchema(schema, table),
    ...compareAttributeTypes(schema, table),
    ...[...schema.indexes.values()].flatMap((index) => compareIndex(schema, table, index)),
    ...undeclaredIndexes(schema, table).map((name): TableField => ({
      field: `index ${name}`,
      declared: 'absent',
      live: describeLiveIndex(table, name),
      status: 'kept',
      remedy: `delete the index ${name} from table ${tableName} (UpdateTable, GlobalSecondaryIndexUpdates Delete) once nothing reads it; sync never deletes.`,
    })),
    compareBilling(schema, table),
    compareStream(schema, table),
    ...(ttl === undefined ? [] : compareTtl(schema, tableName, ttl)),
  ];
}

/**
 * Checks that an existing table has the key schema the model declares, so a mismatch is named
 * here rather than surfacing as odd errors on every write.
 * @throws SchemaError describing both key schemas.
 */
export function checkKeySchema(schema: CompiledSchema, table: TableDescription): void {
  throwConflicts(schema, [compareKeySchema(schema, table)]);
}

/**
 * Checks that an index the table already has (global or local) can serve as the declared one:
 * the same keys, and a projection storing at least the attributes the model declares (more is
 * fine). Reading through an index that stores less would return incomplete records.
 * @throws SchemaError naming the index and both key schemas, or both projections.
 */
export function checkExistingIndex(schema: CompiledSchema, table: TableDescription, index: CompiledIndex): void {
  throwConflicts(schema, compareIndex(schema, table, index));
}

/**
 * Throws the conflicts among compared fields as one SchemaError (the first one's property when
 * it is the only one); does nothing when there are none.
 * @throws SchemaError with every conflict's reason.
 */
export function throwConflicts(schema: CompiledSchema, fields: readonly TableField[]): void {
  const conflicts = fields.filter((field) => field.status === 'conflict');
  if (conflicts.length === 0) return;
  const property = conflicts.length === 1 ? conflicts[0]!.property : undefined;
  throw new SchemaError(schema.modelName, property, conflicts.map((field) => field.reason).join(' '));
}

/** The names of the indexes, global or local, the table has and the model does not declare. */
export function undeclaredIndexes(schema: CompiledSchema, table: TableDescription): string[] {
  return liveIndexes(table)
    .map((index) => index.IndexName)
    .filter((name): name is string => name !== undefined && !schema.indexes.has(name));
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

function compareKeySchema(schema: CompiledSchema, table: TableDescription): TableField {
  return compareKeys(schema, 'keys', `table ${table.TableName}`, schema.keyAttributes, table.KeySchema, {
    remedy:
      'a table keeps the keys it was created with: create a table with the declared keys and copy the items over ' +
      '(or give the repository another tableName); sync never changes a key.',
  });
}

/** The declared type of every key attribute (of the table and of its indexes) that the table defines. */
function compareAttributeTypes(schema: CompiledSchema, table: TableDescription): TableField[] {
  const live = new Map((table.AttributeDefinitions ?? []).map((d) => [d.AttributeName, d.AttributeType]));
  const keys = [...new Set([...schema.keyAttributes, ...[...schema.indexes.values()].flatMap(keysOf)])];
  return keys
    .filter((attribute) => live.has(attribute.storedName))
    .map((attribute) => {
      const declared = keyAttributeType(attribute) ?? attribute.type;
      const found = live.get(attribute.storedName) ?? 'absent';
      const field = { field: `attribute ${attribute.storedName}`, declared, live: found };
      if (declared === found) return { ...field, status: 'equal' };
      return {
        ...field,
        status: 'conflict',
        property: attribute.name,
        reason: `table ${table.TableName} defines the key attribute ${attribute.storedName} as ${found}, but the model declares ${declared} (${attribute.type}).`,
        remedy:
          `a key attribute's type cannot change while the table or an index is keyed on it: declare ${attribute.name} ` +
          `as the table has it, or move the data to a table (or index) keyed as declared.`,
      };
    });
}

/** A declared index against the table: missing (a global one sync adds), or its keys and projection. */
function compareIndex(schema: CompiledSchema, table: TableDescription, index: CompiledIndex): TableField[] {
  const live = liveIndexes(table).find((candidate) => candidate.IndexName === index.name);
  const what = `index ${index.name} of table ${table.TableName}`;
  const declared = `${index.kind} ${describeKeys(keysOf(index))}, ${describeProjection(projectionOf(index.storedProjection))}`;
  if (!live) {
    const field = { field: `index ${index.name}`, declared, live: 'absent' };
    if (index.kind === 'global') return [{ ...field, status: 'add' }];
    return [
      {
        ...field,
        status: 'conflict',
        reason: `the local index ${index.name} is missing from table ${table.TableName}, and DynamoDB adds local indexes only when it creates a table.`,
        remedy: `create a new table with the local index ${index.name} and copy the items over, or declare it as a global index.`,
      },
    ];
  }
  const keys = compareKeys(schema, `index ${index.name}`, what, keysOf(index), live.KeySchema, {
    remedy: `delete the index ${index.name} (UpdateTable, GlobalSecondaryIndexUpdates Delete), then sync adds it as declared; reads through it fail until it is ACTIVE again.`,
  });
  if (keys.status === 'conflict') return [keys]; // the keys first: a projection of another index says nothing
  return [keys, compareProjection(schema, what, index, live.Projection)];
}

function compareProjection(
  schema: CompiledSchema,
  what: string,
  index: CompiledIndex,
  live: Projection | undefined,
): TableField {
  const declaredProjection = projectionOf(index.storedProjection);
  const field = {
    field: `index ${index.name} projection`,
    declared: describeProjection(declaredProjection),
    live: describeProjection(live),
  };
  const recreate = `delete the index ${index.name} (UpdateTable, GlobalSecondaryIndexUpdates Delete), then sync adds it with the declared projection; DynamoDB cannot change a projection in place.`;
  const missing = projectionShortfall(index.storedProjection, live);
  if (missing !== undefined) {
    return {
      ...field,
      status: 'conflict',
      reason:
        `the ${what} exists with projection ${field.live}, but the model declares ${field.declared}: records read through it would lack ` +
        `${missing.length > 0 ? missing.join(', ') : 'every attribute it does not project'}. ` +
        'Declare the projection the index has, or create an index under another name.',
      remedy: recreate,
    };
  }
  if (sameProjection(declaredProjection, live)) return { ...field, status: 'equal' };
  return { ...field, status: 'kept', remedy: recreate };
}

function compareKeys(
  schema: CompiledSchema,
  field: string,
  what: string,
  declared: readonly CompiledAttribute[],
  actual: readonly KeySchemaElement[] | undefined,
  { remedy }: { remedy: string },
): TableField {
  const expected = describeKeys(declared);
  const found = describeKeySchema(actual ?? []);
  if (expected === found) return { field, declared: expected, live: found, status: 'equal' };
  return {
    field,
    declared: expected,
    live: found,
    status: 'conflict',
    reason: `the ${what} exists with key schema (${found}), but the model declares (${expected}).`,
    remedy,
  };
}

function liveIndexes(table: TableDescription) {
  return [...(table.GlobalSecondaryIndexes ?? []), ...(table.LocalSecondaryIndexes ?? [])];
}

function describeLiveIndex(table: TableDescription, name: string): string {
  const global = table.GlobalSecondaryIndexes?.find((index) => index.IndexName === name);
  const index = global ?? table.LocalSecondaryIndexes?.find((candidate) => candidate.IndexName === name);
  return `${global ? 'global' : 'local'} ${describeKeySchema(index?.KeySchema ?? [])}, ${describeProjection(index?.Projection)}`;
}

function describeKeys(keys: readonly CompiledAttribute[]): string {
  return keys.map((attribute, position) => `${attribute.storedName} ${position === 0 ? 'HASH' : 'RANGE'}`).join(', ');
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
  declared: CompiledIndex['storedProjection'],
  live: Projection | undefined,
): string[] | undefined {
  if (live?.ProjectionType === 'ALL' || declared === 'KEYS_ONLY') return undefined;
  if (declared === 'ALL') return [];
  const stored = new Set(live?.NonKeyAttributes ?? []);
  const missing = declared.include.filter((name) => !stored.has(name));
  return missing.length > 0 ? missing : undefined;
}

function sameProjection(declared: Projection, live: Projection | undefined): boolean {
  if (declared.ProjectionType !== live?.ProjectionType) return false;
  const names = (projection: Projection | undefined) => [...(projection?.NonKeyAttributes ?? [])].sort().join('\0');
  return names(declared) === names(live);
}

function describeProjection(projection: Projection | undefined): string {
  const type = projection?.ProjectionType ?? 'none';
  return type === 'INCLUDE' ? `INCLUDE (${(projection?.NonKeyAttributes ?? []).join(', ')})` : type;
}

/**
 * After an UpdateTable that created an index, the index must be listed (DynamoDB shows it
 * CREATING at once). An engine that accepted the update but lists no index will never build
 * it (dynalite): waiting would hang, so this says so instead.
 * @throws UnsupportedCapabilityError naming the missing capability.
 */
export function checkIndexIsListed(table: TableDescription, indexName: string): void {
  if (table.GlobalSecondaryIndexes?.some((gsi) => gsi.IndexName === indexName)) return;
  throw new UnsupportedCapabilityError(
    CAPABILITIES.gsiOnLiveTable,
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
      CAPABILITIES.gsiOnLiveTable,
      `the engine rejected the index ${indexName} on the on-demand table ${table.TableName} (dynalite cannot build indexes on live tables). ` +
        'Use DynamoDB Local or DynamoDB, or create the table with the index from the start.',
      { cause: error },
    );
  }
  return error;
}
