import type { AttributeOptions } from '../metadata/declarations';
import { recordAttribute } from '../metadata/store';
import type { AttributeRule, CheckedPropertyDecorator, DefaultedOptions, OptionalOptions } from '../types/decorators';
import { appliedWithoutParentheses, copied, propertyDecorator } from './decorate';

// One overload per combination of `optional: true` and `default` (rather than the options as a type
// parameter): the check needs only those two facts, and fixed rules keep type-checking a model cheap.

/**
 * Declares a stored attribute. Its type is `options.type` when given, else read from `design:type`
 * (legacy decorators with `emitDecoratorMetadata`); standard decorators need `type`.
 * @example `@Attribute({ type: 'string' }) name!: string;`
 */
export function Attribute(
  options: OptionalOptions<DefaultedOptions<AttributeOptions>>,
): CheckedPropertyDecorator<AttributeRule<'@Attribute', true, true>>;
export function Attribute(
  options: OptionalOptions<AttributeOptions>,
): CheckedPropertyDecorator<AttributeRule<'@Attribute', true, false>>;
export function Attribute(
  options: DefaultedOptions<AttributeOptions>,
): CheckedPropertyDecorator<AttributeRule<'@Attribute', false, true>>;
export function Attribute(
  options?: AttributeOptions,
): CheckedPropertyDecorator<AttributeRule<'@Attribute', false, false>>;
export function Attribute(...args: unknown[]): unknown {
  if (appliedWithoutParentheses('@Attribute', args)) return undefined;
  const options = copied(args[0]);
  return propertyDecorator('@Attribute', (target, property) =>
    recordAttribute(target, { property, decorator: '@Attribute', options }),
  );
}
