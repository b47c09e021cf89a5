import type { AttributeType } from '../metadata/declarations';

const TYPES_BY_CONSTRUCTOR = new Map<unknown, AttributeType>([
  [String, 'string'],
  [Number, 'number'],
  [BigInt, 'bigint'],
  [Boolean, 'boolean'],
  [Date, 'date'],
  [Uint8Array, 'binary'],
  [Buffer, 'binary'],
  [Array, 'list'],
  [Object, 'map'],
]);

/** The attribute type for a `design:type` constructor, or undefined when it is missing or ambiguous (Set, a union, a class). */
export function inferType(designType: unknown): AttributeType | undefined {
  return TYPES_BY_CONSTRUCTOR.get(designType);
}
