import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { RecordValidationError } from '../errors/RecordValidationError';
import type { ValidationIssue } from '../errors/ValidationIssue';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { checkValue } from '../validation/checkValue';
import { describeType } from '../validation/checks';
import { givenValues } from '../validation/validateRecord';
import { toAttributeValue } from './toAttributeValue';

/** A checked key: the DynamoDB `Key` and the same values as given, for messages. */
export interface RecordKey {
  readonly key: Record<string, AttributeValue>;
  readonly values: Readonly<Record<string, unknown>>;
}

/**
 * The id a caller passes for a record: the partition key's value, or an object naming every
 * key attribute (required when the table has a sort key).
 */
export type RecordId = string | number | bigint | Date | Uint8Array | Readonly<Record<string, unknown>>;

/**
 * Checks an id against the key schema and converts it to a DynamoDB `Key`.
 * @throws RecordValidationError naming each missing, extra or mistyped key attribute.
 */
export function toKey(schema: CompiledSchema, id: unknown): RecordKey {
  const { partitionKey, sortKey, keyAttributes } = schema;
  const objectForm = typeof id === 'object' && id !== null && !(id instanceof Date) && !(id instanceof Uint8Array);
  const values: Record<string, unknown> = objectForm ? givenValues(id) : { [partitionKey.name]: id };
  const issues: ValidationIssue[] = Object.keys(values)
    .filter((name) => !keyAttributes.some((attribute) => attribute.name === name))
    .map((name) => ({ attribute: name, received: describeType(values[name]), constraint: 'is not a key attribute' }));
  const key: Record<string, AttributeValue> = {};
  for (const attribute of keyAttributes) {
    const value = values[attribute.name];
    if (value === undefined || value === null) {
      const hint =
        sortKey && !objectForm ? ` (the table has a sort key: pass { ${partitionKey.name}, ${sortKey.name} })` : '';
      issues.push({ attribute: attribute.name, received: describeType(value), constraint: `required${hint}` });
      continue;
    }
    const problem = checkValue(attribute, value);
    if (problem) issues.push({ attribute: attribute.name, received: describeType(value), constraint: problem });
    else key[attribute.name] = toAttributeValue(attribute, value);
  }
  if (issues.length > 0) throw new RecordValidationError(schema.modelName, issues);
  return { key, values };
}

/** The key attributes' values of a validated record, for messages. */
export function keyValuesOf(
  schema: CompiledSchema,
  values: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  return Object.fromEntries(schema.keyAttributes.map((attribute) => [attribute.name, values[attribute.name]]));
}

/** The `Key` of a stored item. */
export function keyOfItem(
  schema: CompiledSchema,
  item: Readonly<Record<string, AttributeValue>>,
): Record<string, AttributeValue> {
  return Object.fromEntries(schema.keyAttributes.map((attribute) => [attribute.name, item[attribute.name]!]));
}
