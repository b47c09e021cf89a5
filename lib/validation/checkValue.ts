import type { ValidationIssue } from '../errors/ValidationIssue';
import type { CompiledAttribute, CompiledShape } from '../schema/CompiledSchema';
import { shapeOf } from '../schema/shapeOf';
import { describeType, isBinary, isCategoricalValue, isPlainObject } from './checks';
import { ownValue, readInput } from './readInput';
import { typeProblem } from './typeRules';

// The rules of an attribute's values: its type (a nested class's attributes, a converter's stored
// type), its categorical values, a key's non-emptiness. Records, changes, keys and conditions all
// come here; the encoder relies on what passed.

/**
 * Checks the values of a model or of a nested class given as an object (a plain object or an
 * instance of the class): every attribute known, every required one present (or, with `fill`,
 * given its default), every value fitting its attribute. Issues are named `<path><property>`.
 * Returns the values to store: own, defined ones keyed by property name, nested values likewise.
 */
export function checkShapeValues(
  shape: CompiledShape,
  input: object,
  path: string,
  issues: ValidationIssue[],
  fill: boolean,
): Record<string, unknown> {
  const values = readInput(input, issues, path);
  let known = 0;
  for (const attribute of shape.attributes) {
    let value = attribute.onPrototype ? ownValue(values, attribute.name) : values[attribute.name];
    const at = `${path}${attribute.name}`;
    if (value === undefined && fill && attribute.default) {
      value = attribute.default();
      // a default is validated like any value, and stored like one
      if (value !== undefined) values[attribute.name] = value;
    }
    if (value !== undefined) known += 1;
    if (value === undefined || value === null) {
      // a template computes it (fillTemplates), from parts that are required in its place
      if (!attribute.optional && !attribute.template)
        issues.push({ attribute: at, received: describeType(value), constraint: 'required' });
      continue;
    }
    if (attribute.role === 'version') {
      issues.push({
        attribute: at,
        received: describeType(value),
        constraint: 'is set by the library (it is the @Version): leave it out',
      });
      continue;
    }
    const checked = checkAttributeValue(attribute, value, at, issues, fill);
    if (checked !== value) values[attribute.name] = checked;
  }
  if (known !== Object.keys(values).length) issues.unshift(...unknownIssues(shape, values, path));
  return values;
}

/**
 * Checks a present (non-null) value of an attribute, adding issues named from `path`; returns the
 * value to store (a nested class's values copied, with their defaults when `fill`). A value whose
 * getters or proxy traps throw is an issue, not a crash.
 */
export function checkAttributeValue(
  attribute: CompiledAttribute,
  value: unknown,
  path: string,
  issues: ValidationIssue[],
  fill: boolean,
): unknown {
  try {
    return checkPresent(attribute, value, path, issues, fill);
  } catch {
    issues.push({
      attribute: path,
      received: describeType(value),
      constraint: 'cannot be read (a getter or proxy inside it threw)',
    });
    return value;
  }
}

function checkPresent(
  attribute: CompiledAttribute,
  value: unknown,
  path: string,
  issues: ValidationIssue[],
  fill: boolean,
): unknown {
  const before = issues.length;
  const checked = checkStoredForm(attribute, value, path, issues, fill);
  if (issues.length > before) return checked;
  const fail = (constraint: string) => issues.push({ attribute: path, received: describeType(value), constraint });
  if (attribute.categorical && !isCategoricalValue(attribute.categorical, value)) {
    fail(`must be one of ${attribute.categorical.join(', ')}`);
  }
  if (attribute.key) {
    const stored = attribute.converter ? safeToStored(attribute, value) : value;
    if (stored === '' || (isBinary(stored) && stored.byteLength === 0))
      fail(`must not be empty (it is the ${attribute.key} key)`);
  }
  return checked;
}

/**
 * What is wrong with a present value for an attribute, as one constraint (`must be a number`; for a
 * nested value, the first of its issues: `has city (number) that must be a string`), or undefined.
 */
export function checkValue(attribute: CompiledAttribute, value: unknown): string | undefined {
  return firstProblem((issues) => checkAttributeValue(attribute, value, '', issues, false));
}

/** Like `checkValue`, for the attribute's type alone (no categorical or key rules). */
export function checkType(attribute: CompiledAttribute, value: unknown): string | undefined {
  return firstProblem((issues) => checkStoredForm(attribute, value, '', issues, false));
}

function firstProblem(check: (issues: ValidationIssue[]) => unknown): string | undefined {
  const issues: ValidationIssue[] = [];
  check(issues);
  const first = issues[0];
  if (!first) return undefined;
  if (first.attribute === '') return first.constraint;
  const constraint = first.constraint.startsWith('required') ? `is ${first.constraint}` : first.constraint;
  return `has ${first.attribute} (${first.received}) that ${constraint}`;
}

/** The value's type against the attribute's: a nested class's values, a converter's output, or a stored type. */
function checkStoredForm(
  attribute: CompiledAttribute,
  value: unknown,
  path: string,
  issues: ValidationIssue[],
  fill: boolean,
): unknown {
  const { nested, converter } = attribute;
  if (nested) {
    const shape = shapeOf(nested);
    if (attribute.type === 'map') return checkNestedValue(shape, value, path, issues, fill);
    if (!Array.isArray(value)) {
      issues.push({
        attribute: path,
        received: describeType(value),
        constraint: `must be an array of ${shape.modelName}`,
      });
      return value;
    }
    return value.map((element: unknown, index) => checkNestedValue(shape, element, `${path}[${index}]`, issues, fill));
  }
  if (converter) {
    let stored: unknown;
    try {
      stored = converter.toStored(value);
    } catch (error) {
      const name = error instanceof Error ? error.name : describeType(error);
      issues.push({
        attribute: path,
        received: describeType(value),
        constraint: `its converter's toStored threw a ${name}`,
      });
      return value;
    }
    const problem = typeProblem(converter.type, stored);
    if (problem) {
      const constraint = `its converter's toStored gave ${describeType(stored)}, which ${problem.replace(/^must /, 'must ')}`;
      issues.push({ attribute: path, received: describeType(value), constraint });
    }
    return value;
  }
  const problem = typeProblem(attribute.type, value);
  if (problem) issues.push({ attribute: path, received: describeType(value), constraint: problem });
  return value;
}

function checkNestedValue(
  shape: CompiledShape,
  value: unknown,
  path: string,
  issues: ValidationIssue[],
  fill: boolean,
): unknown {
  if (value === null || value === undefined) {
    issues.push({ attribute: path, received: describeType(value), constraint: `must be a ${shape.modelName}` });
    return value;
  }
  if (!isPlainObject(value) && !(value instanceof shape.model)) {
    const constraint = `must be a ${shape.modelName} or a plain object of its attributes`;
    issues.push({ attribute: path, received: describeType(value), constraint });
    return value;
  }
  return checkShapeValues(shape, value, `${path}.`, issues, fill);
}

function safeToStored(attribute: CompiledAttribute, value: unknown): unknown {
  try {
    return attribute.converter!.toStored(value);
  } catch {
    return undefined;
  }
}

function unknownIssues(shape: CompiledShape, values: Record<string, unknown>, path: string): ValidationIssue[] {
  const of = path === '' ? 'the model' : shape.modelName;
  return Object.keys(values)
    .filter((name) => !shape.attributeByName.has(name))
    .map((name) => ({
      attribute: `${path}${name}`,
      received: describeType(values[name]),
      constraint: `is not an attribute of ${of}`,
    }));
}
