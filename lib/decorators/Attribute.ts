import { recordAttribute } from '../metadata/store';
import type { AttributeOptions } from '../metadata/declarations';

/** Declares a stored attribute; its type comes from `design:type` unless `type` is given. */
export function Attribute(options: AttributeOptions = {}): PropertyDecorator {
  return (prototype, property) => recordAttribute(prototype.constructor, { ...options, property: String(property) });
}
