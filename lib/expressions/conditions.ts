import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { renderPath, type AttributePath } from './AttributePath';
import type { ExpressionContext } from './ExpressionContext';

/** DynamoDB's attribute type codes, for `where(path).type(...)`. */
export type AttributeTypeCode = 'S' | 'SS' | 'N' | 'NS' | 'B' | 'BS' | 'BOOL' | 'NULL' | 'L' | 'M';

type Comparator = '=' | '<>' | '<' | '<=' | '>' | '>=';

/** What a comparison compares: the attribute at a path, or its size. */
export interface Operand {
  readonly path: AttributePath;
  readonly size: boolean;
}

/** A condition as data: it stays data until serialised against a request's placeholders. */
export type ConditionNode =
  | { readonly kind: 'compare'; readonly operand: Operand; readonly comparator: Comparator; readonly value: unknown }
  | { readonly kind: 'between'; readonly operand: Operand; readonly low: unknown; readonly high: unknown }
  | { readonly kind: 'in'; readonly operand: Operand; readonly values: readonly unknown[] }
  | { readonly kind: 'beginsWith' | 'contains'; readonly path: AttributePath; readonly value: unknown }
  | { readonly kind: 'exists'; readonly path: AttributePath; readonly exists: boolean }
  | { readonly kind: 'type'; readonly path: AttributePath; readonly type: AttributeTypeCode }
  | { readonly kind: 'and' | 'or'; readonly conditions: readonly Condition[] }
  | { readonly kind: 'not'; readonly condition: Condition };

// a type-only mark: never set at run time
declare const conditionModel: unique symbol;

/**
 * A condition or filter; combine with `.and()`, `.or()`, `and()`, `or()`, `not()`. `M` is the model
 * a repository's `where` wrote it for, so that a repository takes only its own model's conditions;
 * the free `where()` writes a `Condition` (of any model), which every repository takes.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- the default is the untyped condition, usable everywhere
export class Condition<M = any> {
  // bivariant in M (a method's parameter): a condition of one model does not fit an unrelated model's
  // repository, while Repository<Order> still widens to Repository<object>
  declare readonly [conditionModel]?: { mark(model: M): void }['mark'];

  constructor(readonly node: ConditionNode) {}

  /** Both this and every other condition hold. */
  and(...others: Condition<M>[]): Condition<M> {
    return and(this, ...others);
  }

  /** This or any other condition holds. */
  or(...others: Condition<M>[]): Condition<M> {
    return or(this, ...others);
  }
}

/** Comparisons on a value (the attribute itself, or its size). */
export class Comparisons {
  constructor(protected readonly operand: Operand) {}

  eq(value: unknown): Condition {
    return this.compare('=', value);
  }
  ne(value: unknown): Condition {
    return this.compare('<>', value);
  }
  lt(value: unknown): Condition {
    return this.compare('<', value);
  }
  le(value: unknown): Condition {
    return this.compare('<=', value);
  }
  gt(value: unknown): Condition {
    return this.compare('>', value);
  }
  ge(value: unknown): Condition {
    return this.compare('>=', value);
  }
  /** low ≤ value ≤ high. */
  between(low: unknown, high: unknown): Condition {
    return new Condition({ kind: 'between', operand: this.operand, low, high });
  }
  /** One of the values (DynamoDB takes up to 100). */
  in(values: readonly unknown[]): Condition {
    return new Condition({ kind: 'in', operand: this.operand, values: [...values] });
  }

  private compare(comparator: Comparator, value: unknown): Condition {
    return new Condition({ kind: 'compare', operand: this.operand, comparator, value });
  }
}

/** The conditions that can be put on one attribute path. */
export class AttributeConditions extends Comparisons {
  constructor(readonly path: AttributePath) {
    super({ path, size: false });
  }

