import { SchemaError } from '../errors/SchemaError';
import type { AttributeDeclaration, AttributeType } from '../metadata/declarations';
import { designType, ownAttributeDeclarations, tableDeclaration } from '../metadata/store';
import { isCapacity, isValidTableName } from '../validation/checks';
import type { CompiledAttribute, CompiledSchema, ModelClass } from './CompiledSchema';
import { classChain } from './classChain';
import { inferType } from './inferType';
import { compileIndexes } from './compileIndexes';
import { checkRole, lifecycleAttributes } from './lifecycleAttributes';
import { usesClassValidator } from '../validation/classValidatorBridge';

const KEY_TYPES: ReadonlySet<AttributeType> = new Set(['string', 'number', 'bigint', 'binary', 'date']);
const ATTRIBUTE_TYPES: ReadonlySet<string> = new Set([
  'string',
  'number',
  'bigint',
  'boolean',
  'date',
  'binary',
  'list',
  'map',
  'stringSet',
  'numberSet',
  'binarySet',
]);

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
  const table = tableDeclaration(model);
  if (!table) throw new SchemaError(modelName, undefined, 'no @Table: add @Table({ name: "..." }) to the class.');
  if (!isValidTableName(table.name)) {
    throw new SchemaError(
      modelName,
      undefined,
      `@Table name ${JSON.stringify(table.name)} must be 3 to 255 of a-z A-Z 0-9 _ - .`,
    );
  }
  if (
    table.provisioned &&
    !(isCapacity(table.provisioned.readCapacityUnits) && isCapacity(table.provisioned.writeCapacityUnits))
  ) {
    throw new SchemaError(
      modelName,
      undefined,
      '@Table provisioned capacity units must be whole numbers of at least 1.',
    );
  }

  const attributes = mergeDeclarations(model).map((declarations) => compileAttribute(model, modelName, declarations));
  if (attributes.length === 0)
    throw new SchemaError(
      modelName,
      undefined,
      'no attributes: decorate the properties with @PartitionKey, @Attribute...',
    );
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
  model: ModelClass,
  modelName: string,
  declarations: AttributeDeclaration[],
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

  const declaredTypes = new Set(declarations.map((d) => d.type).filter((type) => type !== undefined));
  if (declaredTypes.size > 1) fail(`declares two types: ${[...declaredTypes].join(' and ')}.`);
  const declaredType = [...declaredTypes][0];
  if (declaredType !== undefined && !ATTRIBUTE_TYPES.has(declaredType)) {
    fail(`unknown type ${JSON.stringify(declaredType)}: use one of ${[...ATTRIBUTE_TYPES].join(', ')}.`);
  }
  const categoricalLists = declarations.filter((d) => d.categorical !== undefined);
  if (categoricalLists.length > 1) fail('has two @Categorical lists.');
  const categorical = categoricalLists[0]?.categorical;

  const reflected = designType(model, name);
  // A categorical attribute is a string whatever the emitted type: a literal union read
  // through a type alias or `(typeof VALUES)[number]` is emitted as Object by some compilers.
  const categoricalDefault = categorical && (reflected === undefined || reflected === Object) ? 'string' : undefined;
  const type = declaredType ?? categoricalDefault ?? inferType(reflected) ?? fail(typeNotInferable(reflected));

  const roles = new Set(declarations.map((d) => d.role).filter((role) => role !== undefined));
  if (roles.size > 1) fail(`has two roles: ${[...roles].join(' and ')}.`);
  const role = [...roles][0];
  if (role) checkRole(role, type, key !== undefined || categorical !== undefined, fail);

  // the library writes lifecycle attributes itself, so input may leave them out
  const optional = declarations.some((d) => d.optional === true) || role !== undefined;
  if (key && declarations.some((d) => d.optional === true)) fail(`a ${key} key cannot be optional.`);
  if (key && !KEY_TYPES.has(type)) fail(`a ${key} key must be a string, number, bigint, Date or binary, not ${type}.`);

  if (categorical) checkCategorical(categorical, type, fail);

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

function checkCategorical(values: readonly string[], type: AttributeType, fail: (reason: string) => never): void {
  if (type !== 'string') fail(`@Categorical needs a string property, not ${type}.`);
  if (values.length === 0) fail('@Categorical needs at least one value.');
  const seen = new Set<string>();
  for (const value of values) {
    if (typeof value !== 'string' || value === '')
      fail(`@Categorical values must be non-empty strings, got ${JSON.stringify(value)}.`);
    if (seen.has(value)) fail(`@Categorical lists ${JSON.stringify(value)} twice.`);
    seen.add(value);
  }
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

function typeNotInferable(reflected: unknown): string {
  if (reflected === undefined) {
    return 'has no design:type: turn on "emitDecoratorMetadata" (and "experimentalDecorators") in tsconfig, or pass @Attribute({ type }).';
  }
  const name = typeof reflected === 'function' ? reflected.name : typeof reflected;
  if (reflected === Set) return 'is a Set: pass @Attribute({ type: "stringSet" | "numberSet" | "binarySet" }).';
  return `has type ${name}, which maps to no DynamoDB type: pass @Attribute({ type }).`;
}
