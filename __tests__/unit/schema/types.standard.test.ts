import {
  Attribute,
  Categorical,
  CreatedAt,
  GlobalIndex,
  LocalIndex,
  PartitionKey,
  SortKey,
  Table,
  Ttl,
  UpdatedAt,
  Version,
  enumsOf,
} from '../../../lib';
import type { ModelClass } from '../../../lib/schema/CompiledSchema';
import { compileSchema } from '../../../lib/schema/compileSchema';
import { schemaErrorOf } from '../decorators/misuseCases';

// Standard decorators (swc, decoratorVersion 2022-03, no metadata): the mirror of types.test.ts and
// of compileSchema.test.ts's inheritance tests. No design:type exists here: every type is given or
// implied by its decorator.

const typesOf = (model: ModelClass) =>
  Object.fromEntries(compileSchema(model).attributes.map((attribute) => [attribute.name, attribute.type]));

describe('types under standard decorators', () => {
  it('takes every type from the type option, keys included', () => {
    @Table({ name: 'types-table' })
    class Explicit {
      @PartitionKey({ type: 'bigint' }) id!: bigint;
      @SortKey({ type: 'date' }) at!: Date;
      @Attribute({ type: 'string' }) name!: string;
      @Attribute({ type: 'number' }) count!: number;
      @Attribute({ type: 'boolean' }) flag!: boolean;
      @Attribute({ type: 'binary' }) bytes!: Uint8Array;
      @Attribute({ type: 'list' }) items!: string[];
      @Attribute({ type: 'map' }) profile!: Record<string, unknown>;
      @Attribute({ type: 'stringSet' }) tags!: Set<string>;
      @Attribute({ type: 'numberSet' }) scores!: Set<number>;
      @Attribute({ type: 'binarySet' }) blobs!: Set<Uint8Array>;
    }
    expect(typesOf(Explicit)).toEqual({
      id: 'bigint',
      at: 'date',
      name: 'string',
      count: 'number',
      flag: 'boolean',
      bytes: 'binary',
      items: 'list',
      profile: 'map',
      tags: 'stringSet',
      scores: 'numberSet',
      blobs: 'binarySet',
    });
  });

  it('is implied by @Categorical, @Version, @CreatedAt, @UpdatedAt and @Ttl, unless given', () => {
    @Table({ name: 'types-table' })
    class Implied {
      @PartitionKey({ type: 'string' }) id!: string;
      @Categorical(['LOW', 'HIGH']) level!: 'LOW' | 'HIGH';
      @Version() version!: number;
      @CreatedAt() created!: Date;
      @UpdatedAt() updated!: Date;
      @Ttl() expires?: Date;
    }
    @Table({ name: 'types-table' })
    class Given {
      @PartitionKey({ type: 'string' }) id!: string;
      @CreatedAt({ type: 'string' }) created!: string;
      @UpdatedAt({ type: 'number' }) updated!: number;
      @Ttl({ type: 'number' }) expires?: number;
    }
    expect(typesOf(Implied)).toEqual({
      id: 'string',
      level: 'string',
      version: 'number',
      created: 'date',
      updated: 'date',
      expires: 'date',
    });
    expect(typesOf(Given)).toEqual({ id: 'string', created: 'string', updated: 'number', expires: 'number' });
    expect(compileSchema(Implied).version?.name).toBe('version');
    expect(compileSchema(Implied).ttl?.name).toBe('expires');
  });

  it('refuses a given type that contradicts the decorator', () => {
    @Table({ name: 'types-table' })
    class StringVersion {
      @PartitionKey({ type: 'string' }) id!: string;
      @Version({ type: 'string' }) version!: string;
    }
    expect(schemaErrorOf(StringVersion)).toEqual({
      property: 'version',
      reason: '@Version needs a number property, not string.',
    });
  });

  it('lists every untyped property in one SchemaError, saying standard decorators emit no type metadata', () => {
    delete process.env['VITEST'];
    @Table({ name: 'types-table' })
    class Untyped {
      @PartitionKey() id!: number;
      @SortKey() at!: string;
      @Attribute() name!: string;
      @Attribute({ optional: true }) note?: string;
      @GlobalIndex('byOwner') owner!: string;
      @Categorical(['A']) kind!: string;
      @Version() version!: number;
    }
    expect(schemaErrorOf(Untyped)).toEqual({
      property: undefined,
      reason:
        'cannot tell the type of id, at, name, note and owner: standard decorators emit no type metadata. ' +
        'Pass it: @PartitionKey({ type }) on id, @SortKey({ type }) on at, @Attribute({ type }) on name, note and owner, ' +
        'type one of string, number, bigint, boolean, date, binary, list, map, stringSet, numberSet, binarySet ' +
        "(@Categorical implies 'string', @Version 'number', @CreatedAt, @UpdatedAt and @Ttl 'date').",
    });
  });

  it('names the one untyped property as the error property', () => {
    @Table({ name: 'types-table' })
    class OneUntyped {
      @PartitionKey({ type: 'string' }) id!: string;
      @Attribute() name!: string;
    }
    const { property, reason } = schemaErrorOf(OneUntyped);
    expect(property).toBe('name');
    expect(reason).toMatch(
      /^cannot tell its type: standard decorators emit no type metadata\. Pass it: @Attribute\(\{ type \}\) on name, /,
    );
    expect(reason).not.toMatch(/emitDecoratorMetadata/);
  });
});

