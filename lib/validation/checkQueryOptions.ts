import { RecordValidationError } from '../errors/RecordValidationError';
import type { ValidationIssue } from '../errors/ValidationIssue';
import { rootOf } from '../expressions/AttributePath';
import { pathsOf, type Condition } from '../expressions/conditions';
import type { CompiledAttribute, CompiledIndex, CompiledSchema } from '../schema/CompiledSchema';
import { checkCondition } from './checkCondition';
import { checkQueryKey, checkSortKeyCondition, type QueryKeys } from './checkKeyCondition';
import { describeType, isPlainObject } from './checks';
import type { ReadPlan } from './ReadOptions';

const QUERY_OPTIONS: ReadonlySet<string> = new Set([
  'index',
  'sortKey',
  'filter',
  'reverse',
  'limit',
  'projection',
  'consistent',
  'pageSize',
]);
const SCAN_OPTIONS: ReadonlySet<string> = new Set([
  'index',
  'filter',
  'limit',
  'projection',
  'consistent',
  'pageSize',
  'segments',
]);
const MAX_SEGMENTS = 1_000_000;

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
  const given = optionsObject(schema, options);
  const issues = unknownOptions(given, QUERY_OPTIONS, 'query');
  const { index, issue } = resolveIndex(schema, given['index'], created);
  if (issue) issues.push(issue);
  const keys: QueryKeys = index ?? schema;
  const where = index ? `${index.kind} index ${index.name}` : `table`;
  if (!issue) {
    issues.push(...checkQueryKey(keys, key, where));
    if (given['sortKey'] !== undefined) issues.push(...checkSortKeyCondition(schema, keys, given['sortKey'], where));
  }
  if (given['reverse'] !== undefined && typeof given['reverse'] !== 'boolean') {
    issues.push({ attribute: 'reverse', received: describeType(given['reverse']), constraint: 'must be a boolean' });
  }
  const filterIssues = checkShared(schema, given, index, issues);
  if (!issue && !filterIssues && given['filter'] !== undefined)
    issues.push(...keysInFilter(given['filter'] as Condition, keys, where));
  if (issues.length > 0) throw new RecordValidationError(schema.modelName, issues);
  const partitionKey = keys.partitionKey;
  return {
    ...planOf(schema, given, index, 'query'),
    partition: { attribute: partitionKey, value: (key as Record<string, unknown>)[partitionKey.name] },
    ...(given['sortKey'] !== undefined && { sortKey: given['sortKey'] as Condition }),
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
  const given = optionsObject(schema, options);
  const issues = unknownOptions(given, SCAN_OPTIONS, 'scan');
  const { index, issue } = resolveIndex(schema, given['index'], created);
  if (issue) issues.push(issue);
  const segments = given['segments'] ?? 1;
  if (!Number.isSafeInteger(segments) || (segments as number) < 1 || (segments as number) > MAX_SEGMENTS) {
    issues.push({
      attribute: 'segments',
      received: describeType(segments),
      constraint: `must be a whole number from 1 to ${MAX_SEGMENTS.toLocaleString('en-US')}`,
    });
  }
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

function optionsObject(schema: CompiledSchema, options: unknown): Record<string, unknown> {
  if (options === undefined) return {};
  if (isPlainObject(options)) return options;
  throw new RecordValidationError(schema.modelName, [
    { attribute: '(options)', received: describeType(options), constraint: 'must be an object' },
  ]);
}

function unknownOptions(given: Record<string, unknown>, known: ReadonlySet<string>, call: string): ValidationIssue[] {
  return Object.keys(given)
    .filter((name) => !known.has(name) && given[name] !== undefined)
    .map((name) => ({
      attribute: name,
      received: describeType(given[name]),
      constraint: `is not an option of ${call}`,
    }));
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
  for (const option of ['limit', 'pageSize']) {
    const value = given[option];
    if (value !== undefined && (!Number.isSafeInteger(value) || (value as number) < 1)) {
      issues.push({ attribute: option, received: describeType(value), constraint: 'must be a whole number ≥ 1' });
    }
  }
  const consistent = given['consistent'];
  if (consistent !== undefined && typeof consistent !== 'boolean') {
    issues.push({ attribute: 'consistent', received: describeType(consistent), constraint: 'must be a boolean' });
  } else if (consistent === true && index?.kind === 'global') {
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
  const projection = given['projection'] as readonly string[] | undefined;
  return {
    operation,
    ...(index && { index }),
    cursorKeys,
    ...(given['filter'] !== undefined && { filter: given['filter'] as Condition }),
    ...(projection && { projection: [...new Set(projection)] }),
    consistent: given['consistent'] === true,
    ...(given['limit'] !== undefined && { limit: given['limit'] as number }),
    ...(given['pageSize'] !== undefined && { pageSize: given['pageSize'] as number }),
    segments: 1,
  };
}

/** Options of `.page()`. */
export interface PageOptions {
  /** How many items the page holds at most; default the read's `limit`, else one request's worth. */
  readonly limit?: number;
  /** Where to resume: the `cursor` of the previous page; undefined for the first page. */
  readonly cursor?: string;
}

/**
 * Checks the options of `.page()` on a checked read (the cursor itself is checked when decoded).
 * @throws RecordValidationError for an unknown option, a bad limit, or a parallel scan (it has no pages).
 */
export function checkPageOptions(schema: CompiledSchema, options: unknown, plan: ReadPlan): PageOptions {
  const given = optionsObject(schema, options);
  const issues = unknownOptions(given, new Set(['limit', 'cursor']), 'page');
  const limit = given['limit'];
  if (limit !== undefined && (!Number.isSafeInteger(limit) || (limit as number) < 1)) {
    issues.push({ attribute: 'limit', received: describeType(limit), constraint: 'must be a whole number ≥ 1' });
  }
  if (plan.segments > 1) {
    issues.push({
      attribute: 'segments',
      received: 'number',
      constraint:
        'a parallel scan has no pages or cursor (one cursor cannot resume several segments): iterate it, or page a scan without segments',
    });
  }
  if (issues.length > 0) throw new RecordValidationError(schema.modelName, issues);
  return given;
}
