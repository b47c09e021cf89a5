import type { AttributeValue } from '@aws-sdk/client-dynamodb';

// Values inside lists and maps carry no declared type: they are stored by their runtime type
// and read back as the closest JavaScript value (a Date comes back as its ISO string).

/** Converts an already validated untyped value to an AttributeValue. */
export function toNestedAttributeValue(value: unknown): AttributeValue {
  if (value === null || value === undefined) return { NULL: true };
  if (typeof value === 'string') return { S: value };
  if (typeof value === 'number' || typeof value === 'bigint') return { N: value.toString() };
  if (typeof value === 'boolean') return { BOOL: value };
  if (value instanceof Uint8Array) return { B: value };
  if (value instanceof Date) return { S: value.toISOString() };
  if (Array.isArray(value)) return { L: value.map(toNestedAttributeValue) };
  if (value instanceof Set) return toSetAttributeValue(value);
  const map: Record<string, AttributeValue> = {};
  for (const [name, element] of Object.entries(value as Record<string, unknown>)) {
    // defineProperty: an own `__proto__` key (from JSON.parse) must stay a key, not a prototype
    if (element !== undefined)
      Object.defineProperty(map, name, {
        value: toNestedAttributeValue(element),
        enumerable: true,
        writable: true,
        configurable: true,
      });
  }
  return { M: map };
}

/** Converts a non-empty Set to SS, NS or BS after its first member. */
export function toSetAttributeValue(set: ReadonlySet<unknown>): AttributeValue {
  const members = [...set];
  const first = members[0];
  if (typeof first === 'string') return { SS: members as string[] };
  if (first instanceof Uint8Array) return { BS: members as Uint8Array[] };
  return { NS: members.map((member) => (member as number | bigint).toString()) };
}

/** Reads a DynamoDB number: a JavaScript number when that is exact, else a bigint. */
export function fromNumber(text: string): number | bigint {
  const number = Number(text);
  if (Number.isInteger(number) && !Number.isSafeInteger(number) && /^-?\d+$/.test(text)) return BigInt(text);
  return number;
}

/** Converts an AttributeValue of unknown declared type back to a JavaScript value. */
export function fromNestedAttributeValue(value: AttributeValue): unknown {
  if (value.S !== undefined) return value.S;
  if (value.N !== undefined) return fromNumber(value.N);
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
  if (value.NS !== undefined) return new Set(value.NS.map(fromNumber));
  if (value.BS !== undefined) return new Set(value.BS);
  return undefined;
}
