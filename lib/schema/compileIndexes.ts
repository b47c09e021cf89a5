import { SchemaError } from '../errors/SchemaError';
import type { IndexDeclaration } from '../metadata/declarations';
import { ownIndexDeclarations } from '../metadata/store';
import { isValidTableName } from '../validation/checks';
import type { CompiledAttribute, CompiledIndex, ModelClass } from './CompiledSchema';
import { classChain } from './classChain';
import { keyAttributeType } from './keyAttributeType';

const MAX_GLOBAL = 20;
const MAX_LOCAL = 5;

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
): ReadonlyMap<string, CompiledIndex> {
  const declarations = new Map<string, IndexDeclaration>();
  for (const level of classChain(model)) {
    const own = new Set<string>();
    for (const declaration of ownIndexDeclarations(level)) {
      if (own.has(declaration.name))
        throw new SchemaError(modelName, declaration.property, `declares the index ${declaration.name} twice.`);
      own.add(declaration.name);
      declarations.set(declaration.name, declaration);
    }
  }
  const indexes = new Map<string, CompiledIndex>();
  for (const declaration of declarations.values()) {
    indexes.set(declaration.name, compileIndex(declaration, modelName, attributes, tableKeys));
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
  declaration: IndexDeclaration,
  modelName: string,
  attributes: ReadonlyMap<string, CompiledAttribute>,
  tableKeys: readonly CompiledAttribute[],
): CompiledIndex {
  const { name, kind } = declaration;
  const decorator = kind === 'global' ? '@GlobalIndex' : '@LocalIndex';
  const fail = (reason: string): never => {
    throw new SchemaError(modelName, declaration.property, `${decorator}(${JSON.stringify(name)}) ${reason}`);
  };
  if (!isValidTableName(name)) fail('needs a name of 3 to 255 of a-z A-Z 0-9 _ - .');
  const keyAttribute = (attributeName: string | undefined, role: string): CompiledAttribute => {
    if (attributeName === undefined) return fail(`needs a ${role}.`);
    const attribute =
      attributes.get(attributeName) ??
      fail(`names ${attributeName} as its ${role}, which is not a declared attribute (add @Attribute()).`);
    if (!keyAttributeType(attribute.type))
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
      if (!attributes.has(included)) fail(`projects ${included}, which is not a declared attribute.`);
      if (keys.has(included))
        fail(`projects the key attribute ${included}, which every index holds anyway: leave it out.`);
    }
  } else if (projection !== 'ALL' && projection !== 'KEYS_ONLY') {
    fail(`has projection ${JSON.stringify(projection)}: use 'ALL', 'KEYS_ONLY' or { include: [...] }.`);
  }
  return Object.freeze({ name, kind, partitionKey, ...(sortKey && { sortKey }), projection });
}
