import { inferType } from '../../../lib/schema/inferType';
import { keyAttributeType } from '../../../lib/schema/keyAttributeType';
import type { AttributeType } from '../../../lib/metadata/declarations';

describe('inferType', () => {
  it.each<[unknown, AttributeType | undefined]>([
    [String, 'string'],
    [Number, 'number'],
    [BigInt, 'bigint'],
    [Boolean, 'boolean'],
    [Date, 'date'],
    [Uint8Array, 'binary'],
    [Buffer, 'binary'],
    [Array, 'list'],
    // emitted for string | null, any union, an interface or a Record alike: never guessed as a map
    [Object, undefined],
    [Set, undefined],
    [Map, undefined],
    [Promise, undefined],
    [class Address {}, undefined],
    [undefined, undefined],
  ])('%p → %p', (designType, expected) => {
    expect(inferType(designType)).toBe(expected);
  });
});

describe('keyAttributeType', () => {
  it.each<[AttributeType, string | undefined]>([
    ['string', 'S'],
    ['date', 'S'],
    ['number', 'N'],
    ['bigint', 'N'],
    ['binary', 'B'],
    ['boolean', undefined],
    ['list', undefined],
    ['map', undefined],
    ['stringSet', undefined],
    ['numberSet', undefined],
    ['binarySet', undefined],
  ] as const)('%p → %p', (type, expected) => {
    expect(keyAttributeType({ type })).toBe(expected);
  });

  it('gives a Date stored as epoch seconds or milliseconds N, one stored as an ISO string S', () => {
    expect(keyAttributeType({ type: 'date', storage: 'iso' })).toBe('S');
    expect(keyAttributeType({ type: 'date', storage: 'epochSeconds' })).toBe('N');
    expect(keyAttributeType({ type: 'date', storage: 'epochMillis' })).toBe('N');
  });
});
