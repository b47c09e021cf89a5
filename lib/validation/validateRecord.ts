import { RecordValidationError } from '../errors/RecordValidationError';
import type { ValidationIssue } from '../errors/ValidationIssue';
import { UpdateAction } from '../expressions/updates';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { checkChange } from './checkChange';
import { fillTemplates, templateChangeProblem, templatedAttributes } from './checkTemplates';
import { checkAttributeValue, checkShapeValues } from './checkValue';
import { describeType } from './checks';
import { classValidatorIssues } from './classValidatorBridge';
import { readInput } from './readInput';

/** Checked values, or a promise of them when the model's class-validator constraints must run. */
export type Checked<T> = T | Promise<T>;

/** How a record is checked: with `fill`, missing attributes that have a default get it (create and put). */
export interface RecordCheck {
  readonly fill: boolean;
}

/**
 * Checks a whole record for a create or a put: every attribute known, every required one present
 * (or given its default with `fill`), every value of its type, nested values too; then the model's
 * class-validator constraints. Returns the values to store (own, defined ones, keyed by property
 * name, defaults included): synchronously unless class-validator runs.
 * @throws RecordValidationError listing every failing attribute (nested ones by path: `ship_to.city`).
 */
export function validateRecord(
  schema: CompiledSchema,
  record: unknown,
  { fill }: RecordCheck = { fill: false },
): Checked<Record<string, unknown>> {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new RecordValidationError(schema.modelName, [
      { attribute: '(record)', received: describeType(record), constraint: 'must be an object' },
    ]);
  }
  const issues: ValidationIssue[] = [];
  const values = checkShapeValues(schema, record, '', issues, fill);
  unreadable(schema, issues);
  if (templatedAttributes(schema).length > 0) fillTemplates(schema, values, issues);
  return finish(schema, values, values, issues);
}

/**
 * Checks the changes of an update: at least one, none a key or library-maintained attribute,
 * every one known and of its type (or a fitting update action); `null` removes an optional one.
 * @throws RecordValidationError listing every failing attribute.
 */
export function validateChanges(schema: CompiledSchema, changes: unknown): Checked<Record<string, unknown>> {
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
    throw new RecordValidationError(schema.modelName, [
      { attribute: '(changes)', received: describeType(changes), constraint: 'must be an object' },
    ]);
  }
  const issues: ValidationIssue[] = [];
  const values = readInput(changes, issues);
  unreadable(schema, issues);
  const names = Object.keys(values);
  if (names.length === 0 && issues.length === 0) {
    issues.push({ attribute: '(changes)', received: 'object', constraint: 'must change at least one attribute' });
  }
  const plain: Record<string, unknown> = {};
  let known = 0;
  for (const name of names) {
    const change = values[name];
    const attribute = schema.attributeByName.get(name);
    if (!attribute) continue;
    known += 1;
    const problem =
      templateChangeProblem(schema, attribute) ?? guardedCheck(() => checkChange(schema, attribute, change));
    if (problem) {
      issues.push({ attribute: name, received: describeType(change), constraint: problem });
    } else if (change !== null && !isActionChange(change)) {
      // a value to set, nested values included; class-validator sees these, not actions or removals
      const before = issues.length;
      const checked = checkAttributeValue(attribute, change, name, issues, false);
      if (issues.length === before) plain[name] = checked;
      values[name] = checked;
    }
  }
  if (known !== names.length) issues.unshift(...unknownAttributeIssues(schema, values));
  return finish(schema, values, plain, issues);
}

/** Whether a change is an update action (`add(1)`) or a list of them, rather than a value to set. */
export function isActionChange(change: unknown): boolean {
  return (
    change instanceof UpdateAction || (Array.isArray(change) && change.some((each) => each instanceof UpdateAction))
  );
}

/** An input that cannot be read at all (a proxy that throws) is that one issue, not a list of missing attributes. */
function unreadable(schema: CompiledSchema, issues: readonly ValidationIssue[]): void {
  const whole = issues.find((issue) => issue.attribute === '(record)');
  if (whole) throw new RecordValidationError(schema.modelName, [whole]);
}

/** A check's answer; a value whose getters or proxy traps throw while it is checked cannot be stored. */
function guardedCheck(check: () => string | undefined): string | undefined {
  try {
    return check();
  } catch {
    return 'cannot be read (a getter or proxy inside it threw)';
  }
}

function unknownAttributeIssues(schema: CompiledSchema, values: Record<string, unknown>): ValidationIssue[] {
  return Object.keys(values)
    .filter((name) => !schema.attributeByName.has(name))
    .map((name) => ({
      attribute: name,
      received: describeType(values[name]),
      constraint: 'is not an attribute of the model',
    }));
}

/** Throws the issues found, or runs the model's class-validator constraints on `checked` and then throws or returns `values`. */
function finish<T>(
  schema: CompiledSchema,
  values: T,
  checked: Record<string, unknown>,
  issues: ValidationIssue[],
): Checked<T> {
  if (!schema.usesClassValidator) {
    if (issues.length > 0) throw new RecordValidationError(schema.modelName, issues);
    return values;
  }
  return classValidatorIssues(schema.model, knownValues(schema, checked)).then((found) => {
    const failing = new Set(issues.map((issue) => issue.attribute));
    for (const issue of found) if (!failing.has(issue.attribute)) issues.push(issue); // one reason per attribute: ours first
    if (issues.length > 0) throw new RecordValidationError(schema.modelName, issues);
    return values;
  });
}

function knownValues(schema: CompiledSchema, values: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(values).filter(([name]) => schema.attributeByName.has(name)));
}
