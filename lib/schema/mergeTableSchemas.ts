import { SchemaError } from '../errors/SchemaError';
import type { IndexProjection } from '../metadata/declarations';
import type { CompiledAttribute, CompiledIndex, CompiledSchema } from './CompiledSchema';
import { keyAttributeType } from './keyAttributeType';

// Several models stored in one table make one table: its keys and indexes are those every model
// agrees on. What two models declare differently (a key, an index's keys, a TTL attribute, the
// capacity, the stream) has no table that serves both, so it is refused here, before anything is sent.

/**
 * The schema of a table shared by several models, for creating and checking the table: the first
 * model's keys, every model's indexes (an index declared by several models stores what each
 * projects), the one TTL attribute, capacity and stream. Each model must declare its entity, under the
 * same attribute, with a name no other model uses.
 * @throws SchemaError naming both models and what they disagree on.
 */
export function mergeTableSchemas(schemas: readonly CompiledSchema[]): CompiledSchema {
  const [first, ...others] = schemas;
  if (!first) throw new SchemaError('(no model)', undefined, 'a shared table needs at least one model.');
  checkEntities(schemas);
  const indexes = new Map(first.indexes);
  let { ttl, provisioned, stream } = first;
  for (const schema of others) {
    const fail = (what: string): never => {
      throw new SchemaError(schema.modelName, undefined, `shares its table with ${first.modelName} but ${what}.`);
    };
    if (keysText(schema.keyAttributes) !== keysText(first.keyAttributes))
      fail(`has the keys (${keysText(schema.keyAttributes)}) where it has (${keysText(first.keyAttributes)})`);
    for (const index of schema.indexes.values()) {
      const known = indexes.get(index.name);
      indexes.set(index.name, known ? mergeIndex(known, index, fail) : index);
    }
    if (schema.ttl && ttl && schema.ttl.storedName !== ttl.storedName)
      fail(
        `keeps its TTL in ${schema.ttl.storedName}, where another model keeps it in ${ttl.storedName} (a table has one)`,
      );
    ttl ??= schema.ttl;
    if (schema.provisioned && provisioned && JSON.stringify(schema.provisioned) !== JSON.stringify(provisioned))
      fail('declares another provisioned capacity');
    provisioned ??= schema.provisioned;
    if (schema.stream && stream && schema.stream !== stream)
      fail(`declares a ${schema.stream} stream, where another model declares ${stream} (a table has one stream)`);
    stream ??= schema.stream;
  }
  checkAttributeTypes(schemas);
  const modelName = schemas.map((schema) => schema.modelName).join(' + ');
  return Object.freeze({
    ...first,
    modelName,
    indexes,
    ...(ttl && { ttl }),
    ...(provisioned && { provisioned }),
    ...(stream && { stream }),
  });
}

function checkEntities(schemas: readonly CompiledSchema[]): void {
  if (schemas.length < 2) return;
  const byEntity = new Map<string, CompiledSchema>();
  for (const schema of schemas) {
    const { entity } = schema;
    if (!entity) {
      const reason =
        'shares its table with other models but declares no entity: @Table({ name, entity: "..." }) tells its items apart.';
      throw new SchemaError(schema.modelName, undefined, reason);
    }
    const other = byEntity.get(entity.name);
    if (other)
      throw new SchemaError(schema.modelName, undefined, `has the entity name ${entity.name} of ${other.modelName}.`);
    const attribute = schemas[0]!.entity?.storedName;
    if (entity.storedName !== attribute)
      throw new SchemaError(
        schema.modelName,
        undefined,
        `keeps its entity in ${entity.storedName}, where ${schemas[0]!.modelName} keeps it in ${attribute}: one table has one entity attribute.`,
      );
    byEntity.set(entity.name, schema);
  }
}

function mergeIndex(known: CompiledIndex, index: CompiledIndex, fail: (what: string) => never): CompiledIndex {
  const keys = (each: CompiledIndex) => keysText(indexKeys(each));
  if (known.kind !== index.kind || keys(known) !== keys(index))
    fail(`declares the ${index.kind} index ${index.name} with keys (${keys(index)}), another model (${keys(known)})`);
  return { ...known, storedProjection: widerProjection(known.storedProjection, index.storedProjection) };
}

/** A projection that stores what both store. */
function widerProjection(a: IndexProjection, b: IndexProjection): IndexProjection {
  if (a === 'ALL' || b === 'ALL') return 'ALL';
  const included = (projection: IndexProjection) => (typeof projection === 'string' ? [] : projection.include);
  const include = [...new Set([...included(a), ...included(b)])];
  return include.length === 0 ? 'KEYS_ONLY' : { include };
}

/** A key attribute (of the table or an index) must have one type in every model that names it. */
function checkAttributeTypes(schemas: readonly CompiledSchema[]): void {
  const seen = new Map<string, { type: string; modelName: string }>();
  for (const schema of schemas) {
    const keys = [...schema.keyAttributes, ...[...schema.indexes.values()].flatMap(indexKeys)];
    for (const attribute of keys) {
      const type = keyAttributeType(attribute) ?? attribute.type;
      const known = seen.get(attribute.storedName);
      if (known && known.type !== type)
        throw new SchemaError(
          schema.modelName,
          attribute.name,
          `is the key attribute ${attribute.storedName} of type ${type}, which ${known.modelName} declares of type ${known.type}.`,
        );
      seen.set(attribute.storedName, { type, modelName: schema.modelName });
    }
  }
}

function indexKeys(index: CompiledIndex): CompiledAttribute[] {
  return index.sortKey ? [index.partitionKey, index.sortKey] : [index.partitionKey];
}

function keysText(keys: readonly CompiledAttribute[]): string {
  return keys.map((key) => `${key.storedName} ${keyAttributeType(key) ?? key.type}`).join(', ');
}
