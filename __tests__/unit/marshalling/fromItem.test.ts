import { fromItem } from '../../../lib/marshalling/codec';
import { compileSchema } from '../../../lib/schema/compileSchema';
import { EdgeData, GuardedData, PhoneData } from '../../fixtures/models';

describe('fromItem', () => {
  it('returns an instance of the model without calling its constructor', () => {
    expect(() => new GuardedData()).toThrow('GuardedData constructor called');
    const record = fromItem(compileSchema(GuardedData), { id: { S: 'g1' }, label: { S: 'L' } });
    expect(record).toBeInstanceOf(GuardedData);
    expect(Object.getPrototypeOf(record)).toBe(GuardedData.prototype);
    expect({ ...record }).toEqual({ id: 'g1', label: 'L' });
  });

  it('reads only the attributes the model declares (others stay in the table, off the record)', () => {
    const record = fromItem(compileSchema(PhoneData), {
      person_id: { N: '1' },
      legacy: { S: 'x' },
      legacy_count: { N: '3' },
      legacy_map: { M: { a: { BOOL: true } } },
    }) as unknown as Record<string, unknown>;
    expect({ ...record }).toEqual({ person_id: 1 });
  });

  it('ignores an item attribute named __proto__, leaving the prototype alone', () => {
    const item = JSON.parse('{"id": {"S": "e1"}, "__proto__": {"M": {"polluted": {"BOOL": true}}}}') as Record<
      string,
      never
    >;
    const record = fromItem(compileSchema(EdgeData), item) as unknown as Record<string, unknown>;
    expect(Object.getPrototypeOf(record)).toBe(EdgeData.prototype);
    expect(record).toBeInstanceOf(EdgeData);
    expect(Object.getOwnPropertyDescriptor(record, '__proto__')).toBeUndefined();
    expect(record.polluted).toBeUndefined();
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('keeps a nested map key named __proto__ as data', () => {
    const item = JSON.parse('{"id": {"S": "e1"}, "map": {"M": {"__proto__": {"S": "x"}}}}') as Record<string, never>;
    const map = fromItem(compileSchema(EdgeData), item).map as Record<string, unknown>;
    expect(Object.getPrototypeOf(map)).toBe(Object.prototype);
    expect(Object.keys(map)).toEqual(['__proto__']);
  });

  it('reads numbers as numbers, and integers beyond 2^53 in untyped places as bigints', () => {
    const record = fromItem(compileSchema(EdgeData), {
      id: { S: 'e1' },
      count: { N: '2.50' },
      list: { L: [{ N: '9007199254740993' }, { N: '1e3' }, { N: '-0.5' }] },
      scores: { NS: ['1', '18446744073709551617'] },
    });
    expect(record.count).toBe(2.5);
    expect(record.list).toEqual([9007199254740993n, 1000, -0.5]);
    expect(record.scores).toEqual(new Set([1, 18446744073709551617n]));
  });

  it('reads binary and string sets', () => {
    const one = new Uint8Array([1]);
    const record = fromItem(compileSchema(EdgeData), {
      id: { S: 'e1' },
      tags: { SS: ['a'] },
      list: { L: [{ BS: [one] }] },
    });
    expect(record.tags).toEqual(new Set(['a']));
    expect(record.list).toEqual([new Set([one])]);
  });
});
