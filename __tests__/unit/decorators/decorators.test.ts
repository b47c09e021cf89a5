import 'reflect-metadata';
import { Attribute, Categorical, GlobalIndex, LocalIndex, PartitionKey, SortKey, Table, Version } from '../../../lib';
import { ownAttributeDeclarations, ownIndexDeclarations, tableDeclaration } from '../../../lib/metadata/store';
import { BaseRecord, DerivedRecord, ProvisionedData } from '../../fixtures/models';

describe('legacy decorators record their arguments, nothing else', () => {
  it('records each property declaration as written', () => {
    class Model {
      @PartitionKey() id!: string;
      @SortKey({ type: 'number' }) at!: number;
      @Attribute({ optional: true }) note?: string;
      @Categorical(['A', 'B'] as const, { optional: true }) grade?: string;
    }
    expect(ownAttributeDeclarations(Model)).toEqual([
      { property: 'id', decorator: '@PartitionKey', key: 'partition' },
      { property: 'at', decorator: '@SortKey', key: 'sort', options: { type: 'number' } },
      { property: 'note', decorator: '@Attribute', options: { optional: true } },
      { property: 'grade', decorator: '@Categorical', options: { optional: true }, categorical: ['A', 'B'] },
    ]);
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

  it('records stacked decorators on one property as separate declarations', () => {
    class Model {
      @Attribute({ optional: true }) @Categorical(['ON']) mode?: string;
    }
    // decorators apply bottom-up
    expect(ownAttributeDeclarations(Model)).toEqual([
      { property: 'mode', decorator: '@Categorical', categorical: ['ON'] },
      { property: 'mode', decorator: '@Attribute', options: { optional: true } },
    ]);
  });

  it('records declarations per class: a subclass does not push into its parent', () => {
    expect(ownAttributeDeclarations(BaseRecord).map((d) => d.property)).toEqual(['id', 'created']);
    expect(ownAttributeDeclarations(DerivedRecord).map((d) => d.property)).toEqual(['extra']);
  });

  it('records @Table options', () => {
    expect(tableDeclaration(ProvisionedData)).toEqual({
      options: { name: 'provisioned-table', provisioned: { readCapacityUnits: 5, writeCapacityUnits: 3 } },
    });
    expect(tableDeclaration(DerivedRecord)).toEqual({ options: { name: 'derived-table' } });
  });

  it('copies the @Table options object', () => {
    const options = { name: 'copied-table' };
    @Table(options)
    class Model {}
    options.name = 'changed';
    expect(tableDeclaration(Model)).toEqual({ options: { name: 'copied-table' } });
  });

  it('records index declarations on a property and on the class', () => {
    @GlobalIndex('byOwner', { partitionKey: 'owner' })
    @Table({ name: 'indexed-table' })
    class Indexed {
      @PartitionKey() id!: string;
      @SortKey() at!: number;
      @LocalIndex('byLabel') label!: string;
      @Attribute() owner!: string;
    }
    expect(ownIndexDeclarations(Indexed)).toEqual([
      { kind: 'local', name: 'byLabel', property: 'label' },
      { kind: 'global', name: 'byOwner', options: { partitionKey: 'owner' } },
    ]);
  });

  it('leaves the class and its field initializers as they were', () => {
    const Decorated = Table({ name: 'kept-table' });
    @Decorated
    class Model {
      @Attribute() label = 'initial';
      @Version() version = 0;
    }
    const instance = new Model();
    expect(instance).toBeInstanceOf(Model);
    expect(instance.label).toBe('initial');
    expect(instance.version).toBe(0);
    expect(Model.name).toBe('Model');
  });
});
