import { types } from 'node:util';

// Pure predicates shared by the schema compiler and the validators. Values come from users and
// may be hostile: the type tests read internal slots (a Date made with Object.create(Date.prototype)
// is not a Date), and nothing here calls a method the value itself could override.

const TABLE_NAME = /^[a-zA-Z0-9_.-]{3,255}$/;

/** DynamoDB's rule for table and index names: 3 to 255 of `a-z A-Z 0-9 _ - .`. */
export function isValidTableName(name: unknown): name is string {
  return typeof name === 'string' && TABLE_NAME.test(name);
}

/** A positive whole number of capacity units. */
export function isCapacity(value: unknown): value is number {
  return typeof value === 'number' && Number.isSafeInteger(value) && value >= 1;
}

/** A plain object (a map value): not an array, a Date, a Set, a buffer or a class instance. */
export function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null) return false;
  let prototype: unknown;
  try {
    prototype = Object.getPrototypeOf(value); // a proxy's trap may throw
  } catch {
    return false;
  }
  return prototype === Object.prototype || prototype === null;
}

/** A real Date (its internal slot, not its prototype), whatever its time. */
export function isDate(value: unknown): value is Date {
  return types.isDate(value);
}

/** A real Uint8Array or Buffer (its internal slot, not its prototype). */
export function isBinary(value: unknown): value is Uint8Array {
  return types.isUint8Array(value);
}

/** A real Set (its internal slot, not its prototype). */
export function isSet(value: unknown): value is ReadonlySet<unknown> {
  return types.isSet(value);
}

/** The members of a real Set, read with Set's own iterator (an own `values` or iterator cannot interfere). */
export function setMembers(set: ReadonlySet<unknown>): unknown[] {
  return Array.from(Set.prototype.values.call(set));
}

// DynamoDB stores magnitudes from 1E-130 up to (but excluding) 1E+126.
const SMALLEST_MAGNITUDE = 1e-130;
const MAGNITUDE_LIMIT = 1e126;
const BIGINT_LIMIT = 10n ** 126n;

/** A finite number DynamoDB can store exactly: in its range, and integers safe (beyond that, use bigint). */
export function isStorableNumber(value: unknown): value is number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return false;
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && (magnitude < SMALLEST_MAGNITUDE || magnitude >= MAGNITUDE_LIMIT)) return false;
  return !Number.isInteger(value) || Number.isSafeInteger(value);
}

/** DynamoDB numbers carry at most 38 significant digits. */
export const MAX_SIGNIFICANT_DIGITS = 38;

/** A bigint within DynamoDB's 38 significant digits. */
export function isStorableBigInt(value: unknown): value is bigint {
  if (typeof value !== 'bigint') return false;
  const magnitude = value < 0n ? -value : value;
  const digits = magnitude.toString().replace(/0+$/, '');
  return digits.length <= MAX_SIGNIFICANT_DIGITS && magnitude < BIGINT_LIMIT;
}

/** A real Date whose time is a number (not `new Date('nonsense')`). */
export function isValidDate(value: unknown): value is Date {
  return types.isDate(value) && !Number.isNaN(Date.prototype.getTime.call(value));
}

/** Whether `value` is one of the attribute's categorical values. */
export function isCategoricalValue(categorical: readonly string[], value: unknown): boolean {
  return typeof value === 'string' && categorical.includes(value);
}

/** The type of a value as an error message shows it (`null`, `NaN`, `Date`, `array`...); never throws. */
export function describeType(value: unknown): string {
  if (value === null) return 'null';
  if (typeof value === 'number' && Number.isNaN(value)) return 'NaN';
  if (typeof value === 'number' && !Number.isFinite(value)) return 'Infinity';
  if (typeof value !== 'object') return typeof value;
  if (isDate(value)) return isValidDate(value) ? 'Date' : 'invalid Date';
  if (isBinary(value)) return 'binary';
  if (isSet(value)) return 'Set';
  try {
    if (Array.isArray(value)) return 'array'; // a revoked proxy throws here
    if (isPlainObject(value)) return 'object';
    // a prototype's constructor name, read without running the value's own getters
    const prototype = Object.getPrototypeOf(value) as { readonly constructor?: unknown } | null;
    const constructor = prototype?.constructor;
    return typeof constructor === 'function' && constructor.name ? constructor.name : 'object';
  } catch {
    return 'object';
  }
}
