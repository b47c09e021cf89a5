import 'reflect-metadata';
import { Attribute, Categorical, CreatedAt, PartitionKey, Table, Ttl, UpdatedAt, Version } from '../../../lib';
import type { ModelClass } from '../../../lib/schema/CompiledSchema';
import { compileSchema } from '../../../lib/schema/compileSchema';
import {
  isBundleFile,
  metadataFreeRunner,
  runsFromBundle,
  type ProcessInfo,
} from '../../../lib/schema/metadataFreeRunner';
import { schemaErrorOf } from '../decorators/misuseCases';

// Where types come from under legacy decorators: the type option, else design:type, else what the
// decorator implies; types.standard.test.ts mirrors this for standard decorators.

interface Profile {
  bio: string;
}
class Address {
  street!: string;
}
type Level = 'LOW' | 'HIGH';

const typesOf = (model: ModelClass) =>
  Object.fromEntries(compileSchema(model).attributes.map((attribute) => [attribute.name, attribute.type]));

describe('types under legacy decorators', () => {
  it('reads design:type; an array is a list; the type option wins', () => {
    @Table({ name: 'types-table' })
    class Inferred {
      @PartitionKey() id!: string;
      @Attribute() count!: number;
      @Attribute() big!: bigint;
      @Attribute() flag!: boolean;
      @Attribute() when!: Date;
      @Attribute() bytes!: Uint8Array;
      @Attribute() items!: string[];
      @Attribute({ type: 'map' }) profile!: Profile;
      @Attribute({ type: 'string' }) nickname!: string | null;
    }
    expect(typesOf(Inferred)).toEqual({
      id: 'string',
      count: 'number',
      big: 'bigint',
      flag: 'boolean',
      when: 'date',
      bytes: 'binary',
      items: 'list',
      profile: 'map',
      nickname: 'string',
    });
  });

  it('is what the decorator implies where design:type is Object (a union), or given', () => {
    @Table({ name: 'types-table' })
    class Implied {
      @PartitionKey() id!: string;
      @Categorical(['LOW', 'HIGH']) level!: Level;
      @Version() version!: number;
      @CreatedAt() created!: Date | null;
      @UpdatedAt() updated!: string;
      @Ttl() expires?: Date | number;
    }
    expect(typesOf(Implied)).toEqual({
      id: 'string',
      level: 'string',
      version: 'number',
      created: 'date',
      updated: 'string',
      expires: 'date',
    });
  });

  it('refuses a design:type that contradicts the decorator', () => {
    @Table({ name: 'types-table' })
    class StringVersion {
      @PartitionKey() id!: string;
      @Version() version!: string;
    }
    expect(schemaErrorOf(StringVersion)).toEqual({
      property: 'version',
      reason: '@Version needs a number property, not string.',
    });
  });

  it('never reads Object as a map: a union, an interface or a Record asks for its type', () => {
    @Table({ name: 'types-table' })
    class Unions {
      @PartitionKey() id!: string;
      @Attribute() nickname!: string | null;
    }
    expect(schemaErrorOf(Unions)).toEqual({
      property: 'nickname',
      reason:
        "cannot tell its type: emitted as Object, as a union (string | null), an interface or a Record is. Pass it: @Attribute({ type }) on nickname ('map' for an object).",
    });
  });

  it('lists every property whose type cannot be known in one SchemaError, with the fix for each', () => {
    @Table({ name: 'types-table' })
    class Untyped {
      @PartitionKey() id!: string;
      @Attribute() nickname!: string | null;
      @Attribute() profile!: Profile;
      @Attribute() meta!: Record<string, unknown>;
      @Attribute() tags!: Set<string>;
      @Attribute() address!: Address;
    }
    expect(schemaErrorOf(Untyped)).toEqual({
      property: undefined,
      reason:
        'cannot tell the type of 5 properties. ' +
        "nickname, profile and meta: emitted as Object, as a union (string | null), an interface or a Record is; pass it: @Attribute({ type }) on nickname, profile and meta ('map' for an object). " +
        "tags: a Set; pass it: @Attribute({ type }) on tags ('stringSet', 'numberSet' or 'binarySet'). " +
        'address: of type Address, which maps to no DynamoDB type; pass it: @Attribute({ type }) on address.',
    });
  });
});

