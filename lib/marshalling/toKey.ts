import type { CompiledSchema } from '../schema/CompiledSchema';
import { toAttributeValue, type Item } from './codec';
import { renderTemplate } from './templates';

/**
 * The DynamoDB `Key` of checked id values (keyed by property name: the key attributes, or the parts of
 * a templated key), under the stored names.
 */
export function toKey(schema: CompiledSchema, keyValues: Readonly<Record<string, unknown>>): Item {
  const key: Item = {};
  for (const attribute of schema.keyAttributes) {
    key[attribute.storedName] = attribute.template
      ? { S: renderTemplate(attribute.template, keyValues) }
      : toAttributeValue(attribute, keyValues[attribute.name]);
  }
  return key;
}

/** The id of checked record values: the values of its id attributes (the key's, or its templates' parts). */
export function keyValuesOf(
  schema: CompiledSchema,
  values: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  return Object.fromEntries(schema.idAttributes.map((attribute) => [attribute.name, values[attribute.name]]));
}

/** The `Key` of a stored item. */
export function keyOfItem(schema: CompiledSchema, item: Readonly<Item>): Item {
  return Object.fromEntries(schema.keyAttributes.map(({ storedName }) => [storedName, item[storedName]!]));
}

/** The stored names of a schema's key attributes, partition key first. */
export function storedKeyNames(schema: CompiledSchema): string[] {
  return schema.keyAttributes.map((attribute) => attribute.storedName);
}
