import 'reflect-metadata';
import { Attribute, Categorical, PartitionKey, SortKey, Table } from '../../../lib';
import { OrmError } from '../../../lib/errors/OrmError';
import { SchemaError } from '../../../lib/errors/SchemaError';
import { ownAttributeDeclarations } from '../../../lib/metadata/store';
import type { ModelClass } from '../../../lib/schema/CompiledSchema';
import { compileSchema } from '../../../lib/schema/compileSchema';
import {
  AccountData,
  BaseRecord,
  DerivedRecord,
  EdgeData,
  EventData,
  PhoneData,
  ProvisionedData,
  UserData,
} from '../../fixtures/models';

// Bad models decorate without complaint (decorators only record); compileSchema names the problem.

class NoTable {
  @PartitionKey() id!: string;
}

@Table({ name: 'ab' })
class ShortTableName {
  @PartitionKey() id!: string;
}

@Table({ name: 'bad name!' })
class BadCharacterTableName {
  @PartitionKey() id!: string;
}

@Table({ name: 'zero-capacity', provisioned: { readCapacityUnits: 0, writeCapacityUnits: 1 } })
class ZeroCapacity {
  @PartitionKey() id!: string;
}

@Table({ name: 'empty-table' })
class NoAttributes {}

@Table({ name: 'keyless-table' })
class NoPartitionKey {
  @Attribute() name!: string;
}

@Table({ name: 'two-partition-keys' })
class TwoPartitionKeys {
  @PartitionKey() first!: string;
  @PartitionKey() second!: string;
}

@Table({ name: 'two-sort-keys' })
class TwoSortKeys {
  @PartitionKey() id!: string;
  @SortKey() first!: number;
  @SortKey() second!: number;
}

@Table({ name: 'both-keys' })
class BothKeysOnOneProperty {
  @PartitionKey() @SortKey() id!: string;
}

@Table({ name: 'optional-partition-key' })
class OptionalPartitionKey {
  @PartitionKey() @Attribute({ optional: true }) id!: string;
}

@Table({ name: 'optional-sort-key' })
class OptionalSortKey {
  @PartitionKey() id!: string;
  @SortKey() @Attribute({ optional: true }) at!: number;
}

@Table({ name: 'boolean-key' })
class BooleanKey {
  @PartitionKey() id!: boolean;
}

@Table({ name: 'list-sort-key' })
class ListSortKey {
  @PartitionKey() id!: string;
  @SortKey() path!: string[];
}

@Table({ name: 'empty-categorical' })
class EmptyCategorical {
  @PartitionKey() id!: string;
  @Categorical([]) kind!: string;
}

@Table({ name: 'duplicated-categorical' })
class DuplicatedCategorical {
  @PartitionKey() id!: string;
  @Categorical(['A', 'B', 'A']) kind!: string;
}

@Table({ name: 'numeric-categorical' })
class NonStringCategoricalValue {
  @PartitionKey() id!: string;
  @Categorical(['A', 1 as unknown as string]) kind!: string;
}

@Table({ name: 'empty-string-categorical' })
class EmptyStringCategoricalValue {
  @PartitionKey() id!: string;
  @Categorical(['A', '']) kind!: string;
}

@Table({ name: 'number-categorical' })
class CategoricalOnNumber {
  @PartitionKey() id!: string;
  @Categorical(['1', '2']) level!: number;
}

@Table({ name: 'two-categoricals' })
class TwoCategoricalLists {
  @PartitionKey() id!: string;
  @Categorical(['A']) @Categorical(['B']) kind!: string;
}

@Table({ name: 'two-types' })
class TwoDeclaredTypes {
  @PartitionKey() id!: string;
  @Attribute({ type: 'number' }) @Attribute({ type: 'bigint' }) amount!: number;
}

// No decorator is written in this class body, so the compiler emits no design:type for it;
// applying the decorators by hand simulates a build without emitDecoratorMetadata.
class NoDesignType {
  id!: string;
  plain!: string;
}
Table({ name: 'no-design-type' })(NoDesignType);
PartitionKey({ type: 'string' })(NoDesignType.prototype, 'id');
Attribute()(NoDesignType.prototype, 'plain');

