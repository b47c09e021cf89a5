import type { AttributeType } from '../metadata/declarations';
import {
  describeType,
  isBinary,
  isDate,
  isPlainObject,
  isSet,
  isStorableBigInt,
  isStorableNumber,
  isValidDate,
  MAX_SIGNIFICANT_DIGITS,
  setMembers,
} from './checks';

// The rules for values of each stored type, each written once; checkValue.ts applies them to
// attributes (with their nested classes, converters, categorical lists and keys).

/** What is wrong with a value for a stored type, or undefined when it fits. */
export function typeProblem(type: AttributeType, value: unknown): string | undefined {
  return TYPE_CHECKS[type](value);
}

const TYPE_CHECKS: Readonly<Record<AttributeType, (value: unknown) => string | undefined>> = {
  string: (value) => (typeof value === 'string' ? undefined : 'must be a string'),
  number: checkNumber,
  bigint: checkBigInt,
  boolean: (value) => (typeof value === 'boolean' ? undefined : 'must be a boolean'),
  date: (value) => (isValidDate(value) ? undefined : 'must be a valid Date'),
  binary: (value) => (isBinary(value) ? undefined : 'must be a Uint8Array or Buffer'),
  list: (value) => (Array.isArray(value) ? nestedProblem(value, '', 1) : 'must be an array'),
  map: (value) => (isPlainObject(value) ? nestedProblem(value, '', 1) : 'must be a plain object'),
  stringSet: (value) => checkSet(value, 'strings', (member) => typeof member === 'string'),
  numberSet: (value) => checkSet(value, 'numbers', (member) => untypedNumberProblem(member) === undefined),
  binarySet: (value) => checkSet(value, 'Uint8Arrays', isBinary),
};

