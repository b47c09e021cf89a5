import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { EntityMismatchError } from '../errors/EntityMismatchError';
import type { CompiledSchema } from '../schema/CompiledSchema';

// The one rule of shared tables: an item is a model's own when it holds the model's entity name. An
// item without one (written before the model declared an entity, or by other code) is nobody's: the
// library cannot tell which model it is, and reading it as one would be the guess this rule prevents.

/** The entity name an item holds in `storedName`, or undefined when it holds none (or not a string). */
export function entityOfItem(storedName: string, item: Readonly<Record<string, AttributeValue>>): string | undefined {
  return Object.hasOwn(item, storedName) ? item[storedName]?.S : undefined;
}

/** Whether a stored item is the model's own: always, for a model without an entity. */
export function isOwnItem(schema: CompiledSchema, item: Readonly<Record<string, AttributeValue>>): boolean {
  return !schema.entity || entityOfItem(schema.entity.storedName, item) === schema.entity.name;
}

/** The EntityMismatchError for an item that is not the model's own (`key` as the caller named it), or undefined. */
export function foreignItemError(
  schema: CompiledSchema,
  item: Readonly<Record<string, AttributeValue>>,
  key: Readonly<Record<string, unknown>>,
  options?: ErrorOptions,
): EntityMismatchError | undefined {
  if (!schema.entity || isOwnItem(schema, item)) return undefined;
  const { name, storedName } = schema.entity;
  return new EntityMismatchError(schema.modelName, key, name, entityOfItem(storedName, item), storedName, options);
}
