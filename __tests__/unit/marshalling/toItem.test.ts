import { compileSchema } from '../../../lib/schema/compileSchema';
import { fromItem } from '../../../lib/marshalling/codec';
import { toItem } from '../../../lib/marshalling/codec';
import { validateRecord } from '../../../lib/validation/validateRecord';
import { EdgeData, PhoneData } from '../../fixtures/models';

const edge = { id: 'e1', name: 'n', status: 's', 'first-name': 'f', 'a.b': 'ab', 'x y': 'xy' };
const big = 2n ** 64n + 1n; // beyond 2^53: only exact as a bigint
const when = new Date('2026-03-04T05:06:07.089Z');
const bytes = new Uint8Array([0, 1, 254, 255]);

const full = {
  ...edge,
  count: -12.5,
  big,
  flag: false,
  when,
  bytes,
  list: [1, 'two', null, true, { nested: { deep: [3, 4.5] }, none: null }, [big]],
  map: { n: 1, s: 'x', b: true, z: null, inner: { list: [1, { k: 'v' }] } },
  tags: new Set(['a', 'b', '']),
  scores: new Set([1, 2.5, -3]),
  data_source: 'HIGH',
};

describe('toItem', () => {
  it('converts every type of EdgeData to its AttributeValue', () => {
    const item = toItem(compileSchema(EdgeData), full);
    expect(item).toEqual({
      id: { S: 'e1' },
      name: { S: 'n' },
      status: { S: 's' },
      'first-name': { S: 'f' },
      'a.b': { S: 'ab' },
      'x y': { S: 'xy' },
      count: { N: '-12.5' },
      big: { N: '18446744073709551617' },
      flag: { BOOL: false },
      when: { S: '2026-03-04T05:06:07.089Z' },
      bytes: { B: bytes },
      list: {
        L: [
          { N: '1' },
          { S: 'two' },
          { NULL: true },
          { BOOL: true },
          { M: { nested: { M: { deep: { L: [{ N: '3' }, { N: '4.5' }] } } }, none: { NULL: true } } },
          { L: [{ N: '18446744073709551617' }] },
        ],
      },
      map: {
        M: {
          n: { N: '1' },
          s: { S: 'x' },
          b: { BOOL: true },
          z: { NULL: true },
          inner: { M: { list: { L: [{ N: '1' }, { M: { k: { S: 'v' } } }] } } },
        },
      },
      tags: { SS: ['a', 'b', ''] },
      scores: { NS: ['1', '2.5', '-3'] },
      data_source: { S: 'HIGH' },
    });
  });

  it('leaves out missing and null optional attributes, and anything the model does not declare', () => {
    const item = toItem(compileSchema(EdgeData), { ...edge, count: null, flag: undefined, stray: 'x' });
    expect(Object.keys(item)).toEqual(['id', 'name', 'status', 'first-name', 'a.b', 'x y']);
  });

  it('leaves out undefined entries of a map', () => {
    const item = toItem(compileSchema(EdgeData), { ...edge, map: { kept: 1, dropped: undefined } });
    expect(item.map).toEqual({ M: { kept: { N: '1' } } });
  });

  it('writes a number set of bigints exactly', () => {
    const item = toItem(compileSchema(EdgeData), { ...edge, scores: new Set([big, 1n]) });
    expect(item.scores).toEqual({ NS: ['18446744073709551617', '1'] });
  });

  // Bug: toNestedAttributeValue builds maps with `map[name] = ...` on a plain `{}`, so an own
  // `__proto__` key of a map value sets the prototype of the AttributeValue map instead of being stored.
  it('converts an own __proto__ key of a map value as data, never as a prototype (validation refuses the key first)', () => {
    const map = JSON.parse('{"__proto__": {"admin": true}, "ok": 1}') as Record<string, unknown>;
    const schema = compileSchema(EdgeData);
    expect(() => validateRecord(schema, { ...edge, map })).toThrow(/key named __proto__/);
    const stored = toItem(schema, { ...edge, map }).map?.M ?? {};
    expect(Object.keys(stored)).toEqual(['__proto__', 'ok']);
    expect(Object.getPrototypeOf(stored)).toBe(Object.prototype);
  });
});

describe('toItem → fromItem round trip', () => {
  it('gives back every value of every type', () => {
    const schema = compileSchema(EdgeData);
    const record = fromItem(schema, toItem(schema, full));
    expect(record).toBeInstanceOf(EdgeData);
    expect({ ...record }).toEqual(full);
    expect(record.big).toBe(big);
    expect(typeof record.big).toBe('bigint');
    expect(record.when).toBeInstanceOf(Date);
    expect(record.when?.toISOString()).toBe(when.toISOString());
    expect(record.bytes).toBeInstanceOf(Uint8Array);
    expect([...(record.bytes ?? [])]).toEqual([0, 1, 254, 255]);
    expect(record.tags).toEqual(new Set(['a', 'b', '']));
    expect(record.scores).toEqual(new Set([1, 2.5, -3]));
    expect((record.list as unknown[])[5]).toEqual([big]);
  });

  it('reads a bigint attribute as a bigint even when it is small', () => {
    const schema = compileSchema(EdgeData);
    expect(fromItem(schema, toItem(schema, { ...edge, big: 5n })).big).toBe(5n);
    expect(fromItem(schema, toItem(schema, { ...edge, big: 5 })).big).toBe(5n);
  });

  it('reads untyped nested values back as they were written (bigints beyond a number stay bigints)', () => {
    const schema = compileSchema(EdgeData);
    const map = {
      at: when.toISOString(),
      small: 5,
      huge: big,
      set: new Set(['s']),
      none: null,
      bytes: new Uint8Array([1]),
    };
    const record = fromItem(schema, toItem(schema, { ...edge, map }));
    expect(record.map).toEqual(map);
  });

  it('never stores a value it does not know as an empty map: the encoder throws (validation refuses it first)', () => {
    const schema = compileSchema(EdgeData);
    for (const value of [
      when,
      new Map([[1, 2]]),
      () => 1,
      Symbol('s'),
      new (class Point {
        x = 1;
      })(),
    ]) {
      expect(() => toItem(schema, { ...edge, map: { value } })).toThrow(/cannot be stored without a declared type/);
    }
  });

  it('round-trips PhoneData', () => {
    const schema = compileSchema(PhoneData);
    const phone = { person_id: 7, name: 'Ada', phone_number: '555', relationship: 'FRIEND', timestamp: 't' };
    const item = toItem(schema, phone);
    expect(item.person_id).toEqual({ N: '7' });
    expect({ ...fromItem(schema, item) }).toEqual(phone);
  });
});
