#!/usr/bin/env node
// The toolchain matrix: the package as users get it (the `npm pack` tarball), installed into a user's
// project outside the repository (scripts/toolchains/, copied to a temporary folder; one `npm install`
// of every tool, pinned in its package.json), and the phonebook walk-through built or run by each
// toolchain of scripts/toolchain-entries.mjs on dynalite. Every entry checks what it claims: a walk-through's output is compared
// line by line with scripts/toolchains/expected.txt (including how the decorators were recorded and
// whether the code ran as CommonJS or ESM), a negative entry must fail with the one SchemaError
// naming every untyped property, a test runner must report exactly its tests passed. Prints a table
// (entry, result, seconds) and exits non-zero on any failure. Run by .ci/run.
//
//   node scripts/toolchains.mjs [--only id,id] [--tarball file.tgz] [--keep] [--cold-start]
//
//   --only        run only these entries (ids as in the table)
//   --tarball     use this tarball instead of packing this checkout (`npm pack` runs the prepare build)
//   --keep        keep the consumer project and print where it is
//   --cold-start  also measure the time to require the package, the testing subpath and the AWS SDK
//                 alone, each in a fresh `node -e` process (median of 10); reported, not checked
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { clearTimeout, setTimeout } from 'node:timers';
import { parseArgs } from 'node:util';
import { ENTRIES } from './toolchain-entries.mjs';

const root = path.resolve(import.meta.dirname, '..');
const template = path.join(root, 'scripts/toolchains');
const STEP_TIMEOUT_MS = 180_000;
const CONCURRENCY = 2;

