import 'reflect-metadata';
import fc from 'fast-check';
import { Attribute, Categorical, PartitionKey, RecordValidationError, SortKey, Table } from '../../../lib';
import { codecOf } from '../../../lib/marshalling/compileCodec';
import { fromAttributeValue } from '../../../lib/marshalling/fromAttributeValue';
import { toAttributeValue } from '../../../lib/marshalling/toAttributeValue';
import type { CompiledSchema, ModelClass } from '../../../lib/schema/CompiledSchema';
import { compileSchema } from '../../../lib/schema/compileSchema';
import { givenValues, validateRecord } from '../../../lib/validation/validateRecord';
import { EdgeData, PhoneData } from '../../fixtures/models';

const HOSTILE = 'a"];process.exit(1);//';

@Table({ name: 'hostile-table' })
class HostileData {
  @PartitionKey() [HOSTILE]!: string;
  @SortKey() ["'];throw new Error('x');//"]!: number;
  @Attribute() ['`${process.exit(2)}`']!: string;
  @Attribute() ['\u2028\u2029</script>']!: boolean;
  @Categorical(['a"b', 'c\\d']) ['\\"]; globalThis.pwned = true; //']!: string;
}

/** What the detailed validator says: true when it finds no issue. */
async function detailedAccepts(schema: CompiledSchema, values: Record<string, unknown>): Promise<boolean> {
  try {
    // a fresh schema object of the same model would hit the same codec: bypass by validating issue by issue
    await validateRecord({ ...schema, usesClassValidator: true, model: class {} }, values);
    return true;
  } catch (error) {
    if (error instanceof RecordValidationError) return false;
    throw error;
  }
}

describe('compiled codec', () => {
  it('escapes every attribute name: hostile names round-trip and run nothing', () => {
    const schema = compileSchema(HostileData);
    const record = {
      [HOSTILE]: 'k',
      "'];throw new Error('x');//": 1,
      '`${process.exit(2)}`': 's',
      '\u2028\u2029</script>': true,
      '\\"]; globalThis.pwned = true; //': 'c\\d',
    };
    const codec = codecOf(schema);
    expect(codec.fits(givenValues(record))).toBe(true);
    const item = codec.encode(record);
    expect(Object.keys(item).sort()).toEqual(Object.keys(record).sort());
    expect({ ...codec.decode(item) }).toEqual(record);
    expect((globalThis as { pwned?: boolean }).pwned).toBeUndefined();
  });

  it('is generated once per schema', () => {
    expect(codecOf(compileSchema(PhoneData))).toBe(codecOf(compileSchema(PhoneData)));
  });

  it('encodes and decodes every attribute as the per-attribute converters do', () => {
    const schema = compileSchema(EdgeData);
    const record: Record<string, unknown> = {
      id: 'e',
      name: 'n',
      status: '',
      'first-name': 'f',
      'a.b': 'ab',
      'x y': 'xy',
      count: -1.5,
      big: 2n ** 70n,
      flag: false,
      when: new Date(0),
      bytes: new Uint8Array([1]),
      list: [1, 'a', null],
      map: { m: { n: 1 } },
      tags: new Set(['t']),
      scores: new Set([1, 2]),
      data_source: 'LOW',
    };
    const item = codecOf(schema).encode(record);
    for (const attribute of schema.attributes) {
      expect(item[attribute.name]).toEqual(toAttributeValue(attribute, record[attribute.name]));
    }
    const decoded = codecOf(schema).decode(item) as unknown as Record<string, unknown>;
    expect(decoded).toBeInstanceOf(EdgeData);
    for (const attribute of schema.attributes) {
      expect(decoded[attribute.name]).toEqual(fromAttributeValue(attribute, item[attribute.name]!));
    }
  });

  it('decodes a stored value of another type than declared through the general converter, and reads no undeclared attribute', () => {
    const decoded = codecOf(compileSchema(PhoneData)).decode({
      person_id: { S: 'not a number' },
      nickname: { S: 'x' },
    }) as unknown as Record<string, unknown>;
    expect({ ...decoded }).toEqual({ person_id: 'not a number' });
  });

  // The fast check must agree with the detailed validator on every input, valid or not: if it
  // said yes where the validator says no, bad input would be sent.
  it.each([
    ['PhoneData', PhoneData],
    ['EdgeData', EdgeData],
  ] as const)('fits() agrees with the detailed validator on arbitrary %s input', async (_name, model) => {
    const schema: CompiledSchema = compileSchema(model as ModelClass);
    const names = [...schema.attributes.map((attribute) => attribute.name), 'unknown_attribute'];
    const anyValue = fc.oneof(
      fc.string(),
      fc.constantFrom('', 'FRIEND', 'LOW', 'HIGH', 'ENEMY'),
      fc.double(),
      fc.integer(),
      fc.bigInt({ min: -(10n ** 40n), max: 10n ** 40n }),
      fc.boolean(),
      fc.constant(null),
      fc.constant(undefined),
      fc.date({ noInvalidDate: false }),
      fc.uint8Array({ maxLength: 3 }),
      fc.array(fc.oneof(fc.string(), fc.integer(), fc.constant(null)), { maxLength: 3 }),
      fc.dictionary(fc.string({ maxLength: 3 }), fc.oneof(fc.string(), fc.double())),
      fc.array(fc.string(), { maxLength: 3 }).map((members) => new Set(members)),
      fc.array(fc.integer(), { maxLength: 3 }).map((members) => new Set(members)),
    );
    const valid = schema.attributes.map((attribute) => [attribute.name, attribute] as const);
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.constantFrom(...names), anyValue),
        fc.boolean(),
        async (overrides, startValid) => {
          const base: Record<string, unknown> = startValid
            ? Object.fromEntries(
                valid.map(([name, attribute]) => [name, sampleOf(attribute.type, attribute.categorical)]),
              )
            : {};
          const values = givenValues({ ...base, ...overrides });
          expect(codecOf(schema).fits(values)).toBe(await detailedAccepts(schema, values));
        },
      ),
      { numRuns: 500 },
    );
  });
});

function sampleOf(type: string, categorical?: readonly string[]): unknown {
  if (categorical) return categorical[0];
  const samples: Record<string, unknown> = {
    string: 's',
    number: 1,
    bigint: 1n,
    boolean: true,
    date: new Date(1),
    binary: new Uint8Array([1]),
    list: [],
    map: {},
    stringSet: new Set(['a']),
    numberSet: new Set([1]),
    binarySet: new Set([new Uint8Array([1])]),
  };
  return samples[type];
}
