import { RecordValidationError } from '../errors/RecordValidationError';
import type { ValidationIssue } from '../errors/ValidationIssue';
import type { CompiledAttribute, CompiledIndex, CompiledSchema } from '../schema/CompiledSchema';
import { keyAttributeType, storedProjection } from '../schema/keyAttributeType';
import { describeType, isValidTableName } from './checks';
import { optionIssues } from './checkOptions';
import type { GsiOptions } from '../repository/options';

/**
 * Checks the attribute and options of a global secondary index against the schema.
 * @throws RecordValidationError naming each unknown or unusable attribute and bad option.
 */
export function checkIndexOptions(schema: CompiledSchema, attributeName: unknown, given?: unknown): CompiledIndex {
  // each option's own checks follow, against the schema; the checker refuses anything else
  const known = () => undefined;
  const issues: ValidationIssue[] = optionIssues(
    given,
    { sortKey: known, projection: known, name: known },
    'createGsi',
  );
  if (issues.some((issue) => issue.attribute === '(options)'))
    throw new RecordValidationError(schema.modelName, issues);
  const options = (given ?? {}) as GsiOptions;
  const keyAttribute = (name: unknown, role: string): CompiledAttribute | undefined => {
    const attribute = typeof name === 'string' ? schema.attributeByName.get(name) : undefined;
    if (!attribute) {
      issues.push({
        attribute: String(name),
        received: describeType(name),
        constraint: `is not an attribute of the model (index ${role})`,
      });
    } else if (!keyAttributeType(attribute)) {
      issues.push({
        attribute: attribute.name,
        received: attribute.type,
        constraint: `cannot be an index ${role}: it must be a string, number, bigint, Date or binary`,
      });
    } else {
      return attribute;
    }
    return undefined;
  };
  const partitionKey = keyAttribute(attributeName, 'partition key');
  const sortKey = options.sortKey === undefined ? undefined : keyAttribute(options.sortKey, 'sort key');
  if (partitionKey && sortKey && partitionKey === sortKey) {
    issues.push({
      attribute: sortKey.name,
      received: sortKey.type,
      constraint: 'cannot be both the index partition key and its sort key',
    });
  }
  const name = options.name ?? String(attributeName);
  if (!isValidTableName(name)) {
    issues.push({
      attribute: 'name',
      received: describeType(options.name ?? attributeName),
      constraint: `index name ${JSON.stringify(name)} must be 3 to 255 of a-z A-Z 0-9 _ - .`,
    });
  }
  const projection = options.projection ?? 'ALL';
  const keys = [...schema.keyAttributes, partitionKey, sortKey].flatMap((attribute) =>
    attribute ? [attribute.name] : [],
  );
  issues.push(...projectionIssues(schema, projection, new Set(keys)));
  if (issues.length > 0) throw new RecordValidationError(schema.modelName, issues);
  return {
    name,
    kind: 'global',
    partitionKey: partitionKey!,
    ...(sortKey && { sortKey }),
    projection,
    storedProjection: storedProjection(schema.attributeByName, projection, schema.entity?.storedName),
  };
}

function projectionIssues(schema: CompiledSchema, projection: unknown, keys: ReadonlySet<string>): ValidationIssue[] {
  if (projection === 'ALL' || projection === 'KEYS_ONLY') return [];
  const include =
    typeof projection === 'object' && projection !== null ? (projection as { include?: unknown }).include : undefined;
  if (!Array.isArray(include) || include.length === 0) {
    return [
      {
        attribute: 'projection',
        received: describeType(projection),
        constraint: "must be 'ALL', 'KEYS_ONLY' or { include: [at least one attribute] }",
      },
    ];
  }
  return include.flatMap((name: unknown): ValidationIssue[] => {
    if (typeof name !== 'string' || !schema.attributeByName.has(name)) {
      return [
        {
          attribute: String(name),
          received: describeType(name),
          constraint: 'is not an attribute of the model (projection include)',
        },
      ];
    }
    if (keys.has(name)) {
      return [
        {
          attribute: name,
          received: 'string',
          constraint: 'is a key attribute, projected anyway: leave it out of projection include',
        },
      ];
    }
    return [];
  });
}
