import type { CompiledSchema } from '../schema/CompiledSchema';
import { toAttributeValue, type Item } from './codec';

/** The DynamoDB `Key` of checked key values (keyed by property name), under the stored names. */
export function toKey(schema: CompiledSchema, keyValues: Readonly<Record<string, unknown>>): Item {
  const key: Item = {};
  for (const attribute of schema.keyAttributes) {
    key[attribute.storedName] = toAttributeValue(attribute, keyValues[attribute.name]);
  }
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
  return Object.fromEntries(schema.keyAttributes.map(({ storedName }) => [storedName, item[storedName]!]));
}

/** The stored names of a schema's key attributes, partition key first. */
export function storedKeyNames(schema: CompiledSchema): string[] {
  return schema.keyAttributes.map((attribute) => attribute.storedName);
}
