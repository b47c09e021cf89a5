import { RecordValidationError } from '../errors/RecordValidationError';
import type { ValidationIssue } from '../errors/ValidationIssue';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { checkValue } from './checkValue';
import { describeType, isBinary, isDate } from './checks';
import { ownValue, readInput } from './readInput';

/**
 * Checks an id against the key schema: the partition key's value, or an object naming every key
 * attribute (required when the table has a sort key). Returns the key attributes' values by name.
 * @throws RecordValidationError naming each missing, extra or mistyped key attribute.
 */
export function validateKey(schema: CompiledSchema, id: unknown): Record<string, unknown> {
  const { partitionKey, sortKey, keyAttributes } = schema;
  const objectForm = typeof id === 'object' && id !== null && !isDate(id) && !isBinary(id);
  if (!objectForm && !sortKey && id !== undefined && id !== null) {
    // the usual id, a partition key's value: nothing to read, one value to check
    const problem = checkValue(partitionKey, id);
    if (problem) {
      throw new RecordValidationError(schema.modelName, [
        { attribute: partitionKey.name, received: describeType(id), constraint: problem },
      ]);
    }
    return { [partitionKey.name]: id };
  }
  const issues: ValidationIssue[] = [];
  const given: Record<string, unknown> = objectForm ? readInput(id, issues) : { [partitionKey.name]: id };
  for (const name of Object.keys(given)) {
    if (!keyAttributes.some((attribute) => attribute.name === name)) {
      issues.push({ attribute: name, received: describeType(given[name]), constraint: 'is not a key attribute' });
    }
  }
  const values: Record<string, unknown> = {};
  for (const attribute of keyAttributes) {
    const value = ownValue(given, attribute.name);
    if (value === undefined || value === null) {
      const hint =
        sortKey && !objectForm ? ` (the table has a sort key: pass { ${partitionKey.name}, ${sortKey.name} })` : '';
      issues.push({ attribute: attribute.name, received: describeType(value), constraint: `required${hint}` });
      continue;
    }
    const problem = checkValue(attribute, value);
    if (problem) issues.push({ attribute: attribute.name, received: describeType(value), constraint: problem });
    else values[attribute.name] = value;
  }
  if (issues.length > 0) throw new RecordValidationError(schema.modelName, issues);
  return values;
}
