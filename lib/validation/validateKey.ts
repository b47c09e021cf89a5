import { RecordValidationError } from '../errors/RecordValidationError';
import type { ValidationIssue } from '../errors/ValidationIssue';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { checkValue } from './checkValue';
import { describeType, isBinary, isDate } from './checks';
import { partIssue } from './checkTemplates';
import { ownValue, readInput } from './readInput';

/**
 * Checks an id against the key schema: the partition key's value, or an object naming every key
 * attribute (required when the table has a sort key); a templated key is named by its template's parts
 * (`{ user_id }` for `'USER#{user_id}'`), and an id of one attribute may be its bare value. Returns the
 * id's values by name.
 * @throws RecordValidationError naming each missing, extra or mistyped key attribute or part, and each
 *   part whose value would make its template ambiguous.
 */
export function validateKey(schema: CompiledSchema, id: unknown): Record<string, unknown> {
  const { idAttributes } = schema;
  const objectForm = typeof id === 'object' && id !== null && !isDate(id) && !isBinary(id);
  const single = idAttributes.length === 1 ? idAttributes[0]! : undefined;
  if (!objectForm && single && id !== undefined && id !== null) {
    // the usual id, a partition key's value: nothing to read, one value to check
    const problem = checkValue(single, id);
    const issues = problem ? [{ attribute: single.name, received: describeType(id), constraint: problem }] : [];
    if (issues.length === 0) checkParts(schema, { [single.name]: id }, issues);
    if (issues.length > 0) throw new RecordValidationError(schema.modelName, issues);
    return { [single.name]: id };
  }
  const issues: ValidationIssue[] = [];
  const given: Record<string, unknown> = objectForm ? readInput(id, issues) : { [idAttributes[0]!.name]: id };
  for (const name of Object.keys(given)) {
    if (!idAttributes.some((attribute) => attribute.name === name)) {
      issues.push({ attribute: name, received: describeType(given[name]), constraint: notInIdProblem(schema, name) });
    }
  }
  const values: Record<string, unknown> = {};
  for (const attribute of idAttributes) {
    const value = ownValue(given, attribute.name);
    if (value === undefined || value === null) {
      issues.push({
        attribute: attribute.name,
        received: describeType(value),
        constraint: `required${hint(schema, objectForm)}`,
      });
      continue;
    }
    const problem = checkValue(attribute, value);
    if (problem) issues.push({ attribute: attribute.name, received: describeType(value), constraint: problem });
    else values[attribute.name] = value;
  }
  if (issues.length === 0) checkParts(schema, values, issues);
  if (issues.length > 0) throw new RecordValidationError(schema.modelName, issues);
  return values;
}

/** The values of each templated key's parts must print to text its template reads back. */
function checkParts(
  schema: CompiledSchema,
  values: Readonly<Record<string, unknown>>,
  issues: ValidationIssue[],
): void {
  for (const { template } of schema.keyAttributes) {
    if (template) for (const part of template.parts) partIssue(template, part, values[part.name], issues);
  }
}

function notInIdProblem(schema: CompiledSchema, name: string): string {
  const templated = schema.keyAttributes.find((attribute) => attribute.name === name && attribute.template);
  if (!templated) return 'is not a key attribute';
  const parts = templated.template!.parts.map((part) => part.name).join(', ');
  return `is computed from its template ${JSON.stringify(templated.template!.source)}: the id names its parts (${parts})`;
}

function hint(schema: CompiledSchema, objectForm: boolean): string {
  const { idAttributes, sortKey } = schema;
  if (objectForm || idAttributes.length < 2) return '';
  const names = idAttributes.map((attribute) => attribute.name).join(', ');
  return sortKey ? ` (the table has a sort key: pass { ${names} })` : ` (the key has several parts: pass { ${names} })`;
}
