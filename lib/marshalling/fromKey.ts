import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { fromAttributeValue } from './fromAttributeValue';

/**
 * The key attributes of a stored key (or item) as the values a caller passes for an id:
 * `{ person_id: 3 }`, usable again as a `RecordId`.
 */
export function fromKey(
  schema: CompiledSchema,
  key: Readonly<Record<string, AttributeValue>>,
): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const attribute of schema.keyAttributes) {
    const value = key[attribute.name];
    if (value !== undefined) values[attribute.name] = fromAttributeValue(attribute, value);
  }
  return values;
}