@Table({ name: 'base-table' })
class Base {
  @PartitionKey({ type: 'string' }) id!: string;
  @Attribute({ type: 'string' }) created!: string;
  @Categorical(['A', 'B']) @GlobalIndex('byKind') kind!: string;
}

@Table({ name: 'derived-table' })
class Derived extends Base {
  @Attribute({ type: 'number' }) extra!: number;
}

@Table({ name: 'redeclaring-table' })
class Redeclaring extends Derived {
  @Attribute({ type: 'date', optional: true }) override created: string = '';
}

class Undecorated extends Base {}

@Table({ name: 'sorted-table' })
class Sorted {
  @PartitionKey({ type: 'string' }) id!: string;
  @SortKey({ type: 'number' }) at!: number;
}

class WithLocalIndex extends Sorted {
  @LocalIndex('byLabel') @Attribute({ type: 'string' }) label!: string;
}

describe('inheritance under standard decorators', () => {
  it("gives a subclass its parent's attributes and indexes, then its own", () => {
    const schema = compileSchema(Derived);
    expect(schema.tableName).toBe('derived-table');
    expect(schema.attributes.map((a) => a.name)).toEqual(['id', 'created', 'kind', 'extra']);
    expect(schema.partitionKey.name).toBe('id');
    expect([...schema.indexes.keys()]).toEqual(['byKind']);
    expect(enumsOf(Derived).Kind).toEqual({ A: 'A', B: 'B' });
  });

  it("replaces the parent's declaration of a property the subclass redeclares, and leaves the parent alone", () => {
    expect(compileSchema(Redeclaring).attributeByName.get('created')).toEqual({
      name: 'created',
      storedName: 'created',
      onPrototype: false,
      storage: 'iso',
      type: 'date',
      optional: true,
    });
    expect(compileSchema(Redeclaring).attributes.map((a) => a.name)).toEqual(['id', 'kind', 'extra', 'created']);
    expect(compileSchema(Base).attributeByName.get('created')?.type).toBe('string');
    expect(compileSchema(Base).attributes.map((a) => a.name)).toEqual(['id', 'created', 'kind']);
  });

  it('reads a subclass without decorators (and without its own metadata object) as its parent', () => {
    const schema = compileSchema(Undecorated);
    expect(schema.modelName).toBe('Undecorated');
    expect(schema.tableName).toBe('base-table');
    expect(schema.attributes.map((a) => a.name)).toEqual(['id', 'created', 'kind']);
    expect([...schema.indexes.keys()]).toEqual(['byKind']);
  });

  it("inherits @Table and adds a local index on the parent's keys", () => {
    const schema = compileSchema(WithLocalIndex);
    expect(schema.tableName).toBe('sorted-table');
    expect(schema.indexes.get('byLabel')).toMatchObject({ kind: 'local', sortKey: { name: 'label' } });
    expect(compileSchema(Sorted).indexes.size).toBe(0);
  });
});