/** Runs one command; resolves with its exit status and output (a command past the timeout is killed). */
function runCommand({ cmd, args, cwd }, dir, env) {
  return new Promise((resolve) => {
    const child = spawn(cmd, args, {
      cwd: path.join(dir, cwd ?? '.'),
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    const timer = setTimeout(() => {
      stderr += `\n(killed after ${STEP_TIMEOUT_MS / 1000} s)`;
      child.kill('SIGKILL');
    }, STEP_TIMEOUT_MS);
    child.on('error', (error) => (stderr += String(error)));
    child.on('close', (status, signal) => {
      clearTimeout(timer);
      resolve({ status: status ?? signal, stdout, stderr });
    });
  });
}

/** Runs an entry's steps and judges the last; an entry that throws (a bad check, say) fails, the others go on. */
async function runEntry(entry, dir, tarball) {
  const started = performance.now();
  let failure;
  let output = { stdout: '', stderr: '' };
  try {
    const { check, env: checkEnv } = typeof entry.check === 'function' ? { check: entry.check } : entry.check;
    const env = { ...entry.env, ...checkEnv };
    for (const [index, step] of entry.steps.entries()) {
      const resolved = { ...step, args: step.args.map((arg) => arg.replace('{tarball}', tarball)) };
      output = await runCommand(resolved, dir, env);
      const last = index === entry.steps.length - 1;
      if (!last && output.status !== 0) {
        failure = `${[step.cmd, ...step.args].join(' ')}: exit code ${output.status}`;
        break;
      }
      if (last) failure = check({ ...output, dir });
    }
  } catch (error) {
    failure = `the entry threw: ${error instanceof Error ? error.stack : String(error)}`;
  }
  const seconds = (performance.now() - started) / 1000;
  if (failure) {
    const shown = [output.stdout, output.stderr].filter(Boolean).join('\n').trim().split('\n').slice(-40).join('\n');
    console.error(`\n[${entry.id}] FAILED: ${failure}\n${shown.replace(/^/gm, `  [${entry.id}] `)}`);
  }
  return { entry, failure, seconds };
}

/** Runs `entries` at most CONCURRENCY at a time, in order, and resolves with their results in order. */
async function runAll(entries, dir, tarball) {
  const results = new Array(entries.length);
  let next = 0;
  const worker = async () => {
    while (next < entries.length) {
      const index = next++;
      results[index] = await runEntry(entries[index], dir, tarball);
      const { failure, seconds } = results[index];
      console.log(`${failure ? 'FAIL' : 'ok  '} ${entries[index].id} (${seconds.toFixed(1)} s)`);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return results;
}

/** Every file under `folder` (relative to the root), recursively. */
function filesUnder(folder) {
  return fs
    .readdirSync(path.join(root, folder), { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name));
}

/**
 * Whether dist/ was built after every source and build setting changed, with a .js for every lib/ .ts
 * (in CI, the packaging checks that ran just before built it): then packing need not build it again.
 */
function distIsFresh() {
  if (!fs.existsSync(path.join(root, 'dist'))) return false;
  const mtime = (file) => fs.statSync(file).mtimeMs;
  const sources = [
    ...filesUnder('lib'),
    ...['package.json', 'tsconfig.json', 'tsconfig.build.json'].map((f) => path.join(root, f)),
  ];
  const built = filesUnder('dist').filter((file) => file.endsWith('.js'));
  const modules = sources.filter((file) => file.endsWith('.ts') && !file.endsWith('.d.ts'));
  if (built.length < modules.length) return false;
  return Math.max(...sources.map(mtime)) <= Math.min(...built.map(mtime));
}

/** Packs this checkout into `destination`, building dist/ first unless it is fresh; returns the tarball's path. */
function pack(destination) {
  const fresh = distIsFresh();
  // --json keeps the build's output on stderr, so stdout is only the pack's description
  const args = ['pack', '--json', '--pack-destination', destination, ...(fresh ? ['--ignore-scripts'] : [])];
  const result = spawnSync('npm', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'] });
  if (result.status !== 0) throw new Error(`npm pack failed (exit code ${result.status})`);
  console.log(`toolchains: packed ${fresh ? 'dist/ as built (newer than every source)' : 'after the prepare build'}`);
  return path.join(destination, JSON.parse(result.stdout)[0].filename);
}

/** The consumer project: the template, the ESM folder's sources, the tarball as a dependency, one install. */
function createConsumer(dir, tarball) {
  fs.cpSync(template, dir, { recursive: true, filter: (source) => !source.endsWith('expected.txt') });
  fs.cpSync(path.join(dir, 'src'), path.join(dir, 'esm/src'), { recursive: true });
  const manifestPath = path.join(dir, 'package.json');
  const manifest = JSON.parse(fs.readFileSync(manifestPath, 'utf8'));
  manifest.dependencies['dynamodb-decorators'] = `file:${tarball}`;
  fs.writeFileSync(manifestPath, `${JSON.stringify(manifest, null, 2)}\n`);
  // --prefer-offline: whatever npm's cache (~/.npm) holds already, from `npm ci` or an earlier run, is not fetched again
  const result = spawnSync('npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
    cwd: dir,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error(`npm install in the consumer project failed (exit code ${result.status})`);
}

function versionOf(dir, name) {
  return JSON.parse(fs.readFileSync(path.join(dir, 'node_modules', name, 'package.json'), 'utf8')).version;
}

function printTable(results, dir) {
  const rows = results.map(({ entry, failure, seconds }) => [
    entry.id,
    `${entry.tool.replace(/-7$/, '')} ${versionOf(dir, entry.tool)}`,
    failure ? 'FAIL' : 'pass',
    seconds.toFixed(1),
    entry.what,
  ]);
  const header = ['entry', 'tool', 'result', 'seconds', 'what'];
  const widths = header.map((title, column) => Math.max(title.length, ...rows.map((row) => row[column].length)));
  const line = (cells) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  console.log(['', line(header), line(widths.map((width) => '-'.repeat(width))), ...rows.map(line)].join('\n'));
}

/** Median, over `runs` fresh `node -e` processes, of the time to require each module, and of the whole process. */
function measureColdStart(dir, runs = 10) {
  const subjects = [
    ['(nothing: node -e "")', undefined],
    ['@aws-sdk/client-dynamodb', '@aws-sdk/client-dynamodb'],
    ['dynamodb-decorators', 'dynamodb-decorators'],
    ['dynamodb-decorators/testing', 'dynamodb-decorators/testing'],
  ];
  const code = (specifier) =>
    specifier === undefined
      ? 'process.stdout.write("0")'
      : `const t = process.hrtime.bigint(); require(${JSON.stringify(specifier)}); ` +
        'process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6))';
  const sample = (specifier) => {
    const started = process.hrtime.bigint();
    const result = spawnSync('node', ['-e', code(specifier)], { cwd: dir, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`node -e require(${specifier}) failed: ${result.stderr}`);
    return { require: Number(result.stdout), process: Number(process.hrtime.bigint() - started) / 1e6 };
  };
  const samples = subjects.map(() => []);
  for (const [, specifier] of subjects) sample(specifier); // one unmeasured run each: files in the OS cache
  for (let run = 0; run < runs; run += 1)
    subjects.forEach(([, specifier], index) => samples[index].push(sample(specifier)));
  const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
  console.log(
    `\nCold start, median of ${runs} fresh \`node -e\` processes each (runs interleaved), Node ${process.version}:`,
  );
  console.log('| require | require() ms | whole process ms |\n| --- | --- | --- |');
  subjects.forEach(([label], index) => {
    const requireMs = median(samples[index].map((s) => s.require));
    const processMs = median(samples[index].map((s) => s.process));
    console.log(`| ${label} | ${requireMs.toFixed(0)} | ${processMs.toFixed(0)} |`);
  });
}

async function main() {
  const { values } = parseArgs({
    options: {
      only: { type: 'string' },
      tarball: { type: 'string' },
      keep: { type: 'boolean', default: false },
      'cold-start': { type: 'boolean', default: false },
    },
  });
  const only = values.only?.split(',');
  const unknown = only?.filter((id) => !ENTRIES.some((entry) => entry.id === id)) ?? [];
  if (unknown.length > 0)
    throw new Error(`no entry ${unknown.join(', ')}; entries: ${ENTRIES.map((e) => e.id).join(', ')}`);
  const entries = only ? ENTRIES.filter((entry) => only.includes(entry.id)) : ENTRIES;

  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED = 'true';
  const started = performance.now();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'dynamodb-decorators-toolchains-'));
  try {
    const tarball = values.tarball ? path.resolve(values.tarball) : pack(dir);
    console.log(`toolchains: ${path.basename(tarball)} into a consumer project in ${dir}`);
    const installStarted = performance.now();
    createConsumer(dir, tarball);
    console.log(`toolchains: npm install took ${((performance.now() - installStarted) / 1000).toFixed(1)} s`);

    const results = await runAll(entries, dir, tarball);
    printTable(results, dir);
    const failed = results.filter((result) => result.failure);
    const wall = ((performance.now() - started) / 1000).toFixed(1);
    console.log(`\ntoolchains: ${wall} s in all, the install included, entries ${CONCURRENCY} at a time`);
    console.log(`toolchains: ${results.length - failed.length} passed, ${failed.length} failed`);
    if (values['cold-start']) measureColdStart(dir);
    if (failed.length > 0) process.exitCode = 1;
  } finally {
    if (values.keep) console.log(`toolchains: the consumer project is kept in ${dir}`);
    else fs.rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error) => {
  console.error(`toolchains: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
