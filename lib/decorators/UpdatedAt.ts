import type { AttributeOptions } from '../metadata/declarations';
import { recordAttribute } from '../metadata/store';

/** Declares the attribute that holds the time of the last write, set by every create and update. */
export function UpdatedAt(options: Pick<AttributeOptions, 'type'> = {}): PropertyDecorator {
  return (prototype, property) =>
    recordAttribute(prototype.constructor, { ...options, property: String(property), role: 'updatedAt' });
}
