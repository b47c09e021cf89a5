import { SchemaError } from '../errors/SchemaError';
import type { AttributeDeclaration, AttributeType } from '../metadata/declarations';
import { ownAttributeDeclarations } from '../metadata/store';
import { describeType } from '../validation/checks';
import { checkedDeclaration, metadataHint, shown, type CheckedDeclaration } from './checkDeclarations';
import type { CompiledAttribute, ModelClass } from './CompiledSchema';
import { classChain } from './classChain';
import { compileTemplates } from './compileTemplates';
import { checkRole } from './lifecycleAttributes';
import { resolveTypes, type ResolvedType } from './resolveTypes';

const KEY_TYPES: ReadonlySet<AttributeType> = new Set(['string', 'number', 'bigint', 'binary', 'date']);
/** DynamoDB's limit on the name of a key attribute (table or index), in UTF-8 bytes. */
const MAX_KEY_NAME_BYTES = 255;

/**
 * The attributes a class declares (its own and its parents', a subclass's redeclaration replacing
 * the parent's), each checked and frozen. `nested` is true for a class stored as a map: it has no keys
 * and no attributes the library maintains.
 * @throws SchemaError naming the class and property.
 */
export function compileAttributes(model: ModelClass, modelName: string, nested: boolean): CompiledAttribute[] {
  const groups = mergeDeclarations(model).map((declarations) =>
    declarations.map((declaration) => checkedDeclaration(modelName, declaration)),
  );
  if (groups.length === 0) {
    const decorate = nested ? '@Attribute' : '@PartitionKey, @Attribute...';
    throw new SchemaError(
      modelName,
      undefined,
      `no attributes: decorate the properties with ${decorate}${metadataHint()}`,
    );
  }
  const types = resolveTypes(model, modelName, groups);
  const attributes = groups.map((declarations, index) =>
    compileAttribute(modelName, declarations, types[index]!, nested),
  );
  const byStoredName = new Map<string, CompiledAttribute>();
  for (const attribute of attributes) {
    const taken = byStoredName.get(attribute.storedName);
    if (taken) {
      const reason = `is stored as ${JSON.stringify(attribute.storedName)}, the stored name of ${taken.name} already.`;
      throw new SchemaError(modelName, attribute.name, reason);
    }
    byStoredName.set(attribute.storedName, attribute);
  }
  return compileTemplates(modelName, attributes, groups, nested);
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
  { type, nested: nestedClass }: ResolvedType,
  inNestedClass: boolean,
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
  if (key && inNestedClass)
    fail(`a class stored as a map has no ${key} key: ${name} is an attribute of a nested value.`);

  const categoricalLists = declarations.filter((d) => d.decorator === '@Categorical');
  if (categoricalLists.length > 1) fail('has two @Categorical lists.');
  const isCategorical = categoricalLists.length === 1;

  const roles = new Set(declarations.map((d) => d.role).filter((role) => role !== undefined));
  if (roles.size > 1) fail(`has two roles: ${[...roles].join(' and ')}.`);
  const role = [...roles][0];
  if (role && inNestedClass)
    fail('a class stored as a map has no attributes the library maintains (@Version, @CreatedAt...).');
  if (role) checkRole(role, type, key !== undefined || isCategorical, fail);

  const storedName = single(declarations, 'name', fail) ?? name;
  if ((key || role) && Buffer.byteLength(storedName, 'utf8') > MAX_KEY_NAME_BYTES) {
    fail(`a key's name has at most ${MAX_KEY_NAME_BYTES} bytes in DynamoDB.`);
  }
  // the library writes lifecycle attributes itself, so input may leave them out
  const optional = declarations.some((d) => d.optional === true) || role !== undefined;
  if (key && declarations.some((d) => d.optional === true)) fail(`a ${key} key cannot be optional.`);
  if (key && !KEY_TYPES.has(type)) fail(`a ${key} key must be a string, number, bigint, Date or binary, not ${type}.`);
  if (key && nestedClass) fail(`a ${key} key cannot hold a class's values.`);

  const storage = single(declarations, 'storage', fail);
  if (storage !== undefined && type !== 'date') fail(`storage is for Date attributes; this one is ${type}.`);
  if (role === 'ttl' && type === 'date' && storage !== undefined && storage !== 'epochSeconds') {
    fail("@Ttl is stored as epoch seconds, as DynamoDB's TTL reads it: leave storage out.");
  }
  const dateStorage = type === 'date' ? (role === 'ttl' ? 'epochSeconds' : (storage ?? 'iso')) : undefined;
  const converter = declarations.find((d) => d.converter !== undefined)?.converter;
  if (converter && isCategorical) fail('a categorical attribute is a string: it takes no converter.');

  const categorical = isCategorical ? checkedCategorical(categoricalLists[0]!.categorical, type, fail) : undefined;
  const defaults = declarations.filter((d) => d.default !== undefined);
  if (defaults.length > 1) fail('declares two defaults.');
  const makeDefault = defaults[0] && defaultMaker(defaults[0].default);

  return Object.freeze({
    name,
    storedName,
    onPrototype: name in Object.prototype,
    type,
    ...(nestedClass && { nested: nestedClass }),
    ...(converter && { converter }),
    ...(dateStorage && { storage: dateStorage }),
    ...(makeDefault && { default: makeDefault }),
    optional,
    ...(key && { key }),
    ...(categorical && { categorical: Object.freeze([...categorical]) }),
    ...(role && { role }),
  });
}

/** The one value the declarations give an option (several decorators of one property must agree). */
function single<K extends 'name' | 'storage'>(
  declarations: readonly CheckedDeclaration[],
  option: K,
  fail: (reason: string) => never,
): CheckedDeclaration[K] | undefined {
  const values = new Set(declarations.map((d) => d[option]).filter((value) => value !== undefined));
  if (values.size > 1)
    fail(`declares two ${option === 'name' ? 'stored names' : 'storages'}: ${[...values].join(' and ')}.`);
  return [...values][0];
}

/**
 * A default as a function called once per record: a function as given, a value returned as it is
 * when it is a primitive, copied per record when it is an object (no two records share one array).
 */
function defaultMaker(value: unknown): () => unknown {
  if (typeof value === 'function') return value as () => unknown;
  if (typeof value !== 'object' || value === null) return () => value;
  return () => structuredClone(value);
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
