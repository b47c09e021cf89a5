import type { AttributeOptions } from '../metadata/declarations';
import { recordAttribute } from '../metadata/store';
import { appliedWithoutParentheses, copied, propertyDecorator } from './decorate';
import type { CheckedPropertyDecorator, LifecycleRule } from '../types/decorators';

/** Declares the attribute that holds the time of the last write, set by every create and update; a Date unless `type` says 'string' (ISO) or 'number' (epoch ms). */
export function UpdatedAt(
  options?: Pick<AttributeOptions, 'type' | 'name' | 'storage'>,
): CheckedPropertyDecorator<LifecycleRule<'@UpdatedAt', 'managed'>>;
export function UpdatedAt(...args: unknown[]): unknown {
  if (appliedWithoutParentheses('@UpdatedAt', args)) return undefined;
  const options = copied(args[0]);
  return propertyDecorator('@UpdatedAt', (target, property) =>
    recordAttribute(target, { property, decorator: '@UpdatedAt', options, role: 'updatedAt' }),
  );
}
