import { RecordValidationError } from '../errors/RecordValidationError';
import type { ValidationIssue } from '../errors/ValidationIssue';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { checkValue } from './checkValue';
import { describeType } from './checks';
import { codecOf } from '../marshalling/compileCodec';
import { classValidatorIssues } from './classValidatorBridge';
import { checkChange } from './checkChange';
import { UpdateAction } from '../expressions/updates';

/** The given (not undefined) own values of an input, keyed by attribute name. */
export function givenValues(input: object): Record<string, unknown> {
  // a plain object (a null-prototype one is slow to read); `__proto__` is defined, not assigned
  const values: Record<string, unknown> = {};
  for (const name of Object.keys(input)) {
    const value = (input as Record<string, unknown>)[name];
    if (value === undefined) continue; // instances carry own undefined fields: missing
    if (name === '__proto__')
      Object.defineProperty(values, name, { value, enumerable: true, writable: true, configurable: true });
    else values[name] = value;
  }
  return values;
}

/**
 * Checks a whole record for `createRecord`: every attribute known, every required one
 * present, every value of its type; then the model's class-validator constraints.
 * @throws RecordValidationError listing every failing attribute.
 */
export async function validateRecord(schema: CompiledSchema, record: unknown): Promise<Record<string, unknown>> {
  if (typeof record !== 'object' || record === null || Array.isArray(record)) {
    throw new RecordValidationError(schema.modelName, [
      { attribute: '(record)', received: describeType(record), constraint: 'must be an object' },
    ]);
  }
  const values = givenValues(record);
  // the compiled check answers "all fine" fast; only a failing record pays for the detailed walk
  if (!schema.usesClassValidator && codecOf(schema).fits(values)) return values;
  const issues = unknownAttributeIssues(schema, values);
  for (const attribute of schema.attributes) {
    const value = values[attribute.name];
    if (value === undefined || value === null) {
      if (!attribute.optional)
        issues.push({ attribute: attribute.name, received: describeType(value), constraint: 'required' });
      continue;
    }
    const problem =
      attribute.role === 'version'
        ? 'is set by the library (it is the @Version): leave it out'
        : checkValue(attribute, value);
    if (problem) issues.push({ attribute: attribute.name, received: describeType(value), constraint: problem });
  }
  await finish(schema, values, issues);
  return values;
}

/**
 * Checks the changes of `updateRecord`: at least one, none a key attribute, every one known
 * and of its type (or a fitting update action); `null` removes an optional attribute.
 * @throws RecordValidationError listing every failing attribute.
 */
export async function validateChanges(schema: CompiledSchema, changes: unknown): Promise<Record<string, unknown>> {
  if (typeof changes !== 'object' || changes === null || Array.isArray(changes)) {
    throw new RecordValidationError(schema.modelName, [
      { attribute: '(changes)', received: describeType(changes), constraint: 'must be an object' },
    ]);
  }
  const values = givenValues(changes);
  const issues = unknownAttributeIssues(schema, values);
  if (Object.keys(values).length === 0) {
    issues.push({ attribute: '(changes)', received: 'object', constraint: 'must change at least one attribute' });
  }
  for (const [name, change] of Object.entries(values)) {
    const attribute = schema.attributeByName.get(name);
    const problem = attribute && checkChange(attribute, change);
    if (problem) issues.push({ attribute: name, received: describeType(change), constraint: problem });
  }
  // class-validator sees the values an update sets, not actions or removals
  const plain = Object.fromEntries(
    Object.entries(values).filter(([, change]) => change !== null && !isActionChange(change)),
  );
  await finish(schema, plain, issues);
  return values;
}

function isActionChange(change: unknown): boolean {
  return (
    change instanceof UpdateAction || (Array.isArray(change) && change.some((each) => each instanceof UpdateAction))
  );
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

async function finish(
  schema: CompiledSchema,
  values: Record<string, unknown>,
  issues: ValidationIssue[],
): Promise<void> {
  if (schema.usesClassValidator) {
    const failing = new Set(issues.map((issue) => issue.attribute));
    const known = Object.fromEntries(Object.entries(values).filter(([name]) => schema.attributeByName.has(name)));
    for (const issue of await classValidatorIssues(schema.model, known)) {
      if (!failing.has(issue.attribute)) issues.push(issue); // one reason per attribute: ours first
    }
  }
  if (issues.length > 0) throw new RecordValidationError(schema.modelName, issues);
}
