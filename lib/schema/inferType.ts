import type { AttributeType } from '../metadata/declarations';

// Object is not here: TypeScript emits it for `string | null`, any union, an interface, a type alias
// of an object or a Record alike, so reading it as a map would silently store a scalar as one.
const TYPES_BY_CONSTRUCTOR = new Map<unknown, AttributeType>([
  [String, 'string'],
  [Number, 'number'],
  [BigInt, 'bigint'],
  [Boolean, 'boolean'],
  [Date, 'date'],
  [Uint8Array, 'binary'],
  [Buffer, 'binary'],
  [Array, 'list'],
]);

/** The attribute type for a `design:type` constructor, or undefined when it is missing or ambiguous (Object, Set, a class). */
export function inferType(designType: unknown): AttributeType | undefined {
  return TYPES_BY_CONSTRUCTOR.get(designType);
}
