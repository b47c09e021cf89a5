import type { CompiledSchema } from '../schema/CompiledSchema';
import { toAttributeValue } from './attributeValues';
import type { Item } from './codec';

/** The DynamoDB `Key` of checked key values (keyed by attribute name). */
export function toKey(schema: CompiledSchema, keyValues: Readonly<Record<string, unknown>>): Item {
  const key: Item = {};
  for (const attribute of schema.keyAttributes)
    key[attribute.name] = toAttributeValue(attribute, keyValues[attribute.name]);
  return key;
}

/** The key attributes' values of checked record values, as an id. */
export function keyValuesOf(
  schema: CompiledSchema,
  values: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  return Object.fromEntries(schema.keyAttributes.map((attribute) => [attribute.name, values[attribute.name]]));
}

/** The `Key` of a stored item. */
export function keyOfItem(schema: CompiledSchema, item: Readonly<Item>): Item {
  return Object.fromEntries(schema.keyAttributes.map((attribute) => [attribute.name, item[attribute.name]!]));
}
