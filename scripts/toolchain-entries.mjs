// The entries of the toolchain matrix (scripts/toolchains.mjs) and how each is judged. Commands run in
// the consumer project copied from scripts/toolchains/ (or in its esm/ folder), with the tools of its
// node_modules; `{tarball}` in an argument is the packed package.
import fs from 'node:fs';
import path from 'node:path';

const template = path.resolve(import.meta.dirname, 'toolchains');

const LEGACY_METADATA = 'legacy, design:type emitted';
const LEGACY_NO_METADATA = 'legacy, no design:type';
const STANDARD = 'standard';
/** The properties of models-inferred.ts with no type but design:type (relationship is @Categorical: a string). */
const UNTYPED = ['person_id', 'name', 'phone_number', 'timestamp'];

// Commands, run in the consumer project (or its esm/ folder): tools from its node_modules.
const bin = (name) => `node_modules/.bin/${name}`;
const tsc5 = (project, outDir) => ({ cmd: bin('tsc'), args: ['-p', project, ...(outDir ? ['--outDir', outDir] : [])] });
const tsc7 = (project, outDir) => ({
  cmd: 'node',
  args: ['node_modules/typescript-7/bin/tsc', '-p', project, ...(outDir ? ['--outDir', outDir] : [])],
});
const node = (...args) => ({ cmd: 'node', args });
// As AWS CDK's NodejsFunction bundles a handler by default (and serverless-esbuild much the same):
// one CommonJS file for Node, the AWS SDK v3 left out (the Lambda runtime provides it), not minified.
const lambdaBundle = (entry, outfile) => ({
  cmd: bin('esbuild'),
  args: [
    entry,
    '--bundle',
    '--platform=node',
    '--target=node20',
    '--format=cjs',
    '--external:@aws-sdk/*',
    `--outfile=${outfile}`,
    '--log-level=warning',
  ],
});
const inEsm = (step) => ({
  ...step,
  cwd: 'esm',
  cmd: step.cmd.startsWith('node_modules/') ? `../${step.cmd}` : step.cmd,
  args: step.args.map((arg) => arg.replace(/^node_modules\//, '../node_modules/')),
});

/**
 * The matrix. `tool` names the package whose version the table shows; `steps` run in order, each must
 * exit 0 but the last, whose result `check` judges. Entries run two at a time.
 */
export const ENTRIES = [
  // CommonJS consumer (package.json without "type")
  {
    id: 'tsc5-legacy',
    what: 'tsc 5.9, legacy decorators + emitDecoratorMetadata, types inferred',
    tool: 'typescript',
    steps: [tsc5('tsconfig.legacy.json', 'build/tsc5-legacy'), node('build/tsc5-legacy/main-inferred.js')],
    check: walkthrough({ module: 'commonjs', decorators: LEGACY_METADATA }),
  },
  {
    id: 'tsc5-standard',
    what: 'tsc 5.9, standard decorators, explicit types',
    tool: 'typescript',
    steps: [tsc5('tsconfig.standard.json', 'build/tsc5-standard'), node('build/tsc5-standard/main-explicit.js')],
    check: walkthrough({ module: 'commonjs', decorators: STANDARD }),
  },
  {
    id: 'tsc7-legacy',
    what: 'tsc 7 (native), legacy decorators + emitDecoratorMetadata, types inferred',
    tool: 'typescript-7',
    steps: [tsc7('tsconfig.legacy.json', 'build/tsc7-legacy'), node('build/tsc7-legacy/main-inferred.js')],
    check: walkthrough({ module: 'commonjs', decorators: LEGACY_METADATA }),
  },
  {
    id: 'tsc7-standard',
    what: 'tsc 7 (native), standard decorators, explicit types',
    tool: 'typescript-7',
    steps: [tsc7('tsconfig.standard.json', 'build/tsc7-standard'), node('build/tsc7-standard/main-explicit.js')],
    check: walkthrough({ module: 'commonjs', decorators: STANDARD }),
  },
  {
    id: 'swc',
    what: 'swc (@swc/cli), legacy decorators + decoratorMetadata, types inferred',
    tool: '@swc/core',
    steps: [
      {
        cmd: bin('swc'),
        args: ['src', '-d', 'build/swc', '--strip-leading-paths', '--config-file', '.swcrc', '--quiet'],
      },
      node('build/swc/main-inferred.js'),
    ],
    check: walkthrough({ module: 'commonjs', decorators: LEGACY_METADATA }),
  },
  {
    id: 'esbuild-lambda',
    what: 'esbuild bundle as CDK NodejsFunction / serverless-esbuild, explicit types',
    tool: 'esbuild',
    steps: [
      lambdaBundle('src/lambda-explicit.ts', 'build/esbuild-lambda/index.js'),
      node('invoke-lambda.cjs', 'build/esbuild-lambda/index.js'),
    ],
    check: walkthrough({ module: 'commonjs', decorators: LEGACY_NO_METADATA }),
  },
  {
    id: 'tsx',
    what: 'tsx, legacy decorators (no metadata), explicit types',
    tool: 'tsx',
    steps: [{ cmd: bin('tsx'), args: ['src/main-explicit.ts'] }],
    check: walkthrough({ module: 'commonjs', decorators: LEGACY_NO_METADATA }),
  },
  {
    id: 'jest',
    what: 'jest + @swc/jest, the package jest global set-up, useTestTables, types inferred',
    tool: 'jest',
    env: { DYNAMODB_TEST_ENGINE: 'dynalite' },
    // type-checked as the user's editor does, by the fast native tsc
    steps: [
      tsc7('tsconfig.jest.json'),
      { cmd: bin('jest'), args: ['--config', 'jest.config.cjs', '--ci', '--json', '--outputFile=build/jest.json'] },
    ],
    check: testRun('build/jest.json', 2, { decorators: LEGACY_METADATA }),
  },
  {
    id: 'vitest',
    what: 'vitest (vite 8), the package vitest global set-up, testTables, explicit types',
    tool: 'vitest',
    env: { DYNAMODB_TEST_ENGINE: 'dynalite' },
    steps: [
      tsc7('tsconfig.vitest.json'),
      {
        cmd: bin('vitest'),
        args: [
          'run',
          '--config',
          'vitest.config.mts',
          '--reporter=default',
          '--reporter=json',
          '--outputFile=build/vitest.json',
        ],
      },
    ],
    // vite 8 compiles with Oxc, which emits design:type when tsconfig.json asks for it (vite 7's esbuild never did)
    check: testRun('build/vitest.json', 2, { decorators: LEGACY_METADATA }),
  },
  // ESM consumer (esm/package.json has "type": "module"): `import { Repository } from 'dynamodb-decorators'`
  {
    id: 'esm-tsc5-legacy',
    what: 'ESM: tsc 5.9 (module node16), legacy decorators + emitDecoratorMetadata, types inferred',
    tool: 'typescript',
    steps: [tsc5('tsconfig.legacy.json', 'build/tsc5-legacy'), node('build/tsc5-legacy/main-inferred.js')].map(inEsm),
    check: walkthrough({ module: 'esm', decorators: LEGACY_METADATA }),
  },
  {
    id: 'esm-tsc7-standard',
    what: 'ESM: tsc 7 (native), standard decorators, explicit types',
    tool: 'typescript-7',
    steps: [tsc7('tsconfig.standard.json', 'build/tsc7-standard'), node('build/tsc7-standard/main-explicit.js')].map(
      inEsm,
    ),
    check: walkthrough({ module: 'esm', decorators: STANDARD }),
  },
  {
    id: 'esm-tsx-standard',
    what: 'ESM: tsx, standard decorators, explicit types',
    tool: 'tsx',
    steps: [{ cmd: bin('tsx'), args: ['--tsconfig', 'tsconfig.standard.json', 'src/main-explicit.ts'] }].map(inEsm),
    check: walkthrough({ module: 'esm', decorators: STANDARD }),
  },
  // Legacy decorators, no metadata and no explicit types: one SchemaError naming every untyped property,
  // suggesting emitDecoratorMetadata only where turning it on helps.
  {
    id: 'untyped-tsc7',
    what: 'no types: tsc 7 without emitDecoratorMetadata gives the SchemaError, suggesting it',
    tool: 'typescript-7',
    steps: [tsc7('tsconfig.no-metadata.json', 'build/untyped-tsc7'), node('build/untyped-tsc7/main-inferred.js')],
    check: untypedError({ suggestsMetadata: true }),
  },
  {
    id: 'untyped-tsx',
    what: 'no types: tsx gives the SchemaError, without emitDecoratorMetadata',
    tool: 'tsx',
    steps: [{ cmd: bin('tsx'), args: ['src/main-inferred.ts'] }],
    check: untypedError({ suggestsMetadata: false }),
  },
  {
    id: 'untyped-esbuild',
    what: 'no types: an esbuild bundle gives the SchemaError, without emitDecoratorMetadata',
    tool: 'esbuild',
    steps: [
      lambdaBundle('src/lambda-inferred.ts', 'build/untyped-esbuild/index.js'),
      node('invoke-lambda.cjs', 'build/untyped-esbuild/index.js'),
    ],
    check: untypedError({ suggestsMetadata: false }),
  },
  // The tarball itself
  {
    id: 'attw',
    what: '@arethetypeswrong/cli on the tarball: every entry point, every resolution',
    tool: '@arethetypeswrong/cli',
    steps: [{ cmd: bin('attw'), args: ['{tarball}', '--format', 'ascii'] }],
    check: ({ status }) => (status === 0 ? undefined : `attw found problems (exit code ${status})`),
  },
  {
    id: 'publint',
    what: 'publint on the tarball, suggestions included',
    tool: 'publint',
    steps: [{ cmd: bin('publint'), args: ['run', '{tarball}', '--level', 'suggestion', '--strict'] }],
    check: ({ status, stdout }) =>
      status === 0 && /All good!/.test(stdout) ? undefined : `publint reported something (exit code ${status})`,
  },
  // The package's own command
  {
    id: 'cli',
    what: 'npx dynamodb-decorators describe, export, diff, sync on tsc-built models: dynalite and DynamoDB Local',
    tool: 'typescript',
    steps: [
      tsc5('tsconfig.cli.json', 'build/cli'),
      node('cli-walk.cjs', 'build/cli/models-explicit.js', 'build/cli/models-indexed.js'),
    ],
    check: ({ status, stdout }) =>
      status === 0 && /^cli: 19 checks passed$/m.test(stdout) ? undefined : lastLine(stdout, status),
  },
];

/** The last line a step printed (its `failed:` line), for the table. */
function lastLine(stdout, status) {
  return `${stdout.trim().split('\n').at(-1) ?? ''} (exit code ${status})`;
}

/** A walk-through's output must be expected.txt's lines, with this entry's module kind and decorator mode. */
function walkthrough({ module, decorators }) {
  return ({ status, stdout }) => {
    const expected = expectedLines({ module, decorators, createTable: 'created' });
    return compareLines(stdout, expected) ?? (status === 0 ? undefined : `exit code ${status}`);
  };
}

/** A test run: the runner's JSON report must count exactly `tests` tests, all passed. */
function testRun(report, tests, { decorators }) {
  return {
    // the test compares its walk-through with these lines; the table exists already, made by the test helpers
    env: { TOOLCHAIN_EXPECTED: JSON.stringify(expectedLines({ decorators, createTable: 'exists' }).slice(1)) },
    check: ({ status, dir }) => {
      const file = path.join(dir, report);
      if (!fs.existsSync(file)) return `no report at ${report} (exit code ${status})`;
      const { numTotalTests, numPassedTests } = JSON.parse(fs.readFileSync(file, 'utf8'));
      if (status !== 0 || numPassedTests !== tests || numTotalTests !== tests)
        return `${numPassedTests} of ${numTotalTests} tests passed, expected ${tests} of ${tests} (exit code ${status})`;
      return undefined;
    },
  };
}

/**
 * Models without types under legacy decorators and no metadata: the program must print the decorator mode,
 * then fail with one SchemaError naming every untyped property, and mention emitDecoratorMetadata only
 * where turning it on would help.
 */
function untypedError({ suggestsMetadata }) {
  return ({ status, stdout }) => {
    const lines = stdout.trim().split('\n');
    const failed = lines.filter((line) => line.startsWith('failed: '));
    if (status === 0 || failed.length !== 1)
      return `expected one failure, got exit code ${status} and ${failed.length}`;
    const problems = [];
    if (!lines.includes(`decorators: ${LEGACY_NO_METADATA}`))
      problems.push(`no "decorators: ${LEGACY_NO_METADATA}" line`);
    const message = failed[0];
    if (
      !/^failed: SchemaError( \(an OrmError of dynamodb-decorators\))?: PhoneData: cannot tell the type of /.test(
        message,
      )
    )
      problems.push('not the SchemaError about types');
    for (const property of UNTYPED)
      if (!new RegExp(`\\b${property}\\b`).test(message)) problems.push(`${property} not named`);
    if (/\brelationship\b/.test(message)) problems.push('names relationship, whose type @Categorical implies');
    if (/emitDecoratorMetadata/.test(message) !== suggestsMetadata)
      problems.push(
        suggestsMetadata
          ? 'does not suggest emitDecoratorMetadata'
          : 'suggests emitDecoratorMetadata, which cannot help here',
      );
    return problems.length === 0 ? undefined : `${problems.join('; ')}: ${message}`;
  };
}

/** The walk-through's expected lines, with this entry's values filled in. */
function expectedLines(values) {
  const text = fs.readFileSync(path.join(template, 'expected.txt'), 'utf8');
  return text
    .trim()
    .split('\n')
    .map((line) => line.replace(/\{(\w+)\}/g, (_, name) => values[name] ?? `{${name}}`));
}

/** Where `stdout` differs from `expected`, or undefined. */
function compareLines(stdout, expected) {
  const actual = stdout.trim().split('\n');
  for (let i = 0; i < Math.max(actual.length, expected.length); i += 1) {
    if (actual[i] !== expected[i])
      return `line ${i + 1}: expected ${JSON.stringify(expected[i] ?? '(end)')}, got ${JSON.stringify(actual[i] ?? '(end)')}`;
  }
  return undefined;
}