function checkNumber(value: unknown): string | undefined {
  if (typeof value !== 'number') return 'must be a number';
  if (!Number.isFinite(value)) return 'must be a finite number';
  if (Number.isInteger(value) && !Number.isSafeInteger(value)) {
    return 'must be a safe integer (beyond 2^53, declare the attribute as bigint)';
  }
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

/**
 * What keeps a number or bigint without a declared type (in a set, list or map) from coming back
 * as it went in: a number must be storable; a bigint must be one a number cannot hold, since any
 * other comes back as a number.
 */
function untypedNumberProblem(value: unknown): string | undefined {
  if (typeof value === 'number') return isStorableNumber(value) ? undefined : 'is not a storable number';
  if (typeof value !== 'bigint') return 'is not a number';
  if (!isStorableBigInt(value)) return `has over ${MAX_SIGNIFICANT_DIGITS} significant digits`;
  if (value >= BigInt(Number.MIN_SAFE_INTEGER) && value <= BigInt(Number.MAX_SAFE_INTEGER)) {
    return 'is a bigint a number can hold, so it would come back as a number: store it as a number';
  }
  return undefined;
}

function checkSet(value: unknown, members: string, isMember: (member: unknown) => boolean): string | undefined {
  if (!isSet(value)) return `must be a Set of ${members}`;
  const all = setMembers(value);
  if (all.length === 0) return 'must not be an empty Set (DynamoDB stores no empty set)';
  for (const member of all) {
    if (!isMember(member)) {
      const why = members === 'numbers' ? untypedNumberProblem(member) : undefined;
      return `must be a Set of ${members}, and holds a ${describeType(member)}${why && why !== 'is not a number' ? ` that ${why}` : ''}`;
    }
  }
  return duplicateMembers(all);
}

/** Members distinct in JavaScript can be equal once stored (two arrays of the same bytes): DynamoDB rejects such a set. */
function duplicateMembers(members: readonly unknown[]): string | undefined {
  const stored = new Set<string>();
  for (const member of members) {
    const identity = isBinary(member)
      ? `b:${Buffer.from(member.buffer, member.byteOffset, member.byteLength).toString('base64')}`
      : typeof member === 'string'
        ? `s:${member}`
        : `n:${canonicalNumber(member as number | bigint)}`;
    if (stored.has(identity)) {
      return `holds ${describeType(member)} members that are equal once stored (DynamoDB rejects duplicate set members)`;
    }
    stored.add(identity);
  }
  return undefined;
}

function canonicalNumber(member: number | bigint): string {
  return typeof member === 'bigint' || Number.isInteger(member) ? BigInt(member).toString() : String(member);
}

/** DynamoDB nests lists and maps at most 32 levels deep (which also stops a cycle). */
const MAX_DEPTH = 32;

/** What keeps a list's elements or a map's entries from being stored and read back as they are, or undefined. */
function nestedProblem(
  value: readonly unknown[] | Record<string, unknown>,
  path: string,
  depth: number,
): string | undefined {
  if (depth > MAX_DEPTH) return `nests deeper than DynamoDB's ${MAX_DEPTH} levels at ${path || '(top)'}`;
  if (Array.isArray(value)) {
    for (let index = 0; index < value.length; index += 1) {
      const element: unknown = value[index];
      const here = `${path}[${index}]`;
      if (element === undefined) return `holds undefined at ${here}, which would come back as null: use null`;
      const problem = elementProblem(element, here, depth);
      if (problem) return problem;
    }
    return undefined;
  }
  const map = value as Readonly<Record<string, unknown>>;
  const names = Object.keys(map);
  if (Reflect.ownKeys(map).length !== names.length) {
    return `holds a symbol-keyed or non-enumerable property in the map at ${path || '(top)'}, which would not be stored`;
  }
  for (const name of names) {
    const element = map[name];
    if (element === undefined) continue; // an undefined map entry is simply not stored
    if (name === '')
      return `holds an empty key in the map at ${path || '(top)'} (DynamoDB refuses empty attribute names)`;
    if (name === '__proto__') {
      // AWS SDK releases before 3.1102.0, inside the supported range, silently drop such a key
      return `holds a key named __proto__ in the map at ${path || '(top)'}, which some AWS SDK releases drop`;
    }
    // a map's keys may be data (an e-mail address): messages show where, not what
    const problem = elementProblem(element, `${path}.{key}`, depth);
    if (problem) return problem;
  }
  return undefined;
}

/**
 * What makes a value without a declared type (inside a list or map, or set inside one with
 * setIn) unstorable or not read back as it is, or undefined. `path` names where it sits.
 */
export function nestedElementProblem(element: unknown, path: string): string | undefined {
  if (element === undefined) return `holds undefined at ${path}, which cannot be stored`;
  return elementProblem(element, path, 1);
}

function elementProblem(element: unknown, path: string, depth: number): string | undefined {
  if (element === null || typeof element === 'string' || typeof element === 'boolean') return undefined;
  const here = `holds ${describeType(element)} at ${path}, which`;
  if (typeof element === 'number' || typeof element === 'bigint') {
    const problem = untypedNumberProblem(element);
    return problem && `${here} ${problem}`;
  }
  if (isBinary(element)) return undefined;
  if (isDate(element)) {
    return `${here} would come back as a string: store its toISOString(), or declare the attribute's shape with a class`;
  }
  if (isSet(element)) {
    const problem = nestedSetProblem(setMembers(element));
    return problem && `${here} cannot be stored: ${problem}`;
  }
  if (Array.isArray(element) || isPlainObject(element)) return nestedProblem(element, path, depth + 1);
  return `${here} cannot be stored`;
}

/** A set inside a list or map: its members must all be strings, all numbers, or all binaries. */
function nestedSetProblem(members: readonly unknown[]): string | undefined {
  if (members.length === 0) return 'an empty Set cannot be stored';
  const kinds = new Set(
    members.map((member) =>
      typeof member === 'string'
        ? 'string'
        : isBinary(member)
          ? 'binary'
          : untypedNumberProblem(member) === undefined
            ? 'number'
            : 'other',
    ),
  );
  if (kinds.size !== 1 || kinds.has('other')) return 'a Set must hold only strings, only numbers or only binaries';
  return duplicateMembers(members);
}
