import type { AttributeOptions } from '../metadata/declarations';
import { recordAttribute } from '../metadata/store';
import { appliedWithoutParentheses, copied, propertyDecorator } from './decorate';
import type { CheckedPropertyDecorator, LifecycleRule } from '../types/decorators';

/** Declares the attribute that holds the record's expiry time, stored as epoch seconds; createTable enables the table's TTL on it. A Date unless `type` says 'number' (epoch seconds). */
export function Ttl(
  options?: Pick<AttributeOptions, 'type' | 'name'>,
): CheckedPropertyDecorator<LifecycleRule<'@Ttl', 'ttl'>>;
export function Ttl(...args: unknown[]): unknown {
  if (appliedWithoutParentheses('@Ttl', args)) return undefined;
  const options = copied(args[0]);
  return propertyDecorator('@Ttl', (target, property) =>
    recordAttribute(target, { property, decorator: '@Ttl', options, role: 'ttl' }),
  );
}
