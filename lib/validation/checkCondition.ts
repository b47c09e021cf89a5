import type { ValidationIssue } from '../errors/ValidationIssue';
import { describePath, rootOf, segmentsOf } from '../expressions/AttributePath';
import type { Condition, ConditionNode } from '../expressions/conditions';
import type { CompiledAttribute, CompiledSchema } from '../schema/CompiledSchema';
import { checkType, checkValue, nestedElementProblem } from './checkValue';
import { describeType } from './checks';

const TYPE_CODES: ReadonlySet<string> = new Set(['S', 'SS', 'N', 'NS', 'B', 'BS', 'BOOL', 'NULL', 'L', 'M']);
const MAX_IN_VALUES = 100;

/**
 * The issues of a condition or filter against a schema: unknown attributes, paths into
 * attributes that have no nested values, values of the wrong type, empty `and`/`or`/`in`.
 * `label` names where the condition came from in messages (`condition`, `filter`).
 */
export function checkCondition(schema: CompiledSchema, condition: unknown, label: string): ValidationIssue[] {
  if (!isCondition(condition)) {
    return [
      {
        attribute: label,
        received: describeType(condition),
        constraint: 'must be built with where(), and(), or() or not()',
      },
    ];
  }
  return checkNode(schema, condition.node, label);
}

function isCondition(value: unknown): value is Condition {
  return (
    typeof value === 'object' && value !== null && 'node' in value && typeof (value as Condition).node === 'object'
  );
}

function checkNode(schema: CompiledSchema, node: ConditionNode, label: string): ValidationIssue[] {
  switch (node.kind) {
    case 'and':
    case 'or':
      if (node.conditions.length === 0)
        return [{ attribute: label, received: node.kind, constraint: `${node.kind}() needs at least one condition` }];
      return node.conditions.flatMap((each) => checkCondition(schema, each, label));
    case 'not':
      return checkCondition(schema, node.condition, label);
    case 'compare':
      return checkPath(schema, node.operand.path, (attribute, path) => [
        valueIssue(attribute, path, node.value, node.operand.size),
      ]);
    case 'between':
      return checkPath(schema, node.operand.path, (attribute, path) => [
        valueIssue(attribute, path, node.low, node.operand.size),
        valueIssue(attribute, path, node.high, node.operand.size),
      ]);
    case 'in': {
      const count = node.values.length;
      if (count === 0 || count > MAX_IN_VALUES) {
        return [
          {
            attribute: describePath(node.operand.path),
            received: `${count} values`,
            constraint: `in() takes 1 to ${MAX_IN_VALUES} values`,
          },
        ];
      }
      return checkPath(schema, node.operand.path, (attribute, path) =>
        node.values.map((each) => valueIssue(attribute, path, each, node.operand.size)),
      );
    }
    case 'beginsWith':
      return checkPath(schema, node.path, (attribute, path) => {
        const fits = typeof node.value === 'string' || node.value instanceof Uint8Array;
        if (attribute && !['string', 'date', 'binary'].includes(attribute.type) && path.length === 1) {
          return [
            {
              attribute: attribute.name,
              received: attribute.type,
              constraint: 'beginsWith needs a string, Date or binary attribute',
            },
          ];
        }
        return fits
          ? []
          : [
              {
                attribute: describePath(path),
                received: describeType(node.value),
                constraint: 'beginsWith needs a string or binary prefix',
              },
            ];
      });
    case 'contains':
      return checkPath(schema, node.path, (attribute, path) => [elementIssue(attribute, path, node.value)]);
    case 'exists':
      return checkPath(schema, node.path, () => []);
    case 'type':
      return checkPath(schema, node.path, (_attribute, path) =>
        TYPE_CODES.has(node.type)
          ? []
          : [
              {
                attribute: describePath(path),
                received: describeType(node.type),
                constraint: `type() takes one of ${[...TYPE_CODES].join(', ')}`,
              },
            ],
      );
  }
}

type PathCheck = (
  attribute: CompiledAttribute | undefined,
  path: readonly (string | number)[],
) => (ValidationIssue | undefined)[];

/** Checks the path's root is declared and can hold nested values; `check` gets the declared attribute for a top-level path only. */
function checkPath(schema: CompiledSchema, rawPath: unknown, check: PathCheck): ValidationIssue[] {
  const path = typeof rawPath === 'string' || Array.isArray(rawPath) ? segmentsOf(rawPath as string) : [];
  const attribute = path.length > 0 ? schema.attributeByName.get(rootOf(path)) : undefined;
  if (
    !attribute ||
    path.some((segment, position) =>
      position === 0 ? typeof segment !== 'string' : typeof segment !== 'string' && !Number.isInteger(segment),
    )
  ) {
    return [
      {
        attribute: path.length > 0 ? describePath(path) : String(rawPath),
        received: describeType(rawPath),
        constraint: 'is not an attribute of the model',
      },
    ];
  }
  if (path.length > 1 && attribute.type !== 'map' && attribute.type !== 'list') {
    return [
      {
        attribute: describePath(path),
        received: attribute.type,
        constraint: `has no nested attributes (${attribute.name} is a ${attribute.type})`,
      },
    ];
  }
  return check(path.length === 1 ? attribute : undefined, path).filter(
    (issue): issue is ValidationIssue => issue !== undefined,
  );
}

function valueIssue(
  attribute: CompiledAttribute | undefined,
  path: readonly (string | number)[],
  value: unknown,
  size: boolean,
): ValidationIssue | undefined {
  const where = describePath(path);
  if (size) {
    return Number.isSafeInteger(value) && (value as number) >= 0
      ? undefined
      : { attribute: where, received: describeType(value), constraint: 'size() compares with a whole number' };
  }
  if (value === null || value === undefined) {
    return {
      attribute: where,
      received: describeType(value),
      constraint: 'cannot be compared with null or undefined: use exists() / notExists()',
    };
  }
  // the empty-key rule is for stored keys, not for values compared with them
  const problem = attribute ? checkValue({ ...attribute, key: undefined }, value) : nestedElementProblem(value, where);
  return problem ? { attribute: where, received: describeType(value), constraint: problem } : undefined;
}

function elementIssue(
  attribute: CompiledAttribute | undefined,
  path: readonly (string | number)[],
  value: unknown,
): ValidationIssue | undefined {
  const where = describePath(path);
  const fail = (constraint: string): ValidationIssue => ({
    attribute: where,
    received: describeType(value),
    constraint,
  });
  if (!attribute)
    return nestedElementProblem(value, where) || value === undefined
      ? fail('contains needs a storable value')
      : undefined;
  switch (attribute.type) {
    case 'string':
      return typeof value === 'string' ? undefined : fail('contains on a string needs a string');
    case 'stringSet':
    case 'numberSet':
    case 'binarySet': {
      const problem = checkType(attribute, new Set([value]));
      return problem ? fail(`contains on a set needs one member: ${problem}`) : undefined;
    }
    case 'list':
      return value === undefined || nestedElementProblem(value, where)
        ? fail('contains needs a storable value')
        : undefined;
    default:
      return fail(`contains needs a string, set or list attribute, not ${attribute.type}`);
  }
}
