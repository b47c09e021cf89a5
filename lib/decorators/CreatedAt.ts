import type { AttributeOptions } from '../metadata/declarations';
import { recordAttribute } from '../metadata/store';

/** Declares the attribute that holds the time the record was created, set by createRecord. */
export function CreatedAt(options: Pick<AttributeOptions, 'type'> = {}): PropertyDecorator {
  return (prototype, property) =>
    recordAttribute(prototype.constructor, { ...options, property: String(property), role: 'createdAt' });
}
