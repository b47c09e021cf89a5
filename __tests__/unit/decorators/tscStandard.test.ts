import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import * as ts from 'typescript';
import type { CompiledSchema, ModelClass } from '../../../lib/schema/CompiledSchema';
import { compileSchema } from '../../../lib/schema/compileSchema';
import * as legacy from '../../fixtures/models';
import * as swcStandard from '../../fixtures/models.standard';

// TypeScript's own emit of standard decorators differs from swc's (it passes context.metadata only
// when Symbol.metadata exists when the class is defined), so the committed fixture is compiled here
// by tsc 5.9 with experimentalDecorators off, type-checked on the way (the decorators' types must
// fit standard decorators too), loaded, and compared with its legacy twin. For the type check the
// package name points at the decorators alone (the whole entry point would pull in the AWS SDK's
// declarations, ten times the time); at run time the emitted require goes through jest's mapping
// to the library the tests use.
const root = path.resolve(__dirname, '../../..');
const fixture = path.join(root, '__tests__/fixtures/models.standard.ts');
const MODELS = ['PhoneData', 'StatusQueryData', 'IndexedEventData', 'BaseRecord', 'DerivedRecord', 'JobData'] as const;

let outDir: string;
let diagnostics: string[];
let tscModels: Record<string, ModelClass>;

beforeAll(() => {
  outDir = mkdtempSync(path.join(tmpdir(), 'tsc-standard-'));
  const options: ts.CompilerOptions = {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.Node16,
    moduleResolution: ts.ModuleResolutionKind.Node16,
    experimentalDecorators: false,
    lib: ['lib.es2022.d.ts'],
    strict: true,
    noUncheckedIndexedAccess: true,
    skipLibCheck: true,
    types: ['node'], // the decorators' options checks use node:util's type tests
    baseUrl: root,
    paths: { 'dynamodb-decorators': ['__tests__/fixtures/decoratorsOnly.ts'] },
    outDir,
  };
  const program = ts.createProgram([fixture], options);
  const source = program.getSourceFile(fixture)!;
  const emitted = program.emit(source);
  diagnostics = [...ts.getPreEmitDiagnostics(program), ...emitted.diagnostics].map((diagnostic) =>
    ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n'),
  );
  const output = path.join(outDir, path.relative(root, fixture).replace(/\.ts$/, '.js'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- the emitted CommonJS module, loaded through jest
  tscModels = require(output) as Record<string, ModelClass>;
});

afterAll(() => rmSync(outDir, { recursive: true, force: true }));

/** A schema without its model class, to compare across compilers. */
function shape(schema: CompiledSchema): Omit<CompiledSchema, 'model'> {
  const { model: _, ...rest } = schema;
  return rest;
}

describe('a model compiled by tsc 5.9 with standard decorators', () => {
  it('type-checks: the decorators fit standard decorators', () => {
    expect(diagnostics).toEqual([]);
  });

  it('is emitted as standard decorators that record into Symbol.metadata', () => {
    const metadata = (tscModels['PhoneData'] as unknown as Record<symbol, unknown>)[Symbol.for('Symbol.metadata')];
    expect(metadata).toEqual(expect.objectContaining({ 'dynamodb-decorators:table': expect.anything() }));
  });

  it.each(MODELS)('%s records the same schema as its legacy twin and its swc twin', (name) => {
    const fromTsc = shape(compileSchema(tscModels[name]!));
    expect(fromTsc).toEqual(shape(compileSchema(legacy[name] as ModelClass)));
    expect(fromTsc).toEqual(shape(compileSchema(swcStandard[name] as ModelClass)));
  });
});
