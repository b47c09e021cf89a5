import { Attribute, GlobalIndex, PartitionKey, SchemaError, SortKey, Table, Ttl } from '../../../lib';
import { compileSchema } from '../../../lib/schema/compileSchema';
import { mergeTableSchemas } from '../../../lib/schema/mergeTableSchemas';
import { tableDefinition } from '../../../lib/requests/tableDefinition';
import { ShopLineItem, ShopOrder, ShopUser } from '../../fixtures/shop';
import { captureSyncError } from '../captureError';

describe('entities and templates in the compiled schema', () => {
  it('records the entity under _entity unless entityAttribute names another', () => {
    @Table({ name: 'app', entity: 'Thing', entityAttribute: 'kind' })
    class Thing {
      @PartitionKey() id!: string;
    }
    expect(compileSchema(ShopUser).entity).toEqual({ name: 'User', storedName: '_entity' });
    expect(compileSchema(Thing).entity).toEqual({ name: 'Thing', storedName: 'kind' });
  });

  it('names as the id the parts of templated keys, each once', () => {
    expect(compileSchema(ShopOrder).idAttributes.map((attribute) => attribute.name)).toEqual([
      'user_id',
      'placed_at',
      'order_id',
    ]);
    expect(compileSchema(ShopUser).idAttributes.map((attribute) => attribute.name)).toEqual(['user_id']);
  });

  it.each<[string, () => unknown, RegExp]>([
    [
      'entityAttribute without entity',
      () => {
        @Table({ name: 'app', entityAttribute: 'kind' })
        class NoEntity {
          @PartitionKey() id!: string;
        }
        return NoEntity;
      },
      /entityAttribute .* needs entity/,
    ],
    [
      'an attribute stored where the entity is',
      () => {
        @Table({ name: 'app', entity: 'Clash' })
        class Clash {
          @PartitionKey() id!: string;
          @Attribute({ name: '_entity' }) kind!: string;
        }
        return Clash;
      },
      /Clash\.kind: is stored as "_entity"/,
    ],
    [
      'a template naming an unknown attribute',
      () => {
        @Table({ name: 'app', entity: 'Unknown' })
        class Unknown {
          @PartitionKey({ template: 'USER#{usr_id}' }) pk!: string;
          @Attribute() user_id!: string;
        }
        return Unknown;
      },
      /Unknown\.pk: template "USER#\{usr_id\}" names usr_id, which is not a declared attribute/,
    ],
    [
      'two parts with no text between them',
      () => {
        @Table({ name: 'app', entity: 'Adjacent' })
        class Adjacent {
          @PartitionKey({ template: '{a}{b}' }) pk!: string;
          @Attribute() a!: string;
          @Attribute() b!: string;
        }
        return Adjacent;
      },
      /two parts with no text between them/,
    ],
    [
      'an unclosed part',
      () => {
        @Table({ name: 'app', entity: 'Open' })
        class Open {
          @PartitionKey({ template: 'USER#{user_id' }) pk!: string;
          @Attribute() user_id!: string;
        }
        return Open;
      },
      /has a \{ without its \}/,
    ],
    [
      'a key template naming an optional attribute',
      () => {
        @Table({ name: 'app', entity: 'Optional' })
        class Optional {
          @PartitionKey({ template: 'USER#{user_id}' }) pk!: string;
          @Attribute({ optional: true }) user_id?: string;
        }
        return Optional;
      },
      /names user_id, which is optional: a key is always written/,
    ],
    [
      'a template on a number',
      () => {
        @Table({ name: 'app', entity: 'Numeric' })
        class Numeric {
          @PartitionKey({ type: 'number', template: '{n}' }) pk!: number;
          @Attribute() n!: number;
        }
        return Numeric;
      },
      /makes a string, but the attribute is number/,
    ],
    [
      'a Date part followed by a character a date holds',
      () => {
        @Table({ name: 'app', entity: 'Dated' })
        class Dated {
          @PartitionKey({ template: 'AT#{at}-x' }) pk!: string;
          @Attribute() at!: Date;
        }
        return Dated;
      },
      /follows the Date at with "-"/,
    ],
  ])('refuses %s with a SchemaError', (_, define, message) => {
    const error = captureSyncError(() => compileSchema(define() as new () => object));
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as Error).message).toMatch(message);
  });
});