  /** The string (or binary) starts with `prefix`. */
  beginsWith(prefix: unknown): Condition {
    return new Condition({ kind: 'beginsWith', path: this.path, value: prefix });
  }
  /** The string contains a substring, or the set or list contains an element. */
  contains(value: unknown): Condition {
    return new Condition({ kind: 'contains', path: this.path, value });
  }
  /** The attribute is present. */
  exists(): Condition {
    return new Condition({ kind: 'exists', path: this.path, exists: true });
  }
  /** The attribute is absent. */
  notExists(): Condition {
    return new Condition({ kind: 'exists', path: this.path, exists: false });
  }
  /** The attribute is stored with this DynamoDB type. */
  type(type: AttributeTypeCode): Condition {
    return new Condition({ kind: 'type', path: this.path, type });
  }
  /** Comparisons on the size of a string, binary, set, list or map. */
  size(): Comparisons {
    return new Comparisons({ path: this.path, size: true });
  }
}

/**
 * Starts a condition on an attribute (a name, or an array of segments into maps and lists).
 * @example where('status').eq('STARTED').and(where('timestamp').beginsWith('2026-'))
 */
export function where(path: AttributePath): AttributeConditions {
  return new AttributeConditions(path);
}

/** Every condition holds. */
export function and<M>(...conditions: Condition<M>[]): Condition<M> {
  return new Condition({ kind: 'and', conditions });
}

/** At least one condition holds. */
export function or<M>(...conditions: Condition<M>[]): Condition<M> {
  return new Condition({ kind: 'or', conditions });
}

/** The condition does not hold. */
export function not<M>(condition: Condition<M>): Condition<M> {
  return new Condition({ kind: 'not', condition });
}

/**
 * How a condition meets the table: the stored path of each path as written (property names become
 * stored names), and each compared value as an AttributeValue (checked against the schema by the caller).
 */
export interface ConditionEncoder {
  path(path: AttributePath): AttributePath;
  value(path: AttributePath, value: unknown, role: 'compare' | 'element' | 'size'): AttributeValue;
}

/**
 * Serialises a condition with the request's placeholders: names and values only ever appear
 * as `#n`/`:v` aliases.
 */
export function serializeCondition(condition: Condition, context: ExpressionContext, encode: ConditionEncoder): string {
  const node = condition.node;
  const value = (path: AttributePath, raw: unknown, role: 'compare' | 'element' | 'size') =>
    context.value(encode.value(path, raw, role));
  const at = (path: AttributePath) => renderPath(encode.path(path), context);
  const operand = ({ path, size }: Operand) => (size ? `size(${at(path)})` : at(path));
  switch (node.kind) {
    case 'compare':
      return `${operand(node.operand)} ${node.comparator} ${value(node.operand.path, node.value, roleOf(node.operand))}`;
    case 'between': {
      const role = roleOf(node.operand);
      return `${operand(node.operand)} BETWEEN ${value(node.operand.path, node.low, role)} AND ${value(node.operand.path, node.high, role)}`;
    }
    case 'in': {
      const role = roleOf(node.operand);
      return `${operand(node.operand)} IN (${node.values.map((each) => value(node.operand.path, each, role)).join(', ')})`;
    }
    case 'beginsWith':
      return `begins_with(${at(node.path)}, ${value(node.path, node.value, 'compare')})`;
    case 'contains':
      return `contains(${at(node.path)}, ${value(node.path, node.value, 'element')})`;
    case 'exists':
      return `${node.exists ? 'attribute_exists' : 'attribute_not_exists'}(${at(node.path)})`;
    case 'type':
      return `attribute_type(${at(node.path)}, ${context.value({ S: node.type })})`;
    case 'and':
    case 'or':
      return node.conditions
        .map((each) => `(${serializeCondition(each, context, encode)})`)
        .join(` ${node.kind.toUpperCase()} `);
    case 'not':
      return `NOT (${serializeCondition(node.condition, context, encode)})`;
  }
}

function roleOf(operand: Operand): 'compare' | 'size' {
  return operand.size ? 'size' : 'compare';
}

/** Every path a condition names, for checking them against a schema before serialising. */
export function pathsOf(condition: Condition): AttributePath[] {
  const node = condition.node;
  switch (node.kind) {
    case 'compare':
    case 'between':
    case 'in':
      return [node.operand.path];
    case 'and':
    case 'or':
      return node.conditions.flatMap(pathsOf);
    case 'not':
      return pathsOf(node.condition);
    default:
      return [node.path];
  }
}
