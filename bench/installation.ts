import { existsSync, readFileSync, realpathSync } from 'node:fs';
import { dirname, join, sep } from 'node:path';

// Where things are, and the check that the process runs on one copy of each package. bench/ is a
// package of its own (the contenders live in bench/node_modules, not the root's) inside the
// repository, so what it shares with the library must come from the root's install: its
// package.json links @aws-sdk/client-dynamodb and the SDK core packages to the root's copies,
// as one `npm install` in a user's project would share them.

/** The bench package's folder (this file compiles to bench/.build/installation.js). */
export const BENCH_DIRECTORY = join(__dirname, '..');

/** The repository root: the library's package, where BENCHMARKS.md is written. */
export const REPOSITORY_DIRECTORY = join(BENCH_DIRECTORY, '..');

/** Where the contenders' suites write their results. */
export const RESULTS_DIRECTORY = join(BENCH_DIRECTORY, '.build', 'results');

/** The packages the bench measures against the library. */
export const CONTENDER_PACKAGES = [
  '@aws-sdk/util-dynamodb',
  '@aws-sdk/lib-dynamodb',
  'dynamodb-toolbox',
  'electrodb',
  'dynamoose',
] as const;

/**
 * The folder of package `name` as Node finds it from `from` (its node_modules, then each
 * parent's), with links followed, or undefined when it is not installed.
 */
export function packageDirectory(name: string, from: string): string | undefined {
  for (let directory = from; ; directory = dirname(directory)) {
    const candidate = join(directory, 'node_modules', name);
    if (existsSync(join(candidate, 'package.json'))) return realpathSync(candidate);
    if (dirname(directory) === directory) return undefined;
  }
}

/** The installed version of `name` as the bench resolves it, or 'not installed'. */
export function packageVersion(name: string, from = BENCH_DIRECTORY): string {
  const directory = packageDirectory(name, from);
  if (!directory) return 'not installed';
  return (JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { version: string }).version;
}

/** The package folder a loaded module file belongs to (the last node_modules segment), or undefined for our own files. */
function packageOfFile(file: string): { name: string; directory: string } | undefined {
  const marker = `${sep}node_modules${sep}`;
  const at = file.lastIndexOf(marker);
  if (at < 0) return undefined;
  const parts = file.slice(at + marker.length).split(sep);
  const name = parts[0]?.startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0]!;
  return { name, directory: file.slice(0, at + marker.length) + name };
}

/**
 * Fails when this process has loaded any package from two folders (two copies of the SDK would
 * let the library and the contenders run on different code, unlike a user's single install).
 * @throws Error naming each package and its folders.
 */
export function assertOneCopyLoaded(): void {
  const folders = new Map<string, Set<string>>();
  for (const file of Object.keys(require.cache)) {
    const found = packageOfFile(file);
    if (found) (folders.get(found.name) ?? folders.set(found.name, new Set()).get(found.name)!).add(found.directory);
  }
  const twice = [...folders].filter(([, directories]) => directories.size > 1);
  if (twice.length > 0)
    throw new Error(
      `two copies loaded: ${twice.map(([name, directories]) => `${name} from ${[...directories].join(' and ')}`).join('; ')}. ` +
        'Link the package to the root copy in bench/package.json (as @aws-sdk/core is), then npm install in bench/.',
    );
}

/**
 * The start-up check: the library, the bench and every contender resolve @aws-sdk/client-dynamodb
 * to the same file, and loading them all leaves one copy of every package.
 * @throws Error naming the side that resolves another copy, or the packages loaded twice.
 */
export function assertOneSdk(): void {
  const sdk = '@aws-sdk/client-dynamodb';
  const library = dirname(require.resolve('dynamodb-decorators'));
  const expected = require.resolve(sdk, { paths: [library] });
  const sides: [string, string][] = [
    ['the bench', BENCH_DIRECTORY],
    ...CONTENDER_PACKAGES.map((name): [string, string] => [
      name,
      packageDirectory(name, BENCH_DIRECTORY) ?? BENCH_DIRECTORY,
    ]),
  ];
  for (const [side, directory] of sides) {
    const resolved = require.resolve(sdk, { paths: [directory] });
    if (resolved !== expected)
      throw new Error(`${side} resolves ${sdk} to ${resolved}, the library to ${expected}: two copies of the SDK.`);
  }
  for (const name of ['dynamodb-decorators', sdk, ...CONTENDER_PACKAGES]) require(name);
  assertOneCopyLoaded();
}
