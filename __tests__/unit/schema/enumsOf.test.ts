import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Attribute, Categorical, enumsOf, PartitionKey, Repository, SchemaError, Table } from '../../../lib';
import type { ModelClass } from '../../../lib/schema/CompiledSchema';
import { compileSchema } from '../../../lib/schema/compileSchema';
import { captureSyncError } from '../captureError';
import { EdgeData, PhoneData, RELATIONSHIPS, StatusData } from '../../fixtures/models';

const client = new DynamoDBClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9' });

@Table({ name: 'colliding-names' })
class CollidingAttributeNames {
  @PartitionKey() userId!: string;
  @Attribute() user_id!: string;
}

@Table({ name: 'colliding-values' })
class CollidingCategoricalValues {
  @PartitionKey() id!: string;
  @Categorical(['in-progress', 'IN_PROGRESS']) state!: string;
}

@Table({ name: 'punctuation-value' })
class PunctuationOnlyCategoricalValue {
  @PartitionKey() id!: string;
  @Categorical(['OK', '--']) state!: string;
}

@Table({ name: 'two-data-sources' })
class TwoDataSources {
  @PartitionKey() id!: string;
  @Categorical(['A']) data_source!: string;
  @Categorical(['B']) dataSource!: string;
}

@Table({ name: 'same-enum-name' })
class SameEnumName {
  @PartitionKey() id!: string;
  @Categorical(['A']) level2!: string;
  @Categorical(['B']) level_2!: string;
}

@Table({ name: 'categorical-attribute' })
class CategoricalNamedAttribute {
  @PartitionKey() id!: string;
  @Categorical(['A', 'B']) attribute!: string;
}

@Table({ name: 'underscore-attribute' })
class UnderscoreAttribute {
  @PartitionKey() id!: string;
  @Attribute() _!: string;
}

@Table({ name: 'many-clashes' })
class ManyClashes {
  @PartitionKey() userId!: string;
  @Attribute() user_id!: string;
  @Categorical(['in-progress', 'IN_PROGRESS']) state!: string;
}

describe('enumsOf', () => {
  it('gives PhoneData exactly Attribute and Relationship', () => {
    expect(enumsOf(PhoneData)).toEqual({
      Attribute: {
        PERSON_ID: 'person_id',
        NAME: 'name',
        PHONE_NUMBER: 'phone_number',
        RELATIONSHIP: 'relationship',
        TIMESTAMP: 'timestamp',
      },
      Relationship: {
        PARENT: 'PARENT',
        SIBLING: 'SIBLING',
        FRIEND: 'FRIEND',
        COLLEAGUE: 'COLLEAGUE',
        ACQUAINTANCE: 'ACQUAINTANCE',
      },
    });
    expect(Object.keys(enumsOf(PhoneData))).toEqual(['Attribute', 'Relationship']);
    expect(Object.values(enumsOf(PhoneData).Relationship)).toEqual([...RELATIONSHIPS]);
  });

  it('names a multi-word categorical enum in PascalCase and odd attribute names in UPPER_SNAKE', () => {
    const enums = enumsOf(EdgeData);
    expect(Object.keys(enums)).toEqual(['Attribute', 'DataSource']);
    expect(enums.DataSource).toEqual({ LOW: 'LOW', HIGH: 'HIGH' });
    expect(enums.Attribute).toMatchObject({
      STATUS: 'status',
      FIRST_NAME: 'first-name',
      A_B: 'a.b',
      X_Y: 'x y',
      DATA_SOURCE: 'data_source',
    });
    expect(Object.keys(enums.Attribute)).toHaveLength(compileSchema(EdgeData).attributes.length);
  });

  it('keys categorical values by UPPER_SNAKE and keeps the values as declared', () => {
    @Table({ name: 'steps-table' })
    class StepData {
      @PartitionKey() id!: string;
      @Categorical(['in-progress', 'done', 'on hold']) step!: string;
    }
    expect(enumsOf(StepData).Step).toEqual({ IN_PROGRESS: 'in-progress', DONE: 'done', ON_HOLD: 'on hold' });
    expect(enumsOf(StatusData).Status.IN_PROGRESS).toBe('IN_PROGRESS');
  });

  it('is deeply frozen', () => {
    const enums = enumsOf(PhoneData);
    expect(Object.isFrozen(enums)).toBe(true);
    for (const inner of Object.values(enums)) expect(Object.isFrozen(inner)).toBe(true);
    // test modules are strict: writing to a frozen object throws
    expect(() => {
      (enums.Attribute as Record<string, string>).PERSON_ID = 'other';
    }).toThrow(TypeError);
    expect(() => {
      (enums.Relationship as Record<string, string>).ENEMY = 'ENEMY';
    }).toThrow(TypeError);
    expect(() => {
      (enums as Record<string, unknown>).Relationship = {};
    }).toThrow(TypeError);
    expect(() => {
      delete (enums.Relationship as Record<string, string>).FRIEND;
    }).toThrow(TypeError);
    expect(enums.Relationship.FRIEND).toBe('FRIEND');
  });

  it('is the same object on every call, and the one a repository exposes', () => {
    expect(enumsOf(PhoneData)).toBe(enumsOf(PhoneData));
    const repo = new Repository(PhoneData, { client });
    expect(repo.enums).toBe(enumsOf(PhoneData));
    expect(repo.enums).toEqual(enumsOf(PhoneData));
  });

  // Bug (see names.test.ts): caseless letters count as punctuation, so this model does not compile.
  it('accepts attribute names written in a script without case', () => {
    @Table({ name: 'japanese-table' })
    class JapaneseData {
      @PartitionKey() id!: string;
      @Attribute() 名前!: string;
    }
    expect(enumsOf(JapaneseData).Attribute).toEqual({ ID: 'id', 名前: '名前' });
  });

  it('throws SchemaError for an inconsistent model', () => {
    @Table({ name: 'no-key-table' })
    class NoKey {
      @Attribute() name!: string;
    }
    expect(() => enumsOf(NoKey)).toThrow(SchemaError);
  });
});

