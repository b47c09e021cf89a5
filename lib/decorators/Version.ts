import type { AttributeOptions } from '../metadata/declarations';
import { recordAttribute } from '../metadata/store';
import { appliedWithoutParentheses, copied, propertyDecorator } from './decorate';
import type { CheckedPropertyDecorator, LifecycleRule } from '../types/decorators';

/** Declares the attribute that holds a number incremented by every write, checked when a write names the version it read (optimistic locking); its type is 'number'. */
export function Version(
  options?: Pick<AttributeOptions, 'type' | 'name'>,
): CheckedPropertyDecorator<LifecycleRule<'@Version', 'managed'>>;
export function Version(...args: unknown[]): unknown {
  if (appliedWithoutParentheses('@Version', args)) return undefined;
  const options = copied(args[0]);
  return propertyDecorator('@Version', (target, property) =>
    recordAttribute(target, { property, decorator: '@Version', options, role: 'version' }),
  );
}
