import { Attribute, PartitionKey, Table } from '../../../lib';
import { PROPERTY_DECORATORS, PROPERTY_ONLY, cannot, loose, schemaErrorOf, usage } from './misuseCases';

// Standard decorators (compiled by swc with decoratorVersion 2022-03, see jest.config.js): the
// mirror of misuse.test.ts. A decorator where the library cannot use it decorates without
// throwing, and the model's first use is a SchemaError naming the class, the member and the fix.
// Standard decorators cannot sit on parameters (a syntax error), but can on #private members and
// auto-accessors.

const KEY = Symbol('key');

describe.each(PROPERTY_DECORATORS)('%s (standard decorators) where no attribute can be', (name, make, factory) => {
  it('on a method', () => {
    @Table({ name: 'misuse-table' })
    class OnMethod {
      @PartitionKey({ type: 'string' }) id!: string;
      @loose(make()) method(): void {}
    }
    expect(schemaErrorOf(OnMethod)).toEqual({ property: 'method', reason: cannot(name, 'a method') });
  });

  it('on a getter, a setter, and one of a getter-setter pair', () => {
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
    expect(schemaErrorOf(OnPair)).toEqual({ property: 'value', reason: cannot(name, 'a getter') });
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

  it('on an auto-accessor', () => {
    @Table({ name: 'misuse-table' })
    class OnAccessor {
      @PartitionKey({ type: 'string' }) id!: string;
      @loose(make()) accessor value = '';
    }
    expect(schemaErrorOf(OnAccessor)).toEqual({ property: 'value', reason: cannot(name, 'an accessor') });
  });

  // `npm run typecheck` checks every file with tsconfig.json's legacy decorators, which refuse
  // decorators on #private members; swc compiles this file with standard decorators, which allow them.
  it('on a #private property and a #private method', () => {
    @Table({ name: 'misuse-table' })
    class OnPrivate {
      @PartitionKey({ type: 'string' }) id!: string;
      // @ts-expect-error TS1206 under the legacy type check only
      @loose(make()) #secret = '';
      secret(): string {
        return this.#secret;
      }
    }
    @Table({ name: 'misuse-table' })
    class OnPrivateMethod {
      @PartitionKey({ type: 'string' }) id!: string;
      // @ts-expect-error TS1206 under the legacy type check only
      @loose(make()) #hidden(): void {}
      hidden(): void {
        this.#hidden();
      }
    }
    expect(schemaErrorOf(OnPrivate)).toEqual({ property: '#secret', reason: cannot(name, 'a #private member') });
    expect(schemaErrorOf(OnPrivateMethod)).toEqual({ property: '#hidden', reason: cannot(name, 'a method') });
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

describe.each(PROPERTY_ONLY)('%s (standard decorators) on the class', (name, make) => {
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

describe('@Table (standard decorators) where no class is', () => {
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

describe('several misuses (standard decorators)', () => {
  it('are one SchemaError naming each', () => {
    @Table({ name: 'misuse-table' })
    class Several {
      @PartitionKey({ type: 'string' }) id!: string;
      @loose(Attribute) label!: string;
      @loose(Attribute()) describe(): string {
        return '';
      }
    }
    // standard decorators apply to methods before fields, so the method's misuse is recorded first
    expect(schemaErrorOf(Several)).toEqual({
      property: undefined,
      reason: `describe: ${cannot('@Attribute', 'a method')} label: @Attribute is used without parentheses: write @Attribute().`,
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
