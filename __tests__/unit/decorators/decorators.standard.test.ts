import { Attribute, Categorical, GlobalIndex, LocalIndex, PartitionKey, SortKey, Table, Version } from '../../../lib';
import { ownAttributeDeclarations, ownIndexDeclarations, tableDeclaration } from '../../../lib/metadata/store';
import { BaseRecord, DerivedRecord, PhoneData } from '../../fixtures/models.standard';

// Standard decorators (swc, decoratorVersion 2022-03): the mirror of decorators.test.ts. A field
// decorator never sees the class: it records into context.metadata, which the emitter stores as
// the class's Symbol.metadata.

const metadataOf = (model: object): object => (model as Record<symbol, object>)[Symbol.for('Symbol.metadata')]!;

describe('standard decorators record their arguments, nothing else', () => {
  it('records each property declaration as written, in the class metadata object', () => {
    class Model {
      @PartitionKey({ type: 'string' }) id!: string;
      @SortKey({ type: 'number' }) at!: number;
      @Attribute({ optional: true }) note?: string;
      @Categorical(['A', 'B'] as const, { optional: true }) grade?: string;
    }
    expect(ownAttributeDeclarations(Model)).toEqual([
      { property: 'id', decorator: '@PartitionKey', key: 'partition', options: { type: 'string' } },
      { property: 'at', decorator: '@SortKey', key: 'sort', options: { type: 'number' } },
      { property: 'note', decorator: '@Attribute', options: { optional: true } },
      { property: 'grade', decorator: '@Categorical', options: { optional: true }, categorical: ['A', 'B'] },
    ]);
    expect(Object.keys(metadataOf(Model))).toEqual(['dynamodb-decorators:attributes']);
  });

  it('does not check anything: an inconsistent model decorates without throwing', () => {
    expect(() => {
      class Broken {
        @PartitionKey() a!: boolean;
        @PartitionKey() b!: string;
        @Categorical([]) c!: number;
        @Attribute({ type: 'nonsense' as never }) d!: Set<string>;
      }
      return Broken;
    }).not.toThrow();
  });

  it('copies the categorical list, so later changes to the caller array do not leak in', () => {
    const values = ['X', 'Y'];
    class Model {
      @Categorical(values) kind!: string;
    }
    values.push('Z');
    expect(ownAttributeDeclarations(Model)[0]?.categorical).toEqual(['X', 'Y']);
  });

  it('records stacked decorators on one property as separate declarations, inner first', () => {
    class Model {
      @Attribute({ optional: true }) @Categorical(['ON']) mode?: string;
    }
    expect(ownAttributeDeclarations(Model)).toEqual([
      { property: 'mode', decorator: '@Categorical', categorical: ['ON'] },
      { property: 'mode', decorator: '@Attribute', options: { optional: true } },
    ]);
  });

  it('records declarations per class: a subclass does not push into its parent', () => {
    expect(ownAttributeDeclarations(BaseRecord).map((d) => d.property)).toEqual(['id', 'created']);
    expect(ownAttributeDeclarations(DerivedRecord).map((d) => d.property)).toEqual(['extra']);
    expect(Object.getPrototypeOf(metadataOf(DerivedRecord))).toBe(metadataOf(BaseRecord));
  });

  it('records @Table options, and index declarations on a property and on the class', () => {
    @GlobalIndex('byOwner', { partitionKey: 'owner' })
    @Table({ name: 'indexed-table' })
    class Indexed {
      @PartitionKey({ type: 'string' }) id!: string;
      @SortKey({ type: 'number' }) at!: number;
      @LocalIndex('byLabel') label!: string;
      @Attribute({ type: 'string' }) owner!: string;
    }
    expect(tableDeclaration(PhoneData)).toEqual({ options: { name: 'phonebook-table' } });
    expect(tableDeclaration(Indexed)).toEqual({ options: { name: 'indexed-table' } });
    expect(ownIndexDeclarations(Indexed)).toEqual([
      { kind: 'local', name: 'byLabel', property: 'label' },
      { kind: 'global', name: 'byOwner', options: { partitionKey: 'owner' } },
    ]);
  });

  it('copies the @Table options object', () => {
    const options = { name: 'copied-table' };
    @Table(options)
    class Model {}
    options.name = 'changed';
    expect(tableDeclaration(Model)).toEqual({ options: { name: 'copied-table' } });
  });

  it('leaves the class and its field initializers as they were', () => {
    const Decorated = Table({ name: 'kept-table' });
    @Decorated
    class Model {
      @Attribute({ type: 'string' }) label = 'initial';
      @Version() version = 0;
    }
    const instance = new Model();
    expect(instance).toBeInstanceOf(Model);
    expect(instance.label).toBe('initial');
    expect(instance.version).toBe(0);
    expect(Model.name).toBe('Model');
  });
});