describe('enumsOf: a clash of enum names fails enumsOf alone, naming both sides', () => {
  it.each<[string, ModelClass, string | undefined, string]>([
    [
      'userId and user_id',
      CollidingAttributeNames,
      'user_id',
      'attributes userId and user_id give the same enum key USER_ID in enumsOf(CollidingAttributeNames).Attribute.',
    ],
    [
      'an attribute named _',
      UnderscoreAttribute,
      '_',
      'attribute _ has no letter or digit to make an enum key from in enumsOf(UnderscoreAttribute).Attribute.',
    ],
    [
      "'in-progress' and 'IN_PROGRESS'",
      CollidingCategoricalValues,
      'state',
      '@Categorical values "in-progress" and "IN_PROGRESS" give the same enum key IN_PROGRESS in enumsOf(CollidingCategoricalValues).State.',
    ],
    [
      'a categorical value with no letter or digit',
      PunctuationOnlyCategoricalValue,
      'state',
      '@Categorical value "--" has no letter or digit to make an enum key from in enumsOf(PunctuationOnlyCategoricalValue).State.',
    ],
    [
      'data_source and dataSource',
      TwoDataSources,
      undefined,
      '2 names clash in enumsOf(TwoDataSources): ' +
        'dataSource: attributes data_source and dataSource give the same enum key DATA_SOURCE in enumsOf(TwoDataSources).Attribute. ' +
        'dataSource: categorical attribute dataSource gives the enum name DataSource, taken by categorical attribute data_source, in enumsOf(TwoDataSources).',
    ],
    [
      'level2 and level_2 (one enum name)',
      SameEnumName,
      'level_2',
      'categorical attribute level_2 gives the enum name Level2, taken by categorical attribute level2, in enumsOf(SameEnumName).',
    ],
    [
      'a categorical attribute named attribute',
      CategoricalNamedAttribute,
      'attribute',
      'categorical attribute attribute gives the enum name Attribute, taken by the enum of attribute names, in enumsOf(CategoricalNamedAttribute).',
    ],
    [
      'several clashes at once',
      ManyClashes,
      undefined,
      '2 names clash in enumsOf(ManyClashes): ' +
        'user_id: attributes userId and user_id give the same enum key USER_ID in enumsOf(ManyClashes).Attribute. ' +
        'state: @Categorical values "in-progress" and "IN_PROGRESS" give the same enum key IN_PROGRESS in enumsOf(ManyClashes).State.',
    ],
  ])('%s', (_case, model, property, reason) => {
    // the model itself compiles, and a repository is built without touching the enums
    expect(() => compileSchema(model)).not.toThrow();
    const repo = new Repository(model, { client });
    const error = captureSyncError(() => enumsOf(model));
    expect(error).toBeInstanceOf(SchemaError);
    expect(error).toMatchObject({ modelName: model.name, property, reason });
    expect((error as SchemaError).message).toBe(
      `${property === undefined ? model.name : `${model.name}.${property}`}: ${reason}`,
    );
    // the same error from repo.enums, every time: a failure is not cached
    expect(() => repo.enums).toThrow(reason);
    expect(() => enumsOf(model)).toThrow(reason);
  });

  it('builds the enums on first use and caches them', () => {
    @Table({ name: 'lazy-enums' })
    class LazyEnums {
      @PartitionKey() id!: string;
      @Categorical(['A']) kind!: string;
    }
    const repo = new Repository(LazyEnums, { client });
    const first = repo.enums;
    expect(first).toEqual({ Attribute: { ID: 'id', KIND: 'kind' }, Kind: { A: 'A' } });
    expect(repo.enums).toBe(first);
    expect(enumsOf(LazyEnums)).toBe(first);
  });
});

// Compile-time checks (`npx tsc -p tsconfig.json`): with `as const`, enum members have literal types.
const PhoneEnums = enumsOf(PhoneData);
const personId: 'person_id' = PhoneEnums.Attribute.PERSON_ID;
const phoneNumber: 'phone_number' = PhoneEnums.Attribute.PHONE_NUMBER;
const friend: 'FRIEND' = PhoneEnums.Relationship.FRIEND;
const inProgress: 'IN_PROGRESS' = enumsOf(StatusData).Status.IN_PROGRESS;
const firstName: 'first-name' = enumsOf(EdgeData).Attribute.FIRST_NAME;
const dataSource: 'data_source' = enumsOf(EdgeData).Attribute.DATA_SOURCE;
// `data_source` is typed `string`, not a literal union: its enum is a string record, maybe absent.
const low: string | undefined = enumsOf(EdgeData).DataSource?.LOW;
// @ts-expect-error a relationship value is not assignable to another literal
const notFriend: 'PARENT' = PhoneEnums.Relationship.FRIEND;
// @ts-expect-error a misspelt attribute is a compile error
const typoAttribute: unknown = PhoneEnums.Attribute.PERSONID;
// @ts-expect-error a value outside the categorical list is a compile error
const typoValue: unknown = PhoneEnums.Relationship.ENEMY;

it('has literal enum types (checked by tsc)', () => {
  expect([typoAttribute, typoValue]).toEqual([undefined, undefined]);
  expect([personId, phoneNumber, friend, inProgress, firstName, dataSource, low, notFriend]).toEqual([
    'person_id',
    'phone_number',
    'FRIEND',
    'IN_PROGRESS',
    'first-name',
    'data_source',
    'LOW',
    'FRIEND',
  ]);
});
