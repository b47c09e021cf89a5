import 'reflect-metadata';
import { Attribute, PartitionKey, Table } from '../../../lib';
import { PROPERTY_DECORATORS, PROPERTY_ONLY, cannot, loose, schemaErrorOf, usage } from './misuseCases';

// Legacy decorators (experimentalDecorators): a decorator where the library cannot use it decorates
// without throwing, and the model's first use is a SchemaError naming the class, the member and the
// fix; never a TypeError, never silently ignored. misuse.standard.test.ts mirrors this file.

const KEY = Symbol('key');

describe.each(PROPERTY_DECORATORS)('%s (legacy decorators) where no attribute can be', (name, make, factory) => {
  it('on a method', () => {
    @Table({ name: 'misuse-table' })
    class OnMethod {
      @PartitionKey({ type: 'string' }) id!: string;
      @loose(make()) method(): void {}
    }
    expect(schemaErrorOf(OnMethod)).toEqual({ property: 'method', reason: cannot(name, 'a method') });
  });

  it('on a getter, a setter, and a getter-setter pair', () => {
    @Table({ name: 'misuse-table' })
    class OnGetter {
      @PartitionKey({ type: 'string' }) id!: string;
      @loose(make()) get value(): string {
        return '';
      }
    }
    @Table({ name: 'misuse-table' })
    class OnSetter {
      @PartitionKey({ type: 'string' }) id!: string;
      @loose(make()) set value(_value: string) {}
    }
    @Table({ name: 'misuse-table' })
    class OnPair {
      @PartitionKey({ type: 'string' }) id!: string;
      @loose(make()) get value(): string {
        return '';
      }
      set value(_value: string) {}
    }
    expect(schemaErrorOf(OnGetter)).toEqual({ property: 'value', reason: cannot(name, 'a getter') });
    expect(schemaErrorOf(OnSetter)).toEqual({ property: 'value', reason: cannot(name, 'a setter') });
    expect(schemaErrorOf(OnPair)).toEqual({ property: 'value', reason: cannot(name, 'an accessor') });
  });

  it('on a static property', () => {
    @Table({ name: 'misuse-table' })
    class OnStatic {
      @PartitionKey({ type: 'string' }) id!: string;
      @loose(make()) static shared: string;
    }
    expect(schemaErrorOf(OnStatic)).toEqual({ property: 'shared', reason: cannot(name, 'a static member') });
  });

  it('on a symbol-keyed property', () => {
    @Table({ name: 'misuse-table' })
    class OnSymbol {
      @PartitionKey({ type: 'string' }) id!: string;
      @loose(make()) [KEY]!: string;
    }
    expect(schemaErrorOf(OnSymbol)).toEqual({
      property: 'Symbol(key)',
      reason: cannot(name, 'a symbol-keyed property'),
    });
  });

  it('on a parameter', () => {
    @Table({ name: 'misuse-table' })
    class OnParameter {
      @PartitionKey({ type: 'string' }) id!: string;
      method(@loose(make()) _value: string): void {}
    }
    expect(schemaErrorOf(OnParameter)).toEqual({ property: 'method', reason: cannot(name, 'a parameter') });
  });

  it('used without parentheses', () => {
    @Table({ name: 'misuse-table' })
    class WithoutParentheses {
      @PartitionKey({ type: 'string' }) id!: string;
      @loose(factory) value!: string;
    }
    expect(schemaErrorOf(WithoutParentheses)).toEqual({
      property: 'value',
      reason: `${name} is used without parentheses: write ${usage(name)}.`,
    });
  });
});

describe.each(PROPERTY_ONLY)('%s (legacy decorators) on the class', (name, make) => {
  it('is a SchemaError: it decorates a property', () => {
    @loose(make())
    @Table({ name: 'misuse-table' })
    class OnClass {
      @PartitionKey({ type: 'string' }) id!: string;
    }
    expect(schemaErrorOf(OnClass)).toEqual({
      property: undefined,
      reason: `${name} decorates a property, not the class.`,
    });
  });
});

describe('@Table (legacy decorators) where no class is', () => {
  it('on a property', () => {
    class OnProperty {
      @PartitionKey({ type: 'string' }) id!: string;
      @loose(Table({ name: 'misuse-table' })) label!: string;
    }
    expect(schemaErrorOf(OnProperty)).toEqual({
      property: 'label',
      reason: '@Table decorates the class, not a property: put it above the class.',
    });
  });

  it('on a method', () => {
    class OnMethod {
      @PartitionKey({ type: 'string' }) id!: string;
      @loose(Table({ name: 'misuse-table' })) method(): void {}
    }
    expect(schemaErrorOf(OnMethod)).toEqual({
      property: 'method',
      reason: '@Table decorates the class, not a method: put it above the class.',
    });
  });

  it('used without parentheses, leaving the class in place', () => {
    @loose(Table)
    class WithoutParentheses {
      @PartitionKey({ type: 'string' }) id!: string;
    }
    expect(typeof WithoutParentheses).toBe('function');
    expect(schemaErrorOf(WithoutParentheses)).toEqual({
      property: undefined,
      reason: '@Table is used without parentheses: write @Table({ name: "..." }).',
    });
  });
});

describe('several misuses (legacy decorators)', () => {
  it('are one SchemaError naming each', () => {
    @Table({ name: 'misuse-table' })
    class Several {
      @PartitionKey({ type: 'string' }) id!: string;
      @loose(Attribute) label!: string;
      @loose(Attribute()) describe(): string {
        return '';
      }
    }
    expect(schemaErrorOf(Several)).toEqual({
      property: undefined,
      reason: `label: @Attribute is used without parentheses: write @Attribute(). describe: ${cannot('@Attribute', 'a method')}`,
    });
  });

  it("fail a subclass through its parent's misuse", () => {
    @Table({ name: 'misuse-table' })
    class Parent {
      @PartitionKey({ type: 'string' }) id!: string;
      @loose(Attribute()) method(): void {}
    }
    class Child extends Parent {
      @Attribute({ type: 'string' }) extra!: string;
    }
    expect(schemaErrorOf(Child)).toEqual({ property: 'method', reason: cannot('@Attribute', 'a method') });
  });
});
