import { spawn, execFileSync } from 'node:child_process';
import {
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  rmSync,
  rmdirSync,
  statSync,
  symlinkSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { transformSync } from '@swc/core';

// The command line run as a user runs it: the compiled bin (dist/cli/main.js, built from lib/ when
// older than it), by node, from a consumer directory of its own whose node_modules links to this
// package (as `npm link` would), with the user's models compiled to CommonJS JavaScript.

const root = resolve(__dirname, '../..');
const bin = join(root, 'dist/cli/main.js');

/** What one run of the command printed, and its exit code. */
export interface CliRun {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** A consumer directory with compiled models, and the command to run in it. */
export interface CliConsumer {
  readonly dir: string;
  /** Runs `dynamodb-decorators <args>` there (node node_modules/.bin/dynamodb-decorators). */
  run(args: readonly string[], env?: NodeJS.ProcessEnv, nodeOptions?: readonly string[]): Promise<CliRun>;
  /** Removes the directory. */
  remove(): void;
}

/**
 * Builds the package when dist/ is older than lib/, and makes a consumer directory holding each
 * fixture (a path under __tests__/fixtures/cli/) compiled to `<name>.js`, legacy decorators and
 * metadata on, as a TypeScript build with experimentalDecorators writes it.
 */
export function cliConsumer(fixtures: readonly string[]): CliConsumer {
  ensureBuilt();
  const dir = mkdtempSync(join(tmpdir(), 'dynamodb-decorators-cli-'));
  const modules = join(dir, 'node_modules');
  mkdirSync(join(modules, '.bin'), { recursive: true });
  symlinkSync(root, join(modules, 'dynamodb-decorators'), 'dir');
  symlinkSync(join(root, 'node_modules/reflect-metadata'), join(modules, 'reflect-metadata'), 'dir');
  symlinkSync('../dynamodb-decorators/dist/cli/main.js', join(modules, '.bin/dynamodb-decorators'));
  writeFileSync(join(dir, 'package.json'), '{ "name": "cli-consumer", "private": true }\n');
  const swcrc = JSON.parse(readFileSync(join(root, '.swcrc'), 'utf8')) as Record<string, unknown>;
  delete swcrc['$schema'];
  for (const fixture of fixtures) {
    const source = join(root, '__tests__/fixtures/cli', fixture);
    const { code } = transformSync(readFileSync(source, 'utf8'), {
      ...swcrc,
      sourceMaps: false,
      filename: source,
      swcrc: false,
    });
    writeFileSync(join(dir, fixture.replace(/\.ts$/, '.js')), code);
  }
  return {
    dir,
    run: (args, env = {}, nodeOptions = []) => runBin(dir, args, env, nodeOptions),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

function runBin(
  dir: string,
  args: readonly string[],
  env: NodeJS.ProcessEnv,
  nodeOptions: readonly string[],
): Promise<CliRun> {
  return new Promise((done, fail) => {
    const child = spawn(process.execPath, [...nodeOptions, 'node_modules/.bin/dynamodb-decorators', ...args], {
      cwd: dir,
      env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true', ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.once('error', fail);
    child.once('close', (code) => done({ code, stdout, stderr }));
  });
}

/** Builds dist/ with the package's own build when a lib/ file is newer than the bin; one test file at a time. */
function ensureBuilt(): void {
  // beside dist/, which the build deletes and writes anew
  const lock = join(root, 'node_modules/.cli-test-build');
  for (let waited = 0; ; waited += 200) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (waited > 180_000) throw new Error(`${lock} held for 3 minutes: remove it if no build is running`);
      execFileSync('sleep', ['0.2']);
    }
  }
  try {
    if (!isFresh()) execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  } finally {
    rmdirSync(lock);
  }
}

function isFresh(): boolean {
  let built: number;
  try {
    built = statSync(bin).mtimeMs;
  } catch {
    return false;
  }
  const newest = (folder: string): number =>
    Math.max(
      0,
      ...readdirSync(folder, { withFileTypes: true }).map((entry) => {
        const path = join(folder, entry.name);
        return entry.isDirectory() ? newest(path) : statSync(path).mtimeMs;
      }),
    );
  return newest(join(root, 'lib')) <= built;
}
