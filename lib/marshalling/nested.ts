import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { types } from 'node:util';
import { untypedNumber } from './numbers';
import { UnreadableValue } from './UnreadableValue';

// Values inside lists and maps carry no declared type: they are stored by their runtime type and
// read back as the JavaScript value of that type. Validation admits only values that come back
// as they went in (no Date, no undefined in a list, no bigint a number holds).

/** Converts a checked value without a declared type to an AttributeValue. */
export function toNestedAttributeValue(value: unknown): AttributeValue {
  if (value === null) return { NULL: true };
  switch (typeof value) {
    case 'string':
      return { S: value };
    case 'number':
    case 'bigint':
      return { N: value.toString() };
    case 'boolean':
      return { BOOL: value };
  }
  if (types.isUint8Array(value)) return { B: value };
  if (Array.isArray(value)) return { L: value.map(toNestedAttributeValue) };
  if (types.isSet(value)) return toSetAttributeValue(value);
  if (!isPlainMap(value)) {
    // validation refuses these first; converting one anyway would store it as an empty map
    throw new TypeError(
      `A ${typeof value === 'object' ? 'non-plain object' : typeof value} cannot be stored without a declared type.`,
    );
  }
  const map: Record<string, AttributeValue> = {};
  for (const name of Object.keys(value)) {
    const element = value[name];
    // defineProperty: an own `__proto__` key (from JSON.parse) must stay a key, not a prototype
    if (element !== undefined) {
      Object.defineProperty(map, name, {
        value: toNestedAttributeValue(element),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
  }
  return { M: map };
}

function isPlainMap(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || types.isDate(value)) return false;
  const prototype: unknown = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}

/** Converts a checked non-empty Set to SS, NS or BS after its first member. */
export function toSetAttributeValue(set: ReadonlySet<unknown>): AttributeValue {
  const members: unknown[] = Array.from(Set.prototype.values.call(set));
  const first = members[0];
  if (typeof first === 'string') return { SS: members as string[] };
  if (types.isUint8Array(first)) return { BS: members as Uint8Array[] };
  return { NS: members.map((member) => (member as number | bigint).toString()) };
}

/** Reads an N of no declared type exactly (a number, or a bigint beyond what a number holds). */
export function fromUntypedNumber(text: string): number | bigint {
  const value = untypedNumber(text);
  if (value === undefined) throw new UnreadableValue('it holds a number a JavaScript number cannot hold exactly');
  return value;
}

/**
 * Converts an AttributeValue of no declared type back to a JavaScript value.
 * @throws UnreadableValue for a number no JavaScript value holds exactly, or an unknown type.
 */
export function fromNestedAttributeValue(value: AttributeValue): unknown {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return fromUntypedNumber(value.N);
  if (value.BOOL !== undefined) return value.BOOL;
  if (value.NULL !== undefined) return null;
  if (value.B !== undefined) return value.B;
  if (value.L !== undefined) return value.L.map(fromNestedAttributeValue);
  if (value.M !== undefined) {
    const map: Record<string, unknown> = {};
    for (const [name, element] of Object.entries(value.M)) {
      Object.defineProperty(map, name, {
        value: fromNestedAttributeValue(element),
        enumerable: true,
        writable: true,
        configurable: true,
      });
    }
    return map;
  }
  if (value.SS !== undefined) return new Set(value.SS);
  if (value.NS !== undefined) return new Set(value.NS.map(fromUntypedNumber));
  if (value.BS !== undefined) return new Set(value.BS);
  throw new UnreadableValue('it holds a value of a type DynamoDB does not define');
}