@Table({ name: 'untyped-set' })
class UntypedSet {
  @PartitionKey() id!: string;
  @Attribute() tags!: Set<string>;
}

class Address {
  street!: string;
}

@Table({ name: 'class-typed' })
class ClassTypedProperty {
  @PartitionKey() id!: string;
  @Attribute() address!: Address;
}

@Table({ name: 'unknown-type' })
class UnknownExplicitType {
  @PartitionKey() id!: string;
  @Attribute({ type: 'text' as never }) body!: string;
}

describe('compileSchema: SchemaError names the class and the property', () => {
  it.each<[string, ModelClass, string | undefined, RegExp]>([
    ['no @Table', NoTable, undefined, /no @Table: add @Table\(\{ name: "\.\.\." \}\)/],
    ['a table name too short', ShortTableName, undefined, /^@Table: name \(string\) must be 3 to 255 .*\(got "ab"\)/],
    [
      'a table name with bad characters',
      BadCharacterTableName,
      undefined,
      /^@Table: name \(string\) must be 3 to 255 .*\(got "bad name!"\)/,
    ],
    [
      'zero provisioned capacity',
      ZeroCapacity,
      undefined,
      /^@Table: provisioned \(object\) must be \{ readCapacityUnits, writeCapacityUnits \}, whole numbers of at least 1/,
    ],
    ['no attributes', NoAttributes, undefined, /no attributes/],
    ['no partition key', NoPartitionKey, undefined, /no partition key: mark one property with @PartitionKey\(\)/],
    ['two partition keys', TwoPartitionKeys, 'second', /a second @PartitionKey \(first is already the partition key\)/],
    ['two sort keys', TwoSortKeys, 'second', /a second @SortKey \(first is already the sort key\)/],
    ['a property that is both keys', BothKeysOnOneProperty, 'id', /cannot be both the partition key and the sort key/],
    ['an optional partition key', OptionalPartitionKey, 'id', /a partition key cannot be optional/],
    ['an optional sort key', OptionalSortKey, 'at', /a sort key cannot be optional/],
    [
      'a boolean partition key',
      BooleanKey,
      'id',
      /a partition key must be a string, number, bigint, Date or binary, not boolean/,
    ],
    ['a list sort key', ListSortKey, 'path', /a sort key must be .* not list/],
    ['an empty categorical list', EmptyCategorical, 'kind', /@Categorical needs at least one value/],
    ['a duplicated categorical value', DuplicatedCategorical, 'kind', /@Categorical lists "A" twice/],
    [
      'a non-string categorical value',
      NonStringCategoricalValue,
      'kind',
      /@Categorical values must be non-empty strings, got 1/,
    ],
    [
      'an empty categorical value',
      EmptyStringCategoricalValue,
      'kind',
      /@Categorical values must be non-empty strings, got ""/,
    ],
    ['a categorical number property', CategoricalOnNumber, 'level', /@Categorical needs a string property, not number/],
    ['two categorical lists', TwoCategoricalLists, 'kind', /has two @Categorical lists/],
    ['two declared types', TwoDeclaredTypes, 'amount', /declares two types: bigint and number/],
    [
      'no design:type',
      NoDesignType,
      'plain',
      /^cannot tell its type: no design:type was emitted for any property of NoDesignType\. Pass it: @Attribute\(\{ type \}\) on plain, type one of string, number, .*or turn on "emitDecoratorMetadata"/,
    ],
    [
      'a Set without an explicit type',
      UntypedSet,
      'tags',
      /^cannot tell its type: a Set\. Pass it: @Attribute\(\{ type \}\) on tags \('stringSet', 'numberSet' or 'binarySet'\)\.$/,
    ],
    [
      'a class-typed property',
      ClassTypedProperty,
      'address',
      /^cannot tell its type: of type Address, which maps to no DynamoDB type\. Pass it: @Attribute\(\{ type \}\) on address\.$/,
    ],
    [
      'an unknown explicit type',
      UnknownExplicitType,
      'body',
      /^@Attribute: type \(string\) must be one of "string", "number", .*"binarySet"\.$/,
    ],
  ])('%s', (_case, model, property, reason) => {
    let thrown: unknown;
    try {
      compileSchema(model);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(SchemaError);
    const error = thrown as SchemaError;
    expect(error).toBeInstanceOf(OrmError);
    expect(error.modelName).toBe(model.name);
    expect(error.property).toBe(property);
    expect(error.reason).toMatch(reason);
    const prefix = property === undefined ? `${model.name}: ` : `${model.name}.${property}: `;
    expect(error.message).toBe(prefix + error.reason);
  });

  it('throws again on the next use (a failed compilation is not cached)', () => {
    expect(() => compileSchema(TwoPartitionKeys)).toThrow(SchemaError);
    expect(() => compileSchema(TwoPartitionKeys)).toThrow(SchemaError);
  });

  it.each([[{}], [null], ['PhoneData'], [undefined]])('rejects %p as a model', (notAModel) => {
    expect(() => compileSchema(notAModel as unknown as ModelClass)).toThrow(SchemaError);
  });
});

describe('compileSchema: what it compiles', () => {
  it('compiles PhoneData', () => {
    const schema = compileSchema(PhoneData);
    expect(schema.model).toBe(PhoneData);
    expect(schema.modelName).toBe('PhoneData');
    expect(schema.tableName).toBe('phonebook-table');
    expect(schema.provisioned).toBeUndefined();
    expect(schema.attributes).toEqual([
      {
        name: 'person_id',
        storedName: 'person_id',
        onPrototype: false,
        type: 'number',
        optional: false,
        key: 'partition',
      },
      { name: 'name', storedName: 'name', onPrototype: false, type: 'string', optional: false },
      { name: 'phone_number', storedName: 'phone_number', onPrototype: false, type: 'string', optional: false },
      {
        name: 'relationship',
        storedName: 'relationship',
        onPrototype: false,
        type: 'string',
        optional: false,
        categorical: ['PARENT', 'SIBLING', 'FRIEND', 'COLLEAGUE', 'ACQUAINTANCE'],
      },
      { name: 'timestamp', storedName: 'timestamp', onPrototype: false, type: 'string', optional: false },
    ]);
    expect(schema.partitionKey.name).toBe('person_id');
    expect(schema.sortKey).toBeUndefined();
    expect(schema.keyAttributes.map((a) => a.name)).toEqual(['person_id']);
    expect(schema.attributeByName.get('relationship')).toBe(schema.attributes[3]);
    expect(schema.usesClassValidator).toBe(false);
  });

  it('compiles a composite key, partition key first', () => {
    const schema = compileSchema(EventData);
    expect(schema.partitionKey).toEqual({
      name: 'device_id',
      onPrototype: false,
      storedName: 'device_id',
      type: 'string',
      optional: false,
      key: 'partition',
    });
    expect(schema.sortKey).toEqual({
      name: 'at',
      storedName: 'at',
      onPrototype: false,
      type: 'number',
      optional: false,
      key: 'sort',
    });
    expect(schema.keyAttributes).toEqual([schema.partitionKey, schema.sortKey]);
  });

  it('infers every type of EdgeData', () => {
    const types = Object.fromEntries(compileSchema(EdgeData).attributes.map((a) => [a.name, [a.type, a.optional]]));
    expect(types).toEqual({
      id: ['string', false],
      name: ['string', false],
      status: ['string', false],
      'first-name': ['string', false],
      'a.b': ['string', false],
      'x y': ['string', false],
      count: ['number', true],
      big: ['bigint', true],
      flag: ['boolean', true],
      when: ['date', true],
      bytes: ['binary', true],
      list: ['list', true],
      map: ['map', true],
      tags: ['stringSet', true],
      scores: ['numberSet', true],
      data_source: ['string', true],
    });
  });

  it('lets an explicit type win over design:type, and reads Buffer as binary', () => {
    @Table({ name: 'explicit-types' })
    class ExplicitTypes {
      @PartitionKey({ type: 'bigint' }) id!: number;
      @Attribute() blob!: Buffer;
      @Attribute({ type: 'binarySet' }) blobs!: Set<Uint8Array>;
    }
    expect(compileSchema(ExplicitTypes).attributes.map((a) => a.type)).toEqual(['bigint', 'binary', 'binarySet']);
  });

  it('records the provisioned capacity', () => {
    expect(compileSchema(ProvisionedData).provisioned).toEqual({ readCapacityUnits: 5, writeCapacityUnits: 3 });
  });

  it('notes models that carry class-validator decorators', () => {
    expect(compileSchema(UserData).usesClassValidator).toBe(true);
    expect(compileSchema(AccountData).usesClassValidator).toBe(true);
    expect(compileSchema(StatusLike).usesClassValidator).toBe(false);
  });
});

@Table({ name: 'status-like' })
class StatusLike {
  @PartitionKey() id!: string;
}

describe('compileSchema: once, frozen', () => {
  it('returns the same object every time', () => {
    expect(compileSchema(PhoneData)).toBe(compileSchema(PhoneData));
  });

  it('freezes the schema and everything in it', () => {
    const schema = compileSchema(ProvisionedData);
    expect(Object.isFrozen(schema)).toBe(true);
    expect(Object.isFrozen(schema.attributes)).toBe(true);
    expect(Object.isFrozen(schema.keyAttributes)).toBe(true);
    expect(Object.isFrozen(schema.provisioned)).toBe(true);
    for (const attribute of schema.attributes) expect(Object.isFrozen(attribute)).toBe(true);
    const categorical = compileSchema(PhoneData).attributeByName.get('relationship')!;
    expect(Object.isFrozen(categorical.categorical)).toBe(true);
    expect(() => {
      (schema as { tableName: string }).tableName = 'other';
    }).toThrow(TypeError);
  });

  it('freezes a copy of the categorical list, not the declaration', () => {
    const declared = ownAttributeDeclarations(PhoneData).find((d) => d.property === 'relationship')!.categorical;
    const compiled = compileSchema(PhoneData).attributeByName.get('relationship')!.categorical;
    expect(compiled).toEqual(declared);
    expect(compiled).not.toBe(declared);
    expect(Object.isFrozen(declared)).toBe(false);
  });
});

describe('compileSchema: inheritance', () => {
  it('gives a subclass the base attributes first, then its own', () => {
    const schema = compileSchema(DerivedRecord);
    expect(schema.tableName).toBe('derived-table');
    expect(schema.attributes.map((a) => a.name)).toEqual(['id', 'created', 'extra']);
    expect(schema.partitionKey.name).toBe('id');
    expect(schema.attributeByName.get('extra')?.type).toBe('number');
  });

  it("leaves the parent's schema as it was", () => {
    const before = compileSchema(BaseRecord);
    compileSchema(DerivedRecord);
    compileSchema(Redeclaring);
    expect(compileSchema(BaseRecord)).toBe(before);
    expect(before.tableName).toBe('base-table');
    expect(before.attributes).toEqual([
      { name: 'id', storedName: 'id', onPrototype: false, type: 'string', optional: false, key: 'partition' },
      { name: 'created', storedName: 'created', onPrototype: false, type: 'string', optional: false },
    ]);
  });

  it("replaces the parent's declaration of a property the subclass redeclares", () => {
    const created = compileSchema(Redeclaring).attributeByName.get('created');
    expect(created).toEqual({
      name: 'created',
      storedName: 'created',
      onPrototype: false,
      storage: 'iso',
      type: 'date',
      optional: true,
    });
    expect(compileSchema(Redeclaring).attributes.map((a) => a.name)).toEqual(['id', 'extra', 'created']);
  });

  it('inherits the @Table of a parent when the subclass has none', () => {
    class Undecorated extends BaseRecord {
      @Attribute() more!: boolean;
    }
    const schema = compileSchema(Undecorated);
    expect(schema.modelName).toBe('Undecorated');
    expect(schema.tableName).toBe('base-table');
    expect(schema.attributes.map((a) => a.name)).toEqual(['id', 'created', 'more']);
  });

  it('fails when a subclass takes away the partition key by redeclaring it', () => {
    class Keyless extends BaseRecord {
      @Attribute() override id: string = '';
    }
    expect(() => compileSchema(Keyless)).toThrow(/Keyless: no partition key/);
  });
});

@Table({ name: 'redeclaring-table' })
class Redeclaring extends DerivedRecord {
  @Attribute({ type: 'date', optional: true }) override created: string = '';
}
