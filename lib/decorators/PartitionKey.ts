import { recordAttribute } from '../metadata/store';
import type { AttributeOptions } from '../metadata/declarations';

/** Marks the property that is the table's partition (hash) key. */
export function PartitionKey(options: Omit<AttributeOptions, 'optional'> = {}): PropertyDecorator {
  return (prototype, property) =>
    recordAttribute(prototype.constructor, { ...options, property: String(property), key: 'partition' });
}
