import type { CompiledSchema } from '../schema/CompiledSchema';
import { fromAttributeValue, type Item } from './codec';
import { parseTemplateText } from './templates';
import { UnreadableValue } from './UnreadableValue';

/**
 * The key attributes of a stored key (or item) as the values a caller passes for an id:
 * `{ person_id: 3 }` (property names), a templated key read back into its parts (`{ user_id: 'u1' }`
 * from `USER#u1`), usable again as a `RecordId`.
 * @throws UnreadableValue when a key value cannot be read exactly (a key the library did not write).
 */
export function fromKey(schema: CompiledSchema, key: Readonly<Item>): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  for (const attribute of schema.keyAttributes) {
    const value = key[attribute.storedName];
    if (value === undefined) continue;
    if (!attribute.template) {
      values[attribute.name] = fromAttributeValue(attribute, value);
      continue;
    }
    if (value.S === undefined) throw new UnreadableValue('it holds no string where a template makes one');
    Object.assign(values, parseTemplateText(attribute.template, value.S));
  }
  return values;
}
