import type { CompiledSchema } from '../schema/CompiledSchema';
import { fromAttributeValue, type Item } from './codec';

/**
 * The key attributes of a stored key (or item) as the values a caller passes for an id:
 * `{ person_id: 3 }` (property names), usable again as a `RecordId`.
 * @throws UnreadableValue when a key value cannot be read exactly (a key the library did not write).
 */
export function fromKey(schema: CompiledSchema, key: Readonly<Item>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const attribute of schema.keyAttributes) {
    const value = key[attribute.storedName];
    if (value !== undefined) values[attribute.name] = fromAttributeValue(attribute, value);
  }
  return values;
}
