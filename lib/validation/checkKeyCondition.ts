import type { ValidationIssue } from '../errors/ValidationIssue';
import { describePath, segmentsOf } from '../expressions/AttributePath';
import type { Condition, ConditionNode } from '../expressions/conditions';
import type { CompiledAttribute, CompiledIndex, CompiledSchema } from '../schema/CompiledSchema';
import { checkCondition } from './checkCondition';
import { checkTemplatedQueryKey, namesTemplateParts, templateSortKeyCondition } from './checkTemplateKeys';
import { checkValue } from './checkValue';
import { describeType, isBinary, isDate } from './checks';
import { ownValue, readInput } from './readInput';

/** The key attributes a query reads by: the table's or an index's. */
export type QueryKeys = Pick<CompiledIndex, 'partitionKey' | 'sortKey'>;

const KEY_CONDITIONS = 'eq, lt, le, gt, ge, between or beginsWith';

/**
 * Checks a query's key object: it must name exactly the partition key of the table or index
 * (`where` names which, for messages), with a value of the attribute's type, or for a templated
 * partition key exactly its template's parts. Returns the issues and the partition key's value (a
 * templated key's text).
 */
export function checkQueryKey(
  keys: QueryKeys,
  key: unknown,
  where: string,
): { readonly issues: ValidationIssue[]; readonly value: unknown } {
  const { partitionKey, sortKey } = keys;
  if (typeof key !== 'object' || key === null || Array.isArray(key) || isDate(key) || isBinary(key)) {
    const issues = [
      {
        attribute: '(key)',
        received: describeType(key),
        constraint: `must be an object naming the partition key of the ${where}: { ${partitionKey.name}: value }`,
      },
    ];
    return { issues, value: undefined };
  }
  const issues: ValidationIssue[] = [];
  const values = readInput(key, issues);
  if (partitionKey.template) {
    const templated = checkTemplatedQueryKey(partitionKey, values, where);
    return { issues: [...issues, ...templated.issues], value: templated.value };
  }
  for (const name of Object.keys(values)) {
    if (name === partitionKey.name || values[name] === undefined) continue;
    const constraint =
      name === sortKey?.name
        ? `is the sort key of the ${where}: put it in the sortKey option, e.g. sortKey: where('${name}').eq(value)`
        : `is not the partition key of the ${where} (${partitionKey.name})`;
    issues.push({ attribute: name, received: describeType(values[name]), constraint });
  }
  const value = ownValue(values, partitionKey.name);
  if (value === undefined || value === null) {
    issues.push({
      attribute: partitionKey.name,
      received: describeType(value),
      constraint: `required (the partition key of the ${where})`,
    });
  } else {
    const problem = checkValue(partitionKey, value);
    if (problem) issues.push({ attribute: partitionKey.name, received: describeType(value), constraint: problem });
  }
  return { issues, value };
}

/**
 * Checks a `sortKey` option: a condition DynamoDB takes as a key condition, on the sort key of the
 * table or index, with values of that attribute's type; for a templated sort key, eq and beginsWith
 * on its template's leading parts, rewritten to a condition on the key.
 * @returns the issues, and the key condition to send when there are none.
 */
export function checkSortKeyCondition(
  schema: CompiledSchema,
  keys: QueryKeys,
  condition: unknown,
  where: string,
): { readonly issues: ValidationIssue[]; readonly condition?: Condition } {
  const { sortKey } = keys;
  if (!sortKey) {
    const constraint = `cannot be used: the ${where} has no sort key`;
    return { issues: [{ attribute: 'sortKey', received: describeType(condition), constraint }] };
  }
  const issues = checkCondition(schema, condition, 'sortKey');
  if (issues.length > 0) return { issues };
  if (namesTemplateParts(sortKey, condition as Condition))
    return templateSortKeyCondition(sortKey, condition as Condition);
  const shapeIssues = keyConditionIssues(sortKey, (condition as Condition).node, where);
  return shapeIssues.length > 0 ? { issues: shapeIssues } : { issues, condition: condition as Condition };
}

function keyConditionIssues(sortKey: CompiledAttribute, node: ConditionNode, where: string): ValidationIssue[] {
  const shape = keyConditionShape(node);
  if (shape)
    return [
      {
        attribute: 'sortKey',
        received: shape,
        constraint: `must be one of ${KEY_CONDITIONS} (a key condition); use filter for the rest`,
      },
    ];
  return pathIssues(node, sortKey, where);
}

/** What makes a condition node unusable as a key condition, or undefined when it is usable. */
function keyConditionShape(node: ConditionNode): string | undefined {
  switch (node.kind) {
    case 'compare':
      if (node.operand.size) return 'size()';
      return node.comparator === '<>' ? 'ne' : undefined;
    case 'between':
      return node.operand.size ? 'size()' : undefined;
    case 'beginsWith':
      return undefined;
    default:
      return node.kind;
  }
}

function pathIssues(node: ConditionNode, sortKey: CompiledAttribute, where: string): ValidationIssue[] {
  const path = node.kind === 'beginsWith' ? node.path : 'operand' in node ? node.operand.path : undefined;
  if (path === undefined) return [];
  const segments = segmentsOf(path);
  if (segments.length === 1 && segments[0] === sortKey.name) return [];
  return [
    {
      attribute: describePath(path),
      received: 'sortKey',
      constraint: `is not the sort key of the ${where} (${sortKey.name})`,
    },
  ];
}