/** A model whose decorators run without design:type, as under tsx, esbuild or vitest: applied by hand. */
function withoutDesignType(): ModelClass {
  class NoMetadata {
    id!: number;
    name!: string;
    created!: Date;
  }
  Table({ name: 'no-metadata' })(NoMetadata);
  PartitionKey()(NoMetadata.prototype, 'id');
  Attribute()(NoMetadata.prototype, 'name');
  CreatedAt()(NoMetadata.prototype, 'created');
  return NoMetadata;
}

const TYPE_LIST =
  'type one of string, number, bigint, boolean, date, binary, list, map, stringSet, numberSet, binarySet';
const IMPLIED = "(@Categorical implies 'string', @Version 'number', @CreatedAt, @UpdatedAt and @Ttl 'date')";

describe('no design:type at all (legacy decorators compiled by esbuild, tsx, vitest)', () => {
  const saved = { vitest: process.env['VITEST'], nodeOptions: process.env['NODE_OPTIONS'], execArgv: process.execArgv };
  afterEach(() => {
    for (const [name, value] of [
      ['VITEST', saved.vitest],
      ['NODE_OPTIONS', saved.nodeOptions],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
    process.execArgv = saved.execArgv;
  });

  it('lists the properties, implies what decorators imply, and offers emitDecoratorMetadata for a plain build', () => {
    delete process.env['VITEST'];
    expect(schemaErrorOf(withoutDesignType())).toEqual({
      property: undefined,
      reason:
        'cannot tell the type of id and name: no design:type was emitted for any property of NoMetadata. ' +
        `Pass it: @PartitionKey({ type }) on id, @Attribute({ type }) on name, ${TYPE_LIST} ${IMPLIED}, ` +
        'or turn on "emitDecoratorMetadata" (with "experimentalDecorators") in tsconfig.json (jsc.transform.decoratorMetadata for swc, babel-plugin-transform-typescript-metadata for Babel).',
    });
  });

  it.each([
    ['tsx', () => (process.execArgv = ['--require', '/app/node_modules/tsx/dist/preflight.cjs'])],
    ['tsx', () => (process.env['NODE_OPTIONS'] = '--import tsx')],
    ['esbuild-register', () => (process.execArgv = ['-r', 'esbuild-register'])],
  ])('under %s, names the runner and never suggests emitDecoratorMetadata', (runner, enter) => {
    delete process.env['VITEST'];
    enter();
    const { reason } = schemaErrorOf(withoutDesignType());
    expect(reason).toBe(
      `cannot tell the type of id and name: ${runner} compiles TypeScript without decorator metadata (no design:type). ` +
        `Pass it: @PartitionKey({ type }) on id, @Attribute({ type }) on name, ${TYPE_LIST} ${IMPLIED}.`,
    );
    expect(reason).not.toMatch(/emitDecoratorMetadata/);
  });

  it('under vitest, says that vite 8 emits metadata only when tsconfig.json asks, and older vite never', () => {
    process.env['VITEST'] = 'true';
    expect(schemaErrorOf(withoutDesignType()).reason).toBe(
      'cannot tell the type of id and name: vitest compiled the model without decorator metadata (no design:type): ' +
        'vite 8 emits it only with "emitDecoratorMetadata": true in tsconfig.json, vite 7 and before never. ' +
        `Pass it: @PartitionKey({ type }) on id, @Attribute({ type }) on name, ${TYPE_LIST} ${IMPLIED}.`,
    );
  });

  it('compiles once every type is given or implied', () => {
    class Typed {
      id!: number;
      name!: string;
      created!: Date;
    }
    Table({ name: 'no-metadata' })(Typed);
    PartitionKey({ type: 'number' })(Typed.prototype, 'id');
    Attribute({ type: 'string' })(Typed.prototype, 'name');
    CreatedAt()(Typed.prototype, 'created');
    expect(typesOf(Typed)).toEqual({ id: 'number', name: 'string', created: 'date' });
  });

  it('says only that design:type is missing when other properties of the class have it', () => {
    @Table({ name: 'types-table' })
    class Partly {
      @PartitionKey() id!: string;
      late!: string;
    }
    Attribute()(Partly.prototype, 'late');
    expect(schemaErrorOf(Partly)).toEqual({
      property: 'late',
      reason: `cannot tell its type: no design:type was emitted. Pass it: @Attribute({ type }) on late, ${TYPE_LIST} ${IMPLIED}.`,
    });
  });
});

describe('metadataFreeRunner', () => {
  const info = (overrides: Partial<ProcessInfo>): ProcessInfo => ({
    env: {},
    execArgv: [],
    argv: ['/usr/bin/node', '/app/main.js'],
    ...overrides,
  });

  it.each<[string, ProcessInfo, string | undefined]>([
    ['vitest', info({ env: { VITEST: 'true' } }), 'vitest'],
    ['tsx (--import tsx)', info({ execArgv: ['--import', 'tsx'] }), 'tsx'],
    ['tsx (its loader)', info({ execArgv: ['--import', 'file:///app/node_modules/tsx/dist/loader.mjs'] }), 'tsx'],
    ['tsx (NODE_OPTIONS)', info({ env: { NODE_OPTIONS: '--import=tsx' } }), 'tsx'],
    ['tsx (its cli in argv)', info({ argv: ['/usr/bin/node', '/app/node_modules/tsx/dist/cli.mjs'] }), 'tsx'],
    ['esbuild-register', info({ execArgv: ['--require', 'esbuild-register/dist/node'] }), 'esbuild-register'],
    ['@esbuild-kit', info({ execArgv: ['--loader', '@esbuild-kit/esm-loader'] }), 'esbuild-kit'],
    ['plain node', info({}), undefined],
    ['ts-node, which emits metadata', info({ execArgv: ['--require', 'ts-node/register'] }), undefined],
    ['a script named .tsx', info({ argv: ['/usr/bin/node', '/app/page.tsx'] }), undefined],
  ])('%s', (_case, processInfo, expected) => {
    expect(metadataFreeRunner(processInfo)).toBe(expected);
  });
});

describe('runsFromBundle', () => {
  it.each<[string, string | undefined, boolean]>([
    ['the package as installed', '/app/node_modules/dynamodb-decorators/dist/schema/metadataFreeRunner.js', false],
    ['its TypeScript source', '/work/lib/schema/metadataFreeRunner.ts', false],
    ['on Windows', 'C:\\app\\node_modules\\dynamodb-decorators\\dist\\schema\\metadataFreeRunner.js', false],
    ['a CommonJS bundle (the Lambda handler file)', '/var/task/index.js', true],
    ['an ES module bundle, where __filename is not defined', undefined, true],
  ])('%s', (_case, moduleFile, expected) => {
    expect(isBundleFile(moduleFile)).toBe(expected);
  });

  // the published package is itself one file per entry point: dist/index.js beside its package.json
  it.each<[string, string, string | undefined, boolean]>([
    ['the package as published', '/app/node_modules/dynamodb-decorators/dist/index.js', 'dynamodb-decorators', false],
    [
      'npm link: the package from its own checkout',
      '/src/dynamodb-decorators/dist/index.js',
      'dynamodb-decorators',
      false,
    ],
    ["an app's bundle named dist/index.js", '/app/dist/index.js', 'my-app', true],
    ["an app's bundle without a package.json above it", '/var/task/dist/index.js', undefined, true],
  ])('%s', (_case, moduleFile, packageName, expected) => {
    expect(isBundleFile(moduleFile, () => packageName)).toBe(expected);
  });

  it('is false here, where the library runs from its sources', () => {
    expect(runsFromBundle()).toBe(false);
  });
});
