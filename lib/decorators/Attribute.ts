import type { AttributeOptions } from '../metadata/declarations';
import { recordAttribute } from '../metadata/store';
import { appliedWithoutParentheses, copied, propertyDecorator, type ModelPropertyDecorator } from './decorate';

/**
 * Declares a stored attribute. Its type is `options.type` when given, else read from `design:type`
 * (legacy decorators with `emitDecoratorMetadata`); standard decorators need `type`.
 * @example `@Attribute({ type: 'string' }) name!: string;`
 */
export function Attribute(options?: AttributeOptions): ModelPropertyDecorator;
export function Attribute(...args: unknown[]): ModelPropertyDecorator | undefined {
  if (appliedWithoutParentheses('@Attribute', args)) return undefined;
  const options = copied(args[0]);
  return propertyDecorator('@Attribute', (target, property) =>
    recordAttribute(target, { property, decorator: '@Attribute', options }),
  );
}
