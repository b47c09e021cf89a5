import type { CompiledAttribute } from '../schema/CompiledSchema';
import {
  describeType,
  isCategoricalValue,
  isPlainObject,
  isStorableBigInt,
  isStorableNumber,
  isValidDate,
  MAX_SIGNIFICANT_DIGITS,
} from './checks';

/**
 * What is wrong with a present (non-null) value for an attribute, as the constraint it
 * breaks (`must be a number`), or undefined when the value fits.
 */
export function checkValue(attribute: CompiledAttribute, value: unknown): string | undefined {
  const problem = checkType(attribute, value);
  if (problem) return problem;
  if (attribute.categorical && !isCategoricalValue(attribute.categorical, value)) {
    return `must be one of ${attribute.categorical.join(', ')}`;
  }
  if (attribute.key && (value === '' || (value instanceof Uint8Array && value.byteLength === 0))) {
    return `must not be empty (it is the ${attribute.key} key)`;
  }
  return undefined;
}

/** What is wrong with a value for an attribute's type alone (no categorical or key rules), or undefined. */
export function checkType(attribute: CompiledAttribute, value: unknown): string | undefined {
  switch (attribute.type) {
    case 'string':
      return typeof value === 'string' ? undefined : 'must be a string';
    case 'number':
      return checkNumber(value);
    case 'bigint':
      return checkBigInt(value);
    case 'boolean':
      return typeof value === 'boolean' ? undefined : 'must be a boolean';
    case 'date':
      return isValidDate(value) ? undefined : 'must be a valid Date';
    case 'binary':
      return value instanceof Uint8Array ? undefined : 'must be a Uint8Array or Buffer';
    case 'list':
      return Array.isArray(value) ? nestedProblem(value) : 'must be an array';
    case 'map':
      return isPlainObject(value) ? nestedProblem(value) : 'must be a plain object';
    case 'stringSet':
      return checkSet(value, 'strings', (member) => typeof member === 'string');
    case 'numberSet':
      return checkSet(value, 'numbers', (member) => checkNumber(member) === undefined || isStorableBigInt(member));
    case 'binarySet':
      return checkSet(value, 'Uint8Arrays', (member) => member instanceof Uint8Array);
  }
}

function checkNumber(value: unknown): string | undefined {
  if (typeof value !== 'number') return 'must be a number';
  if (!Number.isFinite(value)) return 'must be a finite number';
  if (Number.isInteger(value) && !Number.isSafeInteger(value))
    return 'must be a safe integer (beyond 2^53, declare the attribute as bigint)';
  if (!isStorableNumber(value)) return "must be within DynamoDB's range (magnitude 1E-130 to below 1E+126)";
  return undefined;
}

function checkBigInt(value: unknown): string | undefined {
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) ? undefined : 'must be a bigint or a safe integer';
  }
  if (typeof value !== 'bigint') return 'must be a bigint';
  return isStorableBigInt(value)
    ? undefined
    : `must have at most ${MAX_SIGNIFICANT_DIGITS} significant digits and be below 1E+126`;
}

function checkSet(value: unknown, members: string, isMember: (member: unknown) => boolean): string | undefined {
  if (!(value instanceof Set)) return `must be a Set of ${members}`;
  if (value.size === 0) return 'must not be an empty Set (DynamoDB stores no empty set)';
  for (const member of value)
    if (!isMember(member)) return `must be a Set of ${members}, and holds a ${describeType(member)}`;
  return duplicateMembers(value);
}

/** Members distinct in JavaScript can be equal once stored (`1` and `1n`, two arrays of the same bytes): DynamoDB rejects such a set. */
function duplicateMembers(set: ReadonlySet<unknown>): string | undefined {
  const stored = new Set<string>();
  for (const member of set) {
    const identity =
      member instanceof Uint8Array
        ? `b:${Buffer.from(member).toString('base64')}`
        : typeof member === 'string'
          ? `s:${member}`
          : `n:${canonicalNumber(member as number | bigint)}`;
    if (stored.has(identity))
      return `holds ${describeType(member)} members that are equal once stored (DynamoDB rejects duplicate set members)`;
    stored.add(identity);
  }
  return undefined;
}

function canonicalNumber(member: number | bigint): string {
  return typeof member === 'bigint' || Number.isInteger(member) ? BigInt(member).toString() : String(member);
}

/** A set inside a list or map: its members must all be strings, all numbers, or all binaries. */
function nestedSetProblem(set: ReadonlySet<unknown>): string | undefined {
  const members = [...set];
  const kinds = new Set(
    members.map((member) =>
      typeof member === 'string'
        ? 'string'
        : member instanceof Uint8Array
          ? 'binary'
          : isStorableNumber(member) || isStorableBigInt(member)
            ? 'number'
            : 'other',
    ),
  );
  if (kinds.size !== 1 || kinds.has('other')) return 'a Set must hold only strings, only numbers or only binaries';
  return duplicateMembers(set);
}

/** Values inside lists and maps have no declared type, but must still be storable. */
function nestedProblem(value: unknown, path = ''): string | undefined {
  if (Array.isArray(value)) {
    for (const [index, element] of value.entries()) {
      const problem = nestedElementProblem(element, `${path}[${index}]`);
      if (problem) return problem;
    }
    return undefined;
  }
  for (const [name, element] of Object.entries(value as Record<string, unknown>)) {
    if (element === undefined) continue; // an undefined map entry is simply not stored
    if (name === '')
      return `holds an empty key in the map at ${path || '(top)'} (DynamoDB refuses empty attribute names)`;
    const problem = nestedElementProblem(element, `${path}.${name}`);
    if (problem) return problem;
  }
  return undefined;
}

/** What makes an untyped value (inside a list or map) unstorable, or undefined. */
export function nestedElementProblem(element: unknown, path: string): string | undefined {
  const here = `holds ${describeType(element)} at ${path}, which`;
  if (element === null || typeof element === 'string' || typeof element === 'boolean') return undefined;
  if (typeof element === 'number') return isStorableNumber(element) ? undefined : `${here} is not a storable number`;
  if (typeof element === 'bigint')
    return isStorableBigInt(element) ? undefined : `${here} has over ${MAX_SIGNIFICANT_DIGITS} digits`;
  if (element instanceof Uint8Array) return undefined;
  if (element instanceof Date) return isValidDate(element) ? undefined : `${here} is not a valid Date`;
  if (element instanceof Set) {
    if (element.size === 0) return `${here} cannot be stored (an empty Set)`;
    const problem = nestedSetProblem(element);
    return problem && `${here} cannot be stored: ${problem}`;
  }
  if (Array.isArray(element) || isPlainObject(element)) return nestedProblem(element, path);
  return `${here} cannot be stored`;
}
