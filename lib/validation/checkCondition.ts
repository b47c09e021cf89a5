import type { ValidationIssue } from '../errors/ValidationIssue';
import { describePath, segmentsOf } from '../expressions/AttributePath';
import type { Condition, ConditionNode } from '../expressions/conditions';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { resolvePath, type PathTarget } from '../schema/resolvePath';
import { checkType, checkValue } from './checkValue';
import { nestedElementProblem } from './typeRules';
import { describeType, isBinary } from './checks';

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
      return checkPath(schema, node.operand.path, (target, path) => [
        valueIssue(target, path, node.value, node.operand.size),
      ]);
    case 'between':
      return checkPath(schema, node.operand.path, (target, path) => [
        valueIssue(target, path, node.low, node.operand.size),
        valueIssue(target, path, node.high, node.operand.size),
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
      return checkPath(schema, node.operand.path, (target, path) =>
        node.values.map((each) => valueIssue(target, path, each, node.operand.size)),
      );
    }
    case 'beginsWith':
      return checkPath(schema, node.path, (target, path) => {
        const fits = typeof node.value === 'string' || isBinary(node.value);
        const attribute = target.kind === 'attribute' ? target.attribute : undefined;
        const prefixable =
          !attribute ||
          (!attribute.converter &&
            !attribute.nested &&
            (attribute.type === 'string' ||
              attribute.type === 'binary' ||
              (attribute.type === 'date' && attribute.storage === 'iso')));
        if (!prefixable || target.kind === 'element') {
          const what =
            attribute?.type === 'date'
              ? 'date stored as a number'
              : attribute?.converter
                ? 'converted attribute'
                : (attribute?.type ?? 'class value');
          return [
            {
              attribute: describePath(path),
              received: what,
              constraint: 'beginsWith needs a string, an ISO-stored Date or a binary attribute',
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
      return checkPath(schema, node.path, (target, path) => [elementIssue(target, path, node.value)]);
    case 'exists':
      return checkPath(schema, node.path, () => []);
    case 'type':
      return checkPath(schema, node.path, (_target, path) =>
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

type PathCheck = (target: PathTarget, path: readonly (string | number)[]) => (ValidationIssue | undefined)[];

/** Follows the path through the model (nested classes, then untyped lists and maps); `check` gets where it leads. */
function checkPath(schema: CompiledSchema, rawPath: unknown, check: PathCheck): ValidationIssue[] {
  const path = typeof rawPath === 'string' || Array.isArray(rawPath) ? segmentsOf(rawPath as string) : [];
  const resolved = resolvePath(schema, path);
  if (!('target' in resolved)) {
    const shown = path.length > 0 ? describePath(path.slice(0, resolved.at + 1)) : String(rawPath);
    return [{ attribute: shown, received: describeType(rawPath), constraint: resolved.problem }];
  }
  return check(resolved.target, path).filter((issue): issue is ValidationIssue => issue !== undefined);
}

function valueIssue(
  target: PathTarget,
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
  const problem = targetValueProblem(target, value, where);
  return problem ? { attribute: where, received: describeType(value), constraint: problem } : undefined;
}

/** What is wrong with a value at a path's target: a declared attribute's, one element of a list of a class, or an untyped value. */
function targetValueProblem(target: PathTarget, value: unknown, where: string): string | undefined {
  // the empty-key rule is for stored keys, not for values compared with them
  if (target.kind === 'attribute') return checkValue({ ...target.attribute, key: undefined }, value);
  if (target.kind === 'element') return checkType(target.list, [value]);
  return nestedElementProblem(value, where);
}

function elementIssue(
  target: PathTarget,
  path: readonly (string | number)[],
  value: unknown,
): ValidationIssue | undefined {
  const where = describePath(path);
  const fail = (constraint: string): ValidationIssue => ({
    attribute: where,
    received: describeType(value),
    constraint,
  });
  if (value === undefined) return fail('contains needs a storable value');
  if (target.kind !== 'attribute') {
    return target.kind === 'element' || nestedElementProblem(value, where)
      ? fail('contains needs a string, set or list')
      : undefined;
  }
  const { attribute } = target;
  if (attribute.converter) return fail('contains needs a string, set or list attribute, not a converted one');
  switch (attribute.type) {
    case 'string':
      return typeof value === 'string' ? undefined : fail('contains on a string needs a string');
    case 'stringSet':
    case 'numberSet':
    case 'binarySet': {
      const problem = checkType(attribute, new Set([value]));
      return problem ? fail(`contains on a set needs one member: ${problem}`) : undefined;
    }
    case 'list': {
      const problem = attribute.nested ? checkType(attribute, [value]) : nestedElementProblem(value, where);
      return problem ? fail(`contains needs a storable element: ${problem}`) : undefined;
    }
    default:
      return fail(`contains needs a string, set or list attribute, not ${attribute.type}`);
  }
}
