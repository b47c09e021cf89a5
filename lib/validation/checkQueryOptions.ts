import { RecordValidationError } from '../errors/RecordValidationError';
import type { ValidationIssue } from '../errors/ValidationIssue';
import { rootOf } from '../expressions/AttributePath';
import { pathsOf, type Condition } from '../expressions/conditions';
import type { CompiledAttribute, CompiledIndex, CompiledSchema } from '../schema/CompiledSchema';
import { checkCondition } from './checkCondition';
import { checkQueryKey, checkSortKeyCondition, type QueryKeys } from './checkKeyCondition';
import { describeType, isPlainObject } from './checks';
import { booleanOption, optionIssues, wholeNumberOption, type OptionRules } from './checkOptions';
import type { PageOptions } from '../repository/readOptions';
import type { ReadPlan } from './ReadPlan';

const MAX_SEGMENTS = 1_000_000;

/** Options checked further below, against the schema and the indexes. */
const checkedBelow = () => undefined;
const SHARED_OPTIONS: OptionRules = {
  index: checkedBelow,
  filter: checkedBelow,
  projection: checkedBelow,
  consistent: booleanOption,
  limit: wholeNumberOption(1),
  pageSize: wholeNumberOption(1),
};
const QUERY_OPTIONS: OptionRules = { ...SHARED_OPTIONS, sortKey: checkedBelow, reverse: booleanOption };
const SCAN_OPTIONS: OptionRules = { ...SHARED_OPTIONS, segments: wholeNumberOption(1, MAX_SEGMENTS) };
const PAGE_OPTIONS: OptionRules = { limit: wholeNumberOption(1), cursor: checkedBelow };

/**
 * Checks a query's key and options against the schema and the indexes it may read
 * (declared ones, and `created`: those made by the repository's `createGsi`).
 * @throws RecordValidationError naming every bad key attribute, option or condition attribute.
 */
export function checkQueryOptions(
  schema: CompiledSchema,
  key: unknown,
  options: unknown,
  created: ReadonlyMap<string, CompiledIndex>,
): ReadPlan {
  const issues = optionIssues(options, QUERY_OPTIONS, 'query');
  const given = isPlainObject(options) ? options : {};
  const { index, issue } = resolveIndex(schema, given['index'], created);
  if (issue) issues.push(issue);
  const keys: QueryKeys = index ?? schema;
  const where = index ? `${index.kind} index ${index.name}` : `table`;
  let partitionValue: unknown;
  let sortKey: Condition | undefined;
  if (!issue) {
    const checkedKey = checkQueryKey(keys, key, where);
    issues.push(...checkedKey.issues);
    partitionValue = checkedKey.value;
    if (given['sortKey'] !== undefined) {
      const checked = checkSortKeyCondition(schema, keys, given['sortKey'], where);
      issues.push(...checked.issues);
      sortKey = checked.condition;
    }
  }
  const filterIssues = checkShared(schema, given, index, issues);
  if (!issue && !filterIssues && given['filter'] !== undefined)
    issues.push(...keysInFilter(given['filter'] as Condition, keys, where));
  if (issues.length > 0) throw new RecordValidationError(schema.modelName, issues);
  const partitionKey = keys.partitionKey;
  return {
    ...planOf(schema, given, index, 'query'),
    partition: { attribute: partitionKey, value: partitionValue },
    ...(sortKey && { sortKey }),
    reverse: given['reverse'] === true,
  };
}

/**
 * Checks a scan's options against the schema and the indexes it may read.
 * @throws RecordValidationError naming every bad option or condition attribute.
 */
export function checkScanOptions(
  schema: CompiledSchema,
  options: unknown,
  created: ReadonlyMap<string, CompiledIndex>,
): ReadPlan {
  const issues = optionIssues(options, SCAN_OPTIONS, 'scan');
  const given = isPlainObject(options) ? options : {};
  const { index, issue } = resolveIndex(schema, given['index'], created);
  if (issue) issues.push(issue);
  const segments = given['segments'] ?? 1;
  checkShared(schema, given, index, issues);
  if (issues.length > 0) throw new RecordValidationError(schema.modelName, issues);
  return { ...planOf(schema, given, index, 'scan'), reverse: false, segments: segments as number };
}

/**
 * Finds the index a read names: declared on the model, or created by the repository.
 * @returns an issue naming the index when it is neither.
 */
export function resolveIndex(
  schema: CompiledSchema,
  name: unknown,
  created: ReadonlyMap<string, CompiledIndex>,
): { index?: CompiledIndex; issue?: ValidationIssue } {
  if (name === undefined) return {};
  const index = typeof name === 'string' ? (schema.indexes.get(name) ?? created.get(name)) : undefined;
  if (index) return { index };
  const known = [...schema.indexes.keys(), ...created.keys()];
  const constraint = `${JSON.stringify(name)} is neither declared on ${schema.modelName} (@GlobalIndex / @LocalIndex) nor created by this repository's createGsi${known.length > 0 ? `; known: ${known.join(', ')}` : ''}`;
  return { issue: { attribute: 'index', received: describeType(name), constraint } };
}

