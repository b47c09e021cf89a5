import type { AttributeOptions } from '../metadata/declarations';
import { recordAttribute } from '../metadata/store';

/** Declares the attribute that holds the record's expiry time, stored as epoch seconds; createTable enables the table's TTL on it. */
export function Ttl(options: Pick<AttributeOptions, 'type'> = {}): PropertyDecorator {
  return (prototype, property) =>
    recordAttribute(prototype.constructor, { ...options, property: String(property), role: 'ttl' });
}
