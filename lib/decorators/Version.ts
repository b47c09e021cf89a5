import type { AttributeOptions } from '../metadata/declarations';
import { recordAttribute } from '../metadata/store';
import { appliedWithoutParentheses, copied, propertyDecorator, type ModelPropertyDecorator } from './decorate';

/** Declares the attribute that holds a number incremented by every write, checked when a write names the version it read (optimistic locking); its type is 'number'. */
export function Version(options?: Pick<AttributeOptions, 'type' | 'name'>): ModelPropertyDecorator;
export function Version(...args: unknown[]): ModelPropertyDecorator | undefined {
  if (appliedWithoutParentheses('@Version', args)) return undefined;
  const options = copied(args[0]);
  return propertyDecorator('@Version', (target, property) =>
    recordAttribute(target, { property, decorator: '@Version', options, role: 'version' }),
  );
}
