import { recordAttribute } from '../metadata/store';
import type { AttributeOptions } from '../metadata/declarations';

/** Marks the property that is the table's sort (range) key. */
export function SortKey(options: Omit<AttributeOptions, 'optional'> = {}): PropertyDecorator {
  return (prototype, property) =>
    recordAttribute(prototype.constructor, { ...options, property: String(property), key: 'sort' });
}
