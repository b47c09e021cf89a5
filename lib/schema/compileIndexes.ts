import { SchemaError } from '../errors/SchemaError';
import { ownIndexDeclarations } from '../metadata/store';
import { isValidTableName } from '../validation/checks';
import type { CompiledAttribute, CompiledIndex, ModelClass } from './CompiledSchema';
import { checkedIndexOptions, shown, type IndexOptions } from './checkDeclarations';
import { classChain } from './classChain';
import { keyAttributeType, storedProjection } from './keyAttributeType';

const MAX_GLOBAL = 20;
const MAX_LOCAL = 5;

/** An index declaration with its options checked. */
interface CheckedIndex extends IndexOptions {
  readonly name: unknown;
  readonly kind: 'global' | 'local';
  readonly property?: string;
}

/**
 * Compiles `@GlobalIndex` / `@LocalIndex` declarations (inherited ones included; a subclass
 * redeclaring a name replaces the parent's).
 * @throws SchemaError for an unknown or unusable key attribute, a duplicate name, a bad projection.
 */
export function compileIndexes(
  model: ModelClass,
  modelName: string,
  attributes: ReadonlyMap<string, CompiledAttribute>,
  tableKeys: readonly CompiledAttribute[],
  entityAttribute?: string,
): ReadonlyMap<string, CompiledIndex> {
  const declarations = new Map<unknown, CheckedIndex>();
  for (const level of classChain(model)) {
    const own = new Set<unknown>();
    for (const declaration of ownIndexDeclarations(level)) {
      const { name, kind, property } = declaration;
      if (own.has(name)) throw new SchemaError(modelName, property, `declares the index ${String(name)} twice.`);
      own.add(name);
      const options = checkedIndexOptions(modelName, declaration);
      declarations.set(name, { ...options, name, kind, ...(property !== undefined && { property }) });
    }
  }
  const indexes = new Map<string, CompiledIndex>();
  for (const declaration of declarations.values()) {
    const index = compileIndex(declaration, modelName, attributes, tableKeys, entityAttribute);
    indexes.set(index.name, index);
  }
  const count = (kind: 'global' | 'local') => [...indexes.values()].filter((index) => index.kind === kind).length;
  if (count('global') > MAX_GLOBAL)
    throw new SchemaError(
      modelName,
      undefined,
      `declares ${count('global')} global indexes; DynamoDB allows ${MAX_GLOBAL}.`,
    );
  if (count('local') > MAX_LOCAL)
    throw new SchemaError(
      modelName,
      undefined,
      `declares ${count('local')} local indexes; DynamoDB allows ${MAX_LOCAL}.`,
    );
  return indexes;
}

function compileIndex(
  declaration: CheckedIndex,
  modelName: string,
  attributes: ReadonlyMap<string, CompiledAttribute>,
  tableKeys: readonly CompiledAttribute[],
  entityAttribute: string | undefined,
): CompiledIndex {
  const { kind } = declaration;
  const decorator = kind === 'global' ? '@GlobalIndex' : '@LocalIndex';
  const fail = (reason: string): never => {
    throw new SchemaError(modelName, declaration.property, `${decorator}(${shown(declaration.name)}) ${reason}`);
  };
  const name = isValidTableName(declaration.name)
    ? declaration.name
    : fail('needs a name of 3 to 255 of a-z A-Z 0-9 _ - .');
  const keyAttribute = (attributeName: string | undefined, role: string): CompiledAttribute => {
    if (attributeName === undefined) return fail(`needs a ${role}.`);
    const attribute =
      attributes.get(attributeName) ??
      fail(`names ${attributeName} as its ${role}, which is not a declared attribute (add @Attribute()).`);
    if (!keyAttributeType(attribute))
      fail(
        `cannot use ${attributeName} (${attribute.type}) as its ${role}: it must be a string, number, bigint, Date or binary.`,
      );
    return attribute;
  };
  const tableSortKey = tableKeys[1];
  if (kind === 'local' && !tableSortKey)
    fail('needs a table with a sort key (a local index only changes the sort key).');
  const partitionKey = kind === 'global' ? keyAttribute(declaration.partitionKey, 'partition key') : tableKeys[0]!;
  const sortKey =
    declaration.sortKey === undefined && kind === 'global' ? undefined : keyAttribute(declaration.sortKey, 'sort key');
  if (sortKey && sortKey === partitionKey) fail(`uses ${sortKey.name} as both partition key and sort key.`);
  if (kind === 'local' && sortKey === tableSortKey) fail(`has the table's own sort key ${tableSortKey?.name}.`);
  const projection = declaration.projection ?? 'ALL';
  if (typeof projection === 'object') {
    const keys = new Set([...tableKeys, partitionKey, sortKey].map((attribute) => attribute?.name));
    if (!Array.isArray(projection.include) || projection.include.length === 0)
      fail('needs at least one attribute in projection include.');
    for (const included of projection.include) {
      if (!attributes.has(included)) fail(`projects ${shown(included)}, which is not a declared attribute.`);
      if (keys.has(included))
        fail(`projects the key attribute ${included}, which every index holds anyway: leave it out.`);
    }
  } else if (projection !== 'ALL' && projection !== 'KEYS_ONLY') {
    fail(`has projection ${shown(projection)}: use 'ALL', 'KEYS_ONLY' or { include: [...] }.`);
  }
  const stored = storedProjection(attributes, projection, entityAttribute);
  return Object.freeze({ name, kind, partitionKey, ...(sortKey && { sortKey }), projection, storedProjection: stored });
}
