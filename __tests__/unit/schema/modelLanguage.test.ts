import {
  Attribute,
  Categorical,
  PartitionKey,
  RecordValidationError,
  SchemaError,
  Table,
  Ttl,
  type Converter,
} from '../../../lib';
import type { ModelClass } from '../../../lib/schema/CompiledSchema';
import { compileSchema } from '../../../lib/schema/compileSchema';
import { validateRecord } from '../../../lib/validation/validateRecord';
import { Address, Order } from '../../fixtures/orders';
import { captureSyncError } from '../captureError';

// What compileSchema makes of stored names, nested classes, converters, Date storage and defaults,
// and what it refuses.

const upper: Converter<string, 'string'> = { type: 'string', toStored: (v) => v.toUpperCase(), fromStored: (s) => s };

@Table({ name: 'keys-table' })
class Keys {
  @PartitionKey({ name: 'pk', converter: upper }) id!: string;
  @Attribute({ type: 'date', storage: 'epochMillis' }) at!: Date;
  @Ttl() expires?: Date;
  @Attribute({ type: 'list', default: [] }) tags!: unknown[];
}

function schemaError(model: ModelClass): { property: string | undefined; reason: string } {
  const error = captureSyncError(() => compileSchema(model));
  expect(error).toBeInstanceOf(SchemaError);
  const { property, reason } = error as SchemaError;
  return { property, reason };
}

describe('compileSchema: the model language', () => {
  it('compiles stored names, a key converter, Date storage, TTL as epoch seconds and defaults', () => {
    const schema = compileSchema(Keys);
    expect(schema.partitionKey).toMatchObject({ name: 'id', storedName: 'pk', converter: upper });
    expect(schema.attributeByName.get('at')).toMatchObject({ type: 'date', storage: 'epochMillis' });
    expect(schema.ttl).toMatchObject({ type: 'date', storage: 'epochSeconds' });
    expect(typeof schema.attributeByName.get('tags')?.default).toBe('function');
  });

  it('gives each record its own copy of an object default', () => {
    const schema = compileSchema(Keys);
    const first = validateRecord(schema, { id: 'a', at: new Date() }, { fill: true }) as Record<string, unknown>;
    const second = validateRecord(schema, { id: 'b', at: new Date() }, { fill: true }) as Record<string, unknown>;
    expect(first['tags']).toEqual([]);
    expect(first['tags']).not.toBe(second['tags']);
  });

  it('reads a nested class from its design:type, and a list of one from { type: [Class] }', () => {
    const schema = compileSchema(Order);
    expect(schema.attributeByName.get('ship_to')).toMatchObject({ type: 'map', nested: Address });
    expect(schema.attributeByName.get('lines')).toMatchObject({ type: 'list' });
  });

  it('fills nested defaults with fill (create, put), and asks for them without (update)', () => {
    const schema = compileSchema(Order);
    const record = {
      order_id: 'o',
      status: 's',
      placed_at: new Date(),
      ship_to: { city: 'x', since: new Date() },
      lines: [{ sku: 'a', price: { cents: 1n } }],
      total: undefined,
    };
    const error = captureSyncError(() => validateRecord(schema, record, { fill: false }));
    expect((error as RecordValidationError).issues.map((issue) => `${issue.attribute} ${issue.constraint}`)).toEqual([
      'token required',
      'ship_to.label required',
      'lines[0].qty required',
      "lines[0].price its converter's toStored threw a TypeError",
      'total required',
    ]);
    const filled = captureSyncError(() => validateRecord(schema, record, { fill: true }));
    expect((filled as RecordValidationError).issues.map((issue) => issue.attribute)).toEqual([
      'lines[0].price',
      'total',
    ]);
  });
});

