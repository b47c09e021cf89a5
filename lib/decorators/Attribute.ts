import type { AttributeOptions } from '../metadata/declarations';
import { recordAttribute } from '../metadata/store';
import { appliedWithoutParentheses, copied, propertyDecorator } from './decorate';
import type { AttributeRule, CheckedPropertyDecorator, ExactOptions } from '../types/decorators';

/**
 * Declares a stored attribute. Its type is `options.type` when given, else read from `design:type`
 * (legacy decorators with `emitDecoratorMetadata`); standard decorators need `type`.
 * @example `@Attribute({ type: 'string' }) name!: string;`
 */
export function Attribute<const O extends AttributeOptions = object>(
  options?: ExactOptions<O, AttributeOptions>,
): CheckedPropertyDecorator<AttributeRule<'@Attribute', O>>;
export function Attribute(...args: unknown[]): unknown {
  if (appliedWithoutParentheses('@Attribute', args)) return undefined;
  const options = copied(args[0]);
  return propertyDecorator('@Attribute', (target, property) =>
    recordAttribute(target, { property, decorator: '@Attribute', options }),
  );
}
