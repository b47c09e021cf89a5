import {
  describeType,
  isCapacity,
  isCategoricalValue,
  isPlainObject,
  isStorableBigInt,
  isStorableNumber,
  isValidDate,
  isValidTableName,
} from '../../../lib/validation/checks';

class Point {
  x = 1;
}

describe('checks', () => {
  it.each([
    ['abc', true],
    ['phonebook-table', true],
    ['a.b_c-D9', true],
    ['a'.repeat(255), true],
    ['ab', false],
    ['a'.repeat(256), false],
    ['has space', false],
    ['slash/name', false],
    ['tablé', false],
    [42, false],
  ])('isValidTableName(%p) is %p', (name, expected) => {
    expect(isValidTableName(name)).toBe(expected);
  });

  it.each([
    [1, true],
    [40000, true],
    [0, false],
    [-1, false],
    [1.5, false],
    [NaN, false],
    ['5', false],
  ])('isCapacity(%p) is %p', (value, expected) => {
    expect(isCapacity(value)).toBe(expected);
  });

  it.each([
    [{}, true],
    [Object.create(null), true],
    [[], false],
    [new Date(), false],
    [new Set(), false],
    [new Uint8Array(1), false],
    [new Point(), false],
    [null, false],
    ['x', false],
  ])('isPlainObject(%p) is %p', (value, expected) => {
    expect(isPlainObject(value)).toBe(expected);
  });

  it.each([
    [0, true],
    [-0.5, true],
    [Number.MAX_SAFE_INTEGER, true],
    [Number.MAX_SAFE_INTEGER + 1, false],
    [1e300, false],
    [NaN, false],
    [Infinity, false],
    [1n, false],
  ])('isStorableNumber(%p) is %p', (value, expected) => {
    expect(isStorableNumber(value)).toBe(expected);
  });

  it.each([
    [0n, true],
    [10n ** 38n - 1n, true],
    [-(10n ** 38n - 1n), true],
    [10n ** 38n + 1n, false],
    [10n ** 50n, true], // one significant digit
    [1, false],
  ])('isStorableBigInt(%p) is %p', (value, expected) => {
    expect(isStorableBigInt(value)).toBe(expected);
  });

  it('isValidDate', () => {
    expect(isValidDate(new Date(0))).toBe(true);
    expect(isValidDate(new Date('x'))).toBe(false);
    expect(isValidDate('2026-01-01')).toBe(false);
  });

  it('isCategoricalValue is exact and case-sensitive', () => {
    expect(isCategoricalValue(['A', 'B'], 'A')).toBe(true);
    expect(isCategoricalValue(['A', 'B'], 'a')).toBe(false);
    expect(isCategoricalValue(['1'], 1)).toBe(false);
  });

  it.each([
    [null, 'null'],
    [undefined, 'undefined'],
    [NaN, 'NaN'],
    [Infinity, 'Infinity'],
    [1, 'number'],
    [1n, 'bigint'],
    ['s', 'string'],
    [true, 'boolean'],
    [[], 'array'],
    [new Date(0), 'Date'],
    [new Date('x'), 'invalid Date'],
    [Buffer.from('x'), 'binary'],
    [new Set(), 'Set'],
    [{}, 'object'],
    [Object.create(null), 'object'],
    [new Point(), 'Point'],
    [new Map(), 'Map'],
    [() => 1, 'function'],
    [Symbol('s'), 'symbol'],
  ])('describeType(%p) is %p', (value, expected) => {
    expect(describeType(value)).toBe(expected);
  });
});