describe('compileSchema: refused', () => {
  it.each<[string, () => ModelClass, string | undefined, RegExp]>([
    [
      'a type and a converter',
      () => {
        @Table({ name: 'x1x' })
        class TypeAndConverter {
          @PartitionKey() id!: string;
          @Attribute({ type: 'string', converter: upper }) a!: string;
        }
        return TypeAndConverter;
      },
      'a',
      /declares a type and a converter/,
    ],
    [
      'storage on a string',
      () => {
        @Table({ name: 'x2x' })
        class StorageOnString {
          @PartitionKey() id!: string;
          @Attribute({ storage: 'epochSeconds' }) a!: string;
        }
        return StorageOnString;
      },
      'a',
      /storage is for Date attributes/,
    ],
    [
      'a TTL stored as ISO',
      () => {
        @Table({ name: 'x3x' })
        class IsoTtl {
          @PartitionKey() id!: string;
          @Ttl() @Attribute({ storage: 'iso' }) expires!: Date;
        }
        return IsoTtl;
      },
      'expires',
      /@Ttl is stored as epoch seconds/,
    ],
    [
      'two properties stored under one name',
      () => {
        @Table({ name: 'x4x' })
        class OneName {
          @PartitionKey() id!: string;
          @Attribute({ name: 'n' }) a!: string;
          @Attribute({ name: 'n' }) b!: string;
        }
        return OneName;
      },
      'b',
      /is stored as "n", the stored name of a already/,
    ],
    [
      'a stored name that another property has',
      () => {
        @Table({ name: 'x5x' })
        class TakenName {
          @PartitionKey() id!: string;
          @Attribute({ name: 'id' }) a!: string;
        }
        return TakenName;
      },
      'a',
      /the stored name of id already/,
    ],
    [
      'a stored name __proto__',
      () => {
        @Table({ name: 'x6x' })
        class ProtoName {
          @PartitionKey() id!: string;
          @Attribute({ name: '__proto__' }) a!: string;
        }
        return ProtoName;
      },
      'a',
      /name \(string\) cannot be __proto__/,
    ],
    [
      'a converter on a categorical attribute',
      () => {
        @Table({ name: 'x7x' })
        class ConvertedCategorical {
          @PartitionKey() id!: string;
          @Categorical(['A']) @Attribute({ converter: upper }) a!: string;
        }
        return ConvertedCategorical;
      },
      'a',
      /takes no converter/,
    ],
    [
      'a key name over 255 bytes',
      () => {
        @Table({ name: 'x8x' })
        class LongKeyName {
          @PartitionKey({ name: 'k'.repeat(256) }) id!: string;
        }
        return LongKeyName;
      },
      'id',
      /at most 255 bytes/,
    ],
    [
      'a converter that is not one',
      () => {
        @Table({ name: 'x9x' })
        class NotAConverter {
          @PartitionKey() id!: string;
          @Attribute({ converter: { type: 'date', toStored: String, fromStored: String } as never }) a!: string;
        }
        return NotAConverter;
      },
      'a',
      /converter \(object\) must be a converter/,
    ],
  ])('%s', (_case, make, property, reason) => {
    const error = schemaError(make());
    expect(error.property).toBe(property);
    expect(error.reason).toMatch(reason);
  });

  it.each<[string, () => ModelClass, RegExp]>([
    [
      'a nested class with a key',
      () => {
        class Keyed {
          @PartitionKey() id!: string;
        }
        @Table({ name: 'n1n' })
        class Holder {
          @PartitionKey() id!: string;
          @Attribute({ type: Keyed }) inner!: Keyed;
        }
        return Holder;
      },
      /Keyed\.id: a class stored as a map has no partition key/,
    ],
    [
      'a nested class with @Table',
      () => {
        @Table({ name: 'inner' })
        class Tabled {
          @PartitionKey() id!: string;
        }
        @Table({ name: 'n2n' })
        class Holder {
          @PartitionKey() id!: string;
          @Attribute({ type: Tabled }) inner!: Tabled;
        }
        return Holder;
      },
      /Tabled: has @Table/,
    ],
    [
      'a nested class without attributes',
      () => {
        class Empty {}
        @Table({ name: 'n3n' })
        class Holder {
          @PartitionKey() id!: string;
          @Attribute({ type: Empty }) inner!: Empty;
        }
        return Holder;
      },
      /Empty: no attributes: decorate the properties with @Attribute/,
    ],
  ])('%s: the nested class is checked with its model', (_case, make, message) => {
    expect(() => compileSchema(make())).toThrow(message);
  });
});
