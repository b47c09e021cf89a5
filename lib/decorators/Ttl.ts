import type { AttributeOptions } from '../metadata/declarations';
import { recordAttribute } from '../metadata/store';
import { appliedWithoutParentheses, copied, propertyDecorator, type ModelPropertyDecorator } from './decorate';

/** Declares the attribute that holds the record's expiry time, stored as epoch seconds; createTable enables the table's TTL on it. A Date unless `type` says 'number' (epoch seconds). */
export function Ttl(options?: Pick<AttributeOptions, 'type' | 'name'>): ModelPropertyDecorator;
export function Ttl(...args: unknown[]): ModelPropertyDecorator | undefined {
  if (appliedWithoutParentheses('@Ttl', args)) return undefined;
  const options = copied(args[0]);
  return propertyDecorator('@Ttl', (target, property) =>
    recordAttribute(target, { property, decorator: '@Ttl', options, role: 'ttl' }),
  );
}
