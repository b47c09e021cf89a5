import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import * as ts from 'typescript';

// The type probes (__tests__/types/*.probes.ts) are checked by the root type check that `npm test`
// runs first: every `@ts-expect-error` line must fail to compile and every `// ok` line must compile.
// This file checks that the probes are there, that the type check sees them, that it fails on a
// `@ts-expect-error` with nothing to fail, and that the decorator probes hold under standard decorators.
const root = path.resolve(__dirname, '../../..');
const probesDir = path.join(root, '__tests__/types');
const probeFiles = readdirSync(probesDir)
  .filter((name) => name.endsWith('.probes.ts'))
  .map((name) => path.join(probesDir, name));

function projectOptions(): ts.CompilerOptions {
  const configPath = path.join(root, 'tsconfig.json');
  const { config } = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file));
  return ts.parseJsonConfigFileContent(config, ts.sys, root).options;
}

function count(pattern: RegExp): number {
  return probeFiles.reduce((sum, file) => sum + (readFileSync(file, 'utf8').match(pattern)?.length ?? 0), 0);
}

function messages(diagnostics: readonly ts.Diagnostic[]): string[] {
  return diagnostics.map((diagnostic) => {
    const where = diagnostic.file?.fileName ?? '';
    return `${path.basename(where)}: ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

describe('the type probes', () => {
  it('hold at least 40 probes that must not compile and 20 that must', () => {
    expect(count(/\/\/ @ts-expect-error -- /g)).toBeGreaterThanOrEqual(40);
    expect(count(/\/\/ ok\b/g)).toBeGreaterThanOrEqual(20);
  });

  it('are part of the type check npm test runs', () => {
    const configPath = path.join(root, 'tsconfig.json');
    const { config } = ts.readConfigFile(configPath, (file) => ts.sys.readFile(file));
    const { fileNames } = ts.parseJsonConfigFileContent(config, ts.sys, root);
    expect(fileNames).toEqual(expect.arrayContaining(probeFiles));
  });

  it('fail that type check on a @ts-expect-error that nothing fails', () => {
    const file = path.join(probesDir, 'unused-directive.ts');
    const text = "// @ts-expect-error -- nothing below fails\nexport const fine: string = 'yes';\n";
    const options = { ...projectOptions(), types: [], noEmit: true };
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, version, ...rest) =>
      name === file ? ts.createSourceFile(name, text, version) : getSourceFile(name, version, ...rest);
    const program = ts.createProgram([file], options, host);
    const diagnostics = ts.getPreEmitDiagnostics(program, program.getSourceFile(file));
    expect(diagnostics.map((diagnostic) => diagnostic.code)).toEqual([2578]); // Unused '@ts-expect-error' directive
  });

  // an expect-error directive only says that a line fails: these say that the error shows the message saying what to fix
  // (the compiler prints every signature's error only for three signatures or fewer, else the last one's alone)
  it.each([
    ['legacy', true],
    ['standard', false],
  ])('of the decorators fail with the message that says what to fix, under %s decorators', (_mode, legacy) => {
    const file = path.join(probesDir, `messages-${String(legacy)}.ts`);
    const text = [
      "import { Attribute, Categorical, GlobalIndex, PartitionKey, Table, Version } from '../fixtures/decoratorsOnly';",
      "import { ModelTypes } from '../../lib/types/ModelTypes';",
      "@Table({ name: 't' })",
      "@GlobalIndex('byNope', { partitionKey: 'owner' })",
      'export class Wrong {',
      "  declare [ModelTypes]?: { key: 'id'; defaults: 'token'; indexes: 'byOwner' };",
      "  @PartitionKey({ type: 'string' }) id!: string;",
      "  @Attribute({ type: 'string' }) token!: string;",
      "  @Categorical(['A', 'B'] as const) status!: string;",
      "  @GlobalIndex('byWho') owner!: string;",
      '  @Version() version!: number;',
      '}',
      "@Table({ name: 'u' })",
      'export class Unknown {',
      "  declare [ModelTypes]?: { key: 'id'; managed: 'nope' };",
      "  @PartitionKey({ type: 'string' }) id!: string;",
      '}',
    ].join('\n');
    const options: ts.CompilerOptions = {
      ...projectOptions(),
      experimentalDecorators: legacy,
      emitDecoratorMetadata: legacy,
      types: ['node'],
      noEmit: true,
    };
    const host = ts.createCompilerHost(options);
    const getSourceFile = host.getSourceFile.bind(host);
    host.getSourceFile = (name, version, ...rest) =>
      name === file ? ts.createSourceFile(name, text, version) : getSourceFile(name, version, ...rest);
    const program = ts.createProgram([file], options, host);
    const errors = messages(ts.getPreEmitDiagnostics(program, program.getSourceFile(file)));
    expect(errors).toHaveLength(6);
    const expected = [
      "@GlobalIndex('byNope'): add 'byNope' to indexes in [ModelTypes]",
      '@Attribute on token: defaults in [ModelTypes] names it, but the decorator gives no default',
      '@Categorical on status: type the property as exactly its values',
      "@GlobalIndex('byWho'): add 'byWho' to indexes in [ModelTypes]",
      "@Version on version: add 'version' to managed in [ModelTypes]",
      '@Table: [ModelTypes] names nope, which is not a property of the model',
    ];
    expected.forEach((message, at) => expect(errors[at]).toContain(message));
  });

  it('of the decorators hold under standard decorators too', () => {
    // the decorators alone, as tscStandard.test.ts does: the whole entry point would load the AWS SDK's declarations
    const file = path.join(probesDir, 'decorators.standard.probes.ts');
    const options: ts.CompilerOptions = {
      ...projectOptions(),
      experimentalDecorators: false,
      emitDecoratorMetadata: false,
      types: ['node'],
      noEmit: true,
    };
    const program = ts.createProgram([file], options);
    expect(messages(ts.getPreEmitDiagnostics(program))).toEqual([]);
    // and the probes there are many: an expectation that holds by accident would not be noticed
    expect(readFileSync(file, 'utf8').match(/\/\/ @ts-expect-error -- /g)?.length).toBeGreaterThanOrEqual(9);
  });
});