/**
 * Adds the issues of the options query and scan share to `issues`.
 * @returns whether the filter had issues (its paths are only inspected further when it had none).
 */
function checkShared(
  schema: CompiledSchema,
  given: Record<string, unknown>,
  index: CompiledIndex | undefined,
  issues: ValidationIssue[],
): boolean {
  const filterIssues = given['filter'] === undefined ? [] : checkCondition(schema, given['filter'], 'filter');
  issues.push(...filterIssues);
  if (given['projection'] !== undefined) issues.push(...projectionIssues(schema, given['projection'], index));
  if (given['consistent'] === true && index?.kind === 'global') {
    issues.push({
      attribute: 'consistent',
      received: 'boolean',
      constraint: `cannot be used with the global index ${index.name}: DynamoDB reads global indexes eventually consistently only`,
    });
  }
  return filterIssues.length > 0;
}

function projectionIssues(
  schema: CompiledSchema,
  projection: unknown,
  index: CompiledIndex | undefined,
): ValidationIssue[] {
  if (!Array.isArray(projection) || projection.length === 0) {
    return [
      {
        attribute: 'projection',
        received: describeType(projection),
        constraint: 'must be a non-empty array of attribute names',
      },
    ];
  }
  // a global index holds only what it projects: DynamoDB cannot fetch the rest from the table
  const projected = index?.kind === 'global' ? projectedBy(schema, index) : undefined;
  return projection.flatMap((name: unknown): ValidationIssue[] => {
    if (typeof name !== 'string' || !schema.attributeByName.has(name)) {
      return [
        {
          attribute: String(name),
          received: describeType(name),
          constraint: 'is not an attribute of the model (projection)',
        },
      ];
    }
    if (projected && !projected.has(name)) {
      return [
        {
          attribute: name,
          received: 'string',
          constraint: `is not projected into the global index ${index?.name} (projection)`,
        },
      ];
    }
    return [];
  });
}

/** The attributes a global index holds, or undefined when it holds them all. */
function projectedBy(schema: CompiledSchema, index: CompiledIndex): ReadonlySet<string> | undefined {
  if (index.projection === 'ALL') return undefined;
  const keys = [...schema.keyAttributes, index.partitionKey, index.sortKey].flatMap((attribute) =>
    attribute ? [attribute.name] : [],
  );
  return new Set([...keys, ...(index.projection === 'KEYS_ONLY' ? [] : index.projection.include)]);
}

/** DynamoDB refuses a query filter on the key attributes of the table or index it queries. */
function keysInFilter(filter: Condition, keys: QueryKeys, where: string): ValidationIssue[] {
  const keyNames = new Set([keys.partitionKey.name, keys.sortKey?.name]);
  const named = new Set(
    pathsOf(filter)
      .map(rootOf)
      .filter((name) => keyNames.has(name)),
  );
  return [...named].map((name) => ({
    attribute: name,
    received: 'filter',
    constraint: `is a key attribute of the ${where}: DynamoDB does not filter a query on it (use the key or the sortKey option)`,
  }));
}

function planOf(
  schema: CompiledSchema,
  given: Record<string, unknown>,
  index: CompiledIndex | undefined,
  operation: ReadPlan['operation'],
) {
  const cursorKeys: CompiledAttribute[] = [...schema.keyAttributes];
  for (const attribute of index ? [index.partitionKey, index.sortKey] : []) {
    if (attribute && !cursorKeys.some((each) => each.name === attribute.name)) cursorKeys.push(attribute);
  }
  const names = given['projection'] as readonly string[] | undefined;
  const projection = names && [...new Set(names)].map((name) => schema.attributeByName.get(name)!);
  return {
    operation,
    ...(index && { index }),
    cursorKeys,
    ...(given['filter'] !== undefined && { filter: given['filter'] as Condition }),
    ...(projection && { projection }),
    consistent: given['consistent'] === true,
    ...(given['limit'] !== undefined && { limit: given['limit'] as number }),
    ...(given['pageSize'] !== undefined && { pageSize: given['pageSize'] as number }),
    segments: 1,
  };
}

/**
 * Checks the options of `.page()` on a checked read (the cursor itself is checked when decoded).
 * @throws RecordValidationError for an unknown option, a bad limit, or a parallel scan (it has no pages).
 */
export function checkPageOptions(schema: CompiledSchema, options: unknown, plan: ReadPlan): PageOptions {
  const issues = optionIssues(options, PAGE_OPTIONS, 'page');
  if (plan.segments > 1) {
    issues.push({
      attribute: 'segments',
      received: 'number',
      constraint:
        'a parallel scan has no pages or cursor (one cursor cannot resume several segments): iterate it, or page a scan without segments',
    });
  }
  if (issues.length > 0) throw new RecordValidationError(schema.modelName, issues);
  return options ?? {};
}