describe('mergeTableSchemas', () => {
  it('merges the keys and the indexes of the models of one table', () => {
    const merged = mergeTableSchemas([compileSchema(ShopUser), compileSchema(ShopOrder), compileSchema(ShopLineItem)]);
    const definition = tableDefinition(merged, 'shop');
    expect(definition.KeySchema).toEqual([
      { AttributeName: 'pk', KeyType: 'HASH' },
      { AttributeName: 'sk', KeyType: 'RANGE' },
    ]);
    expect(definition.AttributeDefinitions).toEqual([
      { AttributeName: 'pk', AttributeType: 'S' },
      { AttributeName: 'sk', AttributeType: 'S' },
      { AttributeName: 'gsi1pk', AttributeType: 'S' },
    ]);
    expect(definition.GlobalSecondaryIndexes).toHaveLength(1);
    // each model projects its entity attribute, so the index holds what either needs
    expect(merged.indexes.get('byOrder')?.storedProjection).toBe('ALL');
  });

  it('keeps the one stream of the table, and refuses two models asking for different ones', () => {
    @Table({ name: 'streamed', entity: 'S', stream: 'NEW_IMAGE' })
    class S {
      @PartitionKey() pk!: string;
    }
    @Table({ name: 'streamed', entity: 'Plain' })
    class Plain {
      @PartitionKey() pk!: string;
    }
    @Table({ name: 'streamed', entity: 'Keys', stream: 'KEYS_ONLY' })
    class Keys {
      @PartitionKey() pk!: string;
    }
    expect(mergeTableSchemas([compileSchema(Plain), compileSchema(S)]).stream).toBe('NEW_IMAGE');
    const error = captureSyncError(() => mergeTableSchemas([compileSchema(S), compileSchema(Keys)]));
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as Error).message).toMatch(
      /Keys: shares its table with S but declares a KEYS_ONLY stream, where another model declares NEW_IMAGE/,
    );
  });

  @Table({ name: 'app', entity: 'A' })
  class A {
    @PartitionKey() pk!: string;
    @SortKey() sk!: string;
    @Attribute() @GlobalIndex('byX') x!: string;
    @Ttl() expires_at?: Date;
  }

  it.each<[string, () => new () => object, RegExp]>([
    [
      'another key',
      () => {
        @Table({ name: 'app', entity: 'B' })
        class B {
          @PartitionKey() id!: string;
          @SortKey() sk!: string;
        }
        return B;
      },
      /B: shares its table with A but has the keys \(id S, sk S\) where it has \(pk S, sk S\)/,
    ],
    [
      'an index of the same name on other keys',
      () => {
        @Table({ name: 'app', entity: 'B' })
        class B {
          @PartitionKey() pk!: string;
          @SortKey() sk!: string;
          @Attribute() @GlobalIndex('byX') y!: string;
        }
        return B;
      },
      /declares the global index byX with keys \(y S\), another model \(x S\)/,
    ],
    [
      'a key attribute of another type',
      () => {
        @Table({ name: 'app', entity: 'B' })
        class B {
          @PartitionKey() pk!: string;
          @SortKey() sk!: string;
          @Attribute() @GlobalIndex('byNumber') x!: number;
        }
        return B;
      },
      /B\.x: is the key attribute x of type N, which A declares of type S/,
    ],
    [
      'another TTL attribute',
      () => {
        @Table({ name: 'app', entity: 'B' })
        class B {
          @PartitionKey() pk!: string;
          @SortKey() sk!: string;
          @Ttl() gone_at?: Date;
        }
        return B;
      },
      /keeps its TTL in gone_at/,
    ],
    [
      'the same entity name',
      () => {
        @Table({ name: 'app', entity: 'A' })
        class B {
          @PartitionKey() pk!: string;
          @SortKey() sk!: string;
        }
        return B;
      },
      /B: has the entity name A of A/,
    ],
    [
      'no entity',
      () => {
        @Table({ name: 'app' })
        class B {
          @PartitionKey() pk!: string;
          @SortKey() sk!: string;
        }
        return B;
      },
      /B: shares its table with other models but declares no entity/,
    ],
  ])('refuses a model with %s', (_, define, message) => {
    const error = captureSyncError(() => mergeTableSchemas([compileSchema(A), compileSchema(define())]));
    expect(error).toBeInstanceOf(SchemaError);
    expect((error as Error).message).toMatch(message);
  });
});
