import { SchemaError } from '../errors/SchemaError';
import type { AttributeDeclaration, AttributeType } from '../metadata/declarations';
import { ownAttributeDeclarations } from '../metadata/store';
import type { CompiledAttribute, CompiledSchema, ModelClass } from './CompiledSchema';
import {
  checkMisuses,
  checkedDeclaration,
  checkedTable,
  metadataHint,
  shown,
  type CheckedDeclaration,
} from './checkDeclarations';
import { classChain } from './classChain';
import { compileIndexes } from './compileIndexes';
import { checkRole, lifecycleAttributes } from './lifecycleAttributes';
import { resolveTypes } from './resolveTypes';
import { usesClassValidator } from '../validation/classValidatorBridge';
import { describeType } from '../validation/checks';

const KEY_TYPES: ReadonlySet<AttributeType> = new Set(['string', 'number', 'bigint', 'binary', 'date']);

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
  const groups = mergeDeclarations(model).map((declarations) =>
    declarations.map((declaration) => checkedDeclaration(modelName, declaration)),
  );
  if (groups.length === 0)
    throw new SchemaError(
      modelName,
      undefined,
      `no attributes: decorate the properties with @PartitionKey, @Attribute...${metadataHint()}`,
    );
  const types = resolveTypes(model, modelName, groups);
  const attributes = groups.map((declarations, index) => compileAttribute(modelName, declarations, types[index]!));
  const partitionKey = singleKey(modelName, attributes, 'partition');
  if (!partitionKey)
    throw new SchemaError(modelName, undefined, 'no partition key: mark one property with @PartitionKey().');
  const sortKey = singleKey(modelName, attributes, 'sort');
  const attributeByName = new Map(attributes.map((attribute) => [attribute.name, attribute]));
  const keyAttributes = Object.freeze(sortKey ? [partitionKey, sortKey] : [partitionKey]);

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
    indexes: compileIndexes(model, modelName, attributeByName, keyAttributes),
    ...lifecycleAttributes(modelName, attributes),
    usesClassValidator: usesClassValidator(model),
  };
  return Object.freeze(schema);
}

/** Groups declarations per property, base class first; a subclass redeclaring a property replaces the parent's. */
function mergeDeclarations(model: ModelClass): AttributeDeclaration[][] {
  const byProperty = new Map<string, AttributeDeclaration[]>();
  for (const level of classChain(model)) {
    const own = new Map<string, AttributeDeclaration[]>();
    for (const declaration of ownAttributeDeclarations(level)) {
      own.set(declaration.property, [...(own.get(declaration.property) ?? []), declaration]);
    }
    for (const [property, declarations] of own) {
      byProperty.delete(property); // keeps the subclass's order for a redeclared property
      byProperty.set(property, declarations);
    }
  }
  return [...byProperty.values()];
}

function compileAttribute(
  modelName: string,
  declarations: readonly CheckedDeclaration[],
  type: AttributeType,
): CompiledAttribute {
  const name = declarations[0]!.property;
  const fail = (reason: string): never => {
    throw new SchemaError(modelName, name, reason);
  };
  // assigning it would replace an object's prototype instead of storing a value
  if (name === '__proto__') fail('is not a usable attribute name.');
  const keys = new Set(declarations.map((d) => d.key).filter((key) => key !== undefined));
  if (keys.size > 1) fail('cannot be both the partition key and the sort key.');
  const key = [...keys][0];

  const categoricalLists = declarations.filter((d) => d.decorator === '@Categorical');
  if (categoricalLists.length > 1) fail('has two @Categorical lists.');
  const isCategorical = categoricalLists.length === 1;

  const roles = new Set(declarations.map((d) => d.role).filter((role) => role !== undefined));
  if (roles.size > 1) fail(`has two roles: ${[...roles].join(' and ')}.`);
  const role = [...roles][0];
  if (role) checkRole(role, type, key !== undefined || isCategorical, fail);

  // the library writes lifecycle attributes itself, so input may leave them out
  const optional = declarations.some((d) => d.optional === true) || role !== undefined;
  if (key && declarations.some((d) => d.optional === true)) fail(`a ${key} key cannot be optional.`);
  if (key && !KEY_TYPES.has(type)) fail(`a ${key} key must be a string, number, bigint, Date or binary, not ${type}.`);

  const categorical = isCategorical ? checkedCategorical(categoricalLists[0]!.categorical, type, fail) : undefined;

  return Object.freeze({
    name,
    onPrototype: name in Object.prototype,
    type,
    optional,
    ...(key && { key }),
    ...(categorical && { categorical: Object.freeze([...categorical]) }),
    ...(role && { role }),
  });
}

function checkedCategorical(values: unknown, type: AttributeType, fail: (reason: string) => never): readonly string[] {
  if (type !== 'string') fail(`@Categorical needs a string property, not ${type}.`);
  if (!Array.isArray(values)) fail(`@Categorical needs an array of values, not ${describeType(values)}.`);
  if ((values as unknown[]).length === 0) fail('@Categorical needs at least one value.');
  const seen = new Set<string>();
  for (const value of values as unknown[]) {
    if (typeof value !== 'string' || value === '')
      fail(`@Categorical values must be non-empty strings, got ${shown(value)}.`);
    if (seen.has(value)) fail(`@Categorical lists ${JSON.stringify(value)} twice.`);
    seen.add(value);
  }
  return values as string[];
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
