import type { AttributeOptions } from '../metadata/declarations';
import { recordAttribute } from '../metadata/store';

/** Declares the attribute that holds a number incremented by every write, checked when a write names the version it read (optimistic locking). */
export function Version(options: Pick<AttributeOptions, 'type'> = {}): PropertyDecorator {
  return (prototype, property) =>
    recordAttribute(prototype.constructor, { ...options, property: String(property), role: 'version' });
}
