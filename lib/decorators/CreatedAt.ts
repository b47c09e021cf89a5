import type { AttributeOptions } from '../metadata/declarations';
import { recordAttribute } from '../metadata/store';
import { appliedWithoutParentheses, copied, propertyDecorator } from './decorate';
import type { CheckedPropertyDecorator, LifecycleRule } from '../types/decorators';

/** Declares the attribute that holds the time the record was created, set by createRecord; a Date unless `type` says 'string' (ISO) or 'number' (epoch ms). */
export function CreatedAt(
  options?: Pick<AttributeOptions, 'type' | 'name' | 'storage'>,
): CheckedPropertyDecorator<LifecycleRule<'@CreatedAt', 'managed'>>;
export function CreatedAt(...args: unknown[]): unknown {
  if (appliedWithoutParentheses('@CreatedAt', args)) return undefined;
  const options = copied(args[0]);
  return propertyDecorator('@CreatedAt', (target, property) =>
    recordAttribute(target, { property, decorator: '@CreatedAt', options, role: 'createdAt' }),
  );
}
