import { recordAttribute } from '../metadata/store';
import type { AttributeOptions } from '../metadata/declarations';

/**
 * Declares a string attribute whose value must be one of `values`; `enumsOf` turns the list into an enum.
 * @example `@Categorical(['PARENT', 'FRIEND'] as const) relationship!: string;`
 */
export function Categorical(values: readonly string[], options: AttributeOptions = {}): PropertyDecorator {
  return (prototype, property) =>
    recordAttribute(prototype.constructor, { ...options, property: String(property), categorical: [...values] });
}
