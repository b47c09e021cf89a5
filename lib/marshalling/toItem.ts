import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { toAttributeValue } from './toAttributeValue';

/** Converts validated record values to a DynamoDB item; missing and null optional values are not stored. */
export function toItem(schema: CompiledSchema, values: Readonly<Record<string, unknown>>): Record<string, AttributeValue> {
  const item: Record<string, AttributeValue> = {};
  for (const attribute of schema.attributes) {
    const value = values[attribute.name];
    if (value !== undefined && value !== null) item[attribute.name] = toAttributeValue(attribute, value);
  }
  return item;
}
