import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { AttributeType, DateStorage } from '../metadata/declarations';
import { fromNestedAttributeValue, fromUntypedNumber, toNestedAttributeValue, toSetAttributeValue } from './nested';
import { exactBigInt, exactNumber } from './numbers';
import { UnreadableValue } from './UnreadableValue';

/** Converts one checked value of an attribute to its AttributeValue. */
export type Encoder = (value: unknown) => AttributeValue;
/** Converts a stored AttributeValue back to the attribute's JavaScript type; throws UnreadableValue when it cannot exactly. */
export type Decoder = (value: AttributeValue) => unknown;

const isoString = (value: unknown): AttributeValue => ({ S: Date.prototype.toISOString.call(value) });
const epochSeconds = (value: unknown): AttributeValue => ({
  N: String(Math.floor(Date.prototype.getTime.call(value) / 1000)),
});
const epochMillis = (value: unknown): AttributeValue => ({ N: String(Date.prototype.getTime.call(value)) });
const DATE_ENCODERS: Readonly<Record<DateStorage, Encoder>> = { iso: isoString, epochSeconds, epochMillis };

const ENCODERS: Readonly<Record<AttributeType, Encoder>> = {
  string: (value) => ({ S: value as string }),
  number: (value) => ({ N: (value as number).toString() }),
  bigint: (value) => ({ N: (value as bigint | number).toString() }),
  boolean: (value) => ({ BOOL: value as boolean }),
  date: isoString,
  binary: (value) => ({ B: value as Uint8Array }),
  list: toNestedAttributeValue,
  map: toNestedAttributeValue,
  stringSet: (value) => toSetAttributeValue(value as ReadonlySet<unknown>),
  numberSet: (value) => toSetAttributeValue(value as ReadonlySet<unknown>),
  binarySet: (value) => toSetAttributeValue(value as ReadonlySet<unknown>),
};

/**
 * The encoder of a stored type (a Date by its storage), for values of no class of the user's: the
 * codec adds what converters and nested classes need on top.
 */
export function typeEncoder(type: AttributeType, storage: DateStorage = 'iso'): Encoder {
  return type === 'date' ? DATE_ENCODERS[storage] : ENCODERS[type];
}

function typeCode(value: AttributeValue): string {
  return (
    Object.keys(value).find((code) => (value as unknown as Record<string, unknown>)[code] !== undefined) ?? 'nothing'
  );
}

function wrongType(value: AttributeValue, declared: string): never {
  throw new UnreadableValue(`it holds ${typeCode(value)} where ${declared} is declared`);
}

function dateFrom(text: string): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) throw new UnreadableValue('it holds a string that is not a date');
  return date;
}

const DECODERS: Readonly<Record<AttributeType, Decoder>> = {
  string: (value) => (value.S !== undefined ? value.S : wrongType(value, 'a string (S)')),
  number: (value) => {
    if (value.N === undefined) return wrongType(value, 'a number (N)');
    const number = exactNumber(value.N);
    if (number === undefined) {
      throw new UnreadableValue(
        'it holds a number a JavaScript number cannot hold exactly (declare the attribute bigint)',
      );
    }
    return number;
  },
  bigint: (value) => {
    if (value.N === undefined) return wrongType(value, 'a whole number (N)');
    return exactBigInt(value.N) ?? wrongType(value, 'a whole number, not a fraction,');
  },
  boolean: (value) => (value.BOOL !== undefined ? value.BOOL : wrongType(value, 'a boolean (BOOL)')),
  date: (value) => (value.S !== undefined ? dateFrom(value.S) : wrongType(value, 'a date (an ISO-8601 S)')),
  binary: (value) => (value.B !== undefined ? value.B : wrongType(value, 'binary (B)')),
  list: (value) => (value.L !== undefined ? fromNestedAttributeValue(value) : wrongType(value, 'a list (L)')),
  map: (value) => (value.M !== undefined ? fromNestedAttributeValue(value) : wrongType(value, 'a map (M)')),
  stringSet: (value) => (value.SS !== undefined ? new Set(value.SS) : wrongType(value, 'a string set (SS)')),
  numberSet: (value) =>
    value.NS !== undefined ? new Set(value.NS.map(fromUntypedNumber)) : wrongType(value, 'a number set (NS)'),
  binarySet: (value) => (value.BS !== undefined ? new Set(value.BS) : wrongType(value, 'a binary set (BS)')),
};

const epochDate =
  (unit: number, what: string): Decoder =>
  (value) => {
    if (value.N === undefined) return value.S !== undefined ? dateFrom(value.S) : wrongType(value, what);
    const count = exactNumber(value.N);
    const date = new Date(count === undefined ? NaN : count * unit);
    if (Number.isNaN(date.getTime())) throw new UnreadableValue(`it holds a number that is not a time in ${what}`);
    return date;
  };
const DATE_DECODERS: Readonly<Record<DateStorage, Decoder>> = {
  iso: DECODERS.date,
  epochSeconds: epochDate(1000, 'epoch seconds (N)'),
  epochMillis: epochDate(1, 'epoch milliseconds (N)'),
};

/** The decoder of a stored type (a Date by its storage; one stored otherwise is read too). */
export function typeDecoder(type: AttributeType, storage: DateStorage = 'iso'): Decoder {
  return type === 'date' ? DATE_DECODERS[storage] : DECODERS[type];
}
