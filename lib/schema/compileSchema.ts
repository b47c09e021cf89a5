import { SchemaError } from '../errors/SchemaError';
import { usesClassValidator } from '../validation/classValidatorBridge';
import type { TableDeclaration } from '../metadata/declarations';
import { checkMisuses, checkedTable, DEFAULT_ENTITY_ATTRIBUTE } from './checkDeclarations';
import type { CompiledAttribute, CompiledSchema, EntityTag, ModelClass } from './CompiledSchema';
import { compileAttributes } from './compileAttributes';
import { compileIndexes } from './compileIndexes';
import { lifecycleAttributes } from './lifecycleAttributes';
import { compileNestedShapes } from './shapeOf';

const cache = new WeakMap<ModelClass, CompiledSchema>();

/**
 * Compiles a model class's decorators into a checked, frozen schema, once per class.
 * @throws SchemaError naming the class and property when the decorators are inconsistent.
 */
export function compileSchema<M extends object>(model: ModelClass<M>): CompiledSchema<M> {
  if (typeof model !== 'function') {
    throw new SchemaError(String(model), undefined, 'a model must be a class decorated with @Table.');
  }
  const cached = cache.get(model);
  if (cached) return cached as CompiledSchema<M>;
  const schema = compile(model);
  cache.set(model, schema);
  return schema;
}

function compile<M extends object>(model: ModelClass<M>): CompiledSchema<M> {
  const modelName = model.name || 'AnonymousModel';
  // a misplaced decorator first: it may be why @Table or an attribute seems missing
  checkMisuses(model, modelName);
  const table = checkedTable(model, modelName);
  const attributes = compileAttributes(model, modelName, false);
  compileNestedShapes(attributes);
  const partitionKey = singleKey(modelName, attributes, 'partition');
  if (!partitionKey)
    throw new SchemaError(modelName, undefined, 'no partition key: mark one property with @PartitionKey().');
  const sortKey = singleKey(modelName, attributes, 'sort');
  const attributeByName = new Map(attributes.map((attribute) => [attribute.name, attribute]));
  const keyAttributes = Object.freeze(sortKey ? [partitionKey, sortKey] : [partitionKey]);
  const entity = entityOf(modelName, table, attributes);

  const schema: CompiledSchema<M> = {
    model,
    modelName,
    tableName: table.name,
    ...(table.provisioned && { provisioned: Object.freeze({ ...table.provisioned }) }),
    ...(table.stream && { stream: table.stream }),
    attributes: Object.freeze(attributes),
    attributeByName,
    partitionKey,
    ...(sortKey && { sortKey }),
    keyAttributes,
    idAttributes: Object.freeze([...new Set(keyAttributes.flatMap((key) => key.template?.parts ?? [key]))]),
    ...(entity && { entity }),
    indexes: compileIndexes(model, modelName, attributeByName, keyAttributes, entity?.storedName),
    ...lifecycleAttributes(modelName, attributes),
    usesClassValidator: usesClassValidator(model, modelName),
  };
  return Object.freeze(schema);
}

/** The model's entity and where its items hold it, when `@Table({ entity })` declares one. */
function entityOf(
  modelName: string,
  table: TableDeclaration,
  attributes: readonly CompiledAttribute[],
): EntityTag | undefined {
  if (table.entity === undefined) return undefined;
  const storedName = table.entityAttribute ?? DEFAULT_ENTITY_ATTRIBUTE;
  const clash = attributes.find((attribute) => attribute.storedName === storedName);
  if (clash) {
    const reason = `is stored as ${JSON.stringify(storedName)}, where @Table keeps the entity name: give @Table another entityAttribute, or the attribute another name.`;
    throw new SchemaError(modelName, clash.name, reason);
  }
  return Object.freeze({ name: table.entity, storedName });
}

function singleKey(
  modelName: string,
  attributes: CompiledAttribute[],
  key: 'partition' | 'sort',
): CompiledAttribute | undefined {
  const found = attributes.filter((attribute) => attribute.key === key);
  if (found.length > 1) {
    const decorator = key === 'partition' ? '@PartitionKey' : '@SortKey';
    throw new SchemaError(
      modelName,
      found[1]!.name,
      `a second ${decorator} (${found[0]!.name} is already the ${key} key).`,
    );
  }
  return found[0];
}
