import { CONTENDER_LABELS, CONTENDER_NAMES, REQUEST_DIFFERENCES, type ContenderName } from './labels';
import {
  OPERATIONS,
  type BulkResult,
  type CodecResult,
  type FootprintResult,
  type ImportResult,
  type OpsResult,
  type ScanMemoryResult,
} from './results';
import { ratio, summarize, type Summary } from './stats';

// Renders every suite's result as the markdown of BENCHMARKS.md.

export interface RunInfo {
  readonly date: string;
  readonly command: string;
  /** The library measured (git commit). */
  readonly revision: string;
  readonly node: string;
  readonly machine: string;
  readonly cores: number;
  readonly loadStart: readonly number[];
  readonly loadEnd: readonly number[];
  readonly durationMs: number;
  readonly engines: Readonly<Record<string, string>>;
  readonly libraries: Readonly<Record<string, string>>;
  readonly scale: number;
  readonly sizes: Readonly<Record<string, number>>;
  readonly rounds: Readonly<Record<string, number>>;
}

export interface ScanRuns {
  readonly engine: string;
  readonly seedMs: number;
  readonly runs: readonly ScanMemoryResult[];
}

export interface AllResults {
  readonly info: RunInfo;
  readonly codec?: CodecResult;
  readonly ops: readonly OpsResult[];
  readonly bulk: readonly BulkResult[];
  readonly scans: readonly ScanRuns[];
  readonly imports?: ImportResult;
  readonly footprint?: FootprintResult;
  readonly failures: readonly string[];
}

const MB = 1024 * 1024;

function fixed(value: number): string {
  if (value >= 100) return value.toFixed(0);
  if (value >= 10) return value.toFixed(1);
  return value.toFixed(2);
}

function times(value: number): string {
  return `${value.toFixed(2)}x`;
}

function signed(value: number): string {
  return `${value >= 0 ? '+' : '−'}${fixed(Math.abs(value))}`;
}

function range(summary: Summary): string {
  return `${fixed(summary.min)}–${fixed(summary.max)}`;
}

function table(header: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), line(header.map(() => '---')), ...rows.map(line)].join('\n');
}

const OTHER_LABELS: Record<string, string> = {
  oursWithClassValidator: 'dynamodb-decorators + class-validator (its optional peer)',
  clientOnly: '@aws-sdk/client-dynamodb alone',
};

function label(name: string): string {
  return CONTENDER_LABELS[name as ContenderName] ?? OTHER_LABELS[name] ?? name;
}

/** Per-round ratios of paired runs (same round), as a min–max range. */
function pairedRange(baseline: readonly number[], contender: readonly number[]): string {
  const ratios = baseline.map((value, index) => ratio(value, contender[index]!));
  const { min, max } = summarize(ratios);
  return `${min.toFixed(2)}–${max.toFixed(2)}`;
}

function sumPerRound(byOperation: Readonly<Record<string, readonly number[]>>): number[] {
  const roundsCount = byOperation['create']!.length;
  return Array.from({ length: roundsCount }, (_, round) =>
    OPERATIONS.reduce((sum, operation) => sum + byOperation[operation]![round]!, 0),
  );
}

// ---- targets

interface TargetRow {
  readonly target: string;
  readonly measured: string;
  readonly met: boolean | undefined;
}

function codecTotals(codec: CodecResult, name: string, clock: 'cpu' | 'wall' = 'cpu'): number[] {
  const [encodes, decodes] =
    clock === 'cpu' ? [codec.encodeMs, codec.decodeMs] : [codec.encodeWallMs, codec.decodeWallMs];
  return encodes[name]!.map((encode, round) => encode + decodes[name]![round]!);
}

/** What the report ranks an ops setting by: CPU time in memory (nothing else runs there), wall-clock time on an engine. */
function primary(ops: OpsResult): OpsResult['microseconds'] {
  return ops.cpuMicroseconds ?? ops.microseconds;
}

function targetRows(results: AllResults): TargetRow[] {
  const rows: TargetRow[] = [];
  const { codec } = results;
  if (codec) {
    const util = summarize(codecTotals(codec, 'utilDynamodb')).median;
    const hand = summarize(codecTotals(codec, 'handWritten')).median;
    for (const name of ['ours', 'oursWithValidation']) {
      const ours = summarize(codecTotals(codec, name)).median;
      const what = name === 'ours' ? 'toItem + fromItem' : "with validation: createRecord's preparation, then fromItem";
      rows.push({
        target: `Encode + decode ≥ 5x util-dynamodb (${what})`,
        measured: times(ratio(util, ours)),
        met: ratio(util, ours) >= 5,
      });
      rows.push({
        target: `Encode + decode ≥ 0.8x hand-written (${what})`,
        measured: times(ratio(hand, ours)),
        met: ratio(hand, ours) >= 0.8,
      });
    }
  }
  for (const ops of results.ops) {
    const times_ = primary(ops);
    const raw = times_['raw'];
    const ours = times_['ours'];
    if (!raw || !ours) continue;
    const clock = ops.cpuMicroseconds ? 'CPU time' : 'wall-clock';
    const perOperation = OPERATIONS.map((operation) => ({
      operation,
      value: ratio(summarize(raw[operation]).median, summarize(ours[operation]).median),
    }));
    const allFour = ratio(summarize(sumPerRound(raw)).median, summarize(sumPerRound(ours)).median);
    rows.push({
      target: `Per operation ≥ 0.97x raw SDK (${ops.setting}, ${clock})`,
      measured: `${perOperation.map(({ operation, value }) => `${operation} ${times(value)}`).join(', ')} (all four: ${times(allFour)}, per round ${pairedRange(sumPerRound(raw), sumPerRound(ours))})`,
      met: perOperation.every(({ value }) => value >= 0.97),
    });
    rows.push({
      target: `All four together ≥ 0.99x raw SDK (${ops.setting}, ${clock})`,
      measured: `${times(allFour)} (per round ${pairedRange(sumPerRound(raw), sumPerRound(ours))})`,
      met: allFour >= 0.99,
    });
    const beaten: string[] = [];
    for (const operation of OPERATIONS) {
      const mine = summarize(ours[operation]).median;
      for (const name of CONTENDER_NAMES) {
        if (name === 'ours' || name === 'oursNoopHook' || name === 'raw' || !times_[name]) continue;
        const theirs = summarize(times_[name]![operation]).median;
        if (theirs <= mine) beaten.push(`${operation}: ${label(name)} ${fixed(theirs)} µs vs ours ${fixed(mine)} µs`);
      }
    }
    const hooked = times_['oursNoopHook'];
    if (hooked) {
      const cost = OPERATIONS.map(
        (operation) =>
          `${operation} ${signed(summarize(hooked[operation]).median - summarize(ours[operation]).median)} µs`,
      );
      rows.push({
        target: `What a no-op hook costs: ours with a no-op hook vs ours (${ops.setting}, ${clock}; informational)`,
        measured: `${cost.join(', ')} (all four: ratio ours / hooked ${times(ratio(summarize(sumPerRound(hooked)).median, summarize(sumPerRound(ours)).median))}, per round ${pairedRange(sumPerRound(hooked), sumPerRound(ours))})`,
        met: undefined,
      });
    }
    rows.push({
      target: `Faster than every peer, each operation (${ops.setting}, ${clock})`,
      measured: beaten.length === 0 ? 'faster on every operation' : `slower than or equal to: ${beaten.join('; ')}`,
      met: beaten.length === 0,
    });
  }
  const { imports } = results;
  if (imports?.ms['ours'] && imports.ms['clientOnly']) {
    const ours = imports.ms['ours'];
    const client = imports.ms['clientOnly'];
    const above = summarize(ours).median - summarize(client).median;
    // entries run interleaved, so round by round the two processes saw the same machine
    const perRound = summarize(ours.map((value, round) => value - client[round]!));
    rows.push({
      target: 'Cold `require` ≤ 10 ms above `@aws-sdk/client-dynamodb` alone (wall-clock, fresh process)',
      measured: `${signed(above)} ms (medians ${fixed(summarize(ours).median)} and ${fixed(summarize(client).median)} ms; per round ${signed(perRound.min)} to ${signed(perRound.max)} ms)`,
      met: above <= 10,
    });
  }
  for (const scan of results.scans) {
    const growth = scan.runs
      .filter((run) => run.contender === 'ours' && !run.retainedHeap)
      .map((run) => (run.peakRss - run.baselineRss) / MB);
    if (growth.length === 0) continue;
    const worst = Math.max(...growth);
    const rawGrowth = scan.runs
      .filter((run) => run.contender === 'raw' && !run.retainedHeap)
      .map((run) => (run.peakRss - run.baselineRss) / MB);
    const rawText = rawGrowth.length > 0 ? `; the raw SDK loop: ${Math.max(...rawGrowth).toFixed(1)} MB` : '';
    rows.push({
      target: `Scan of ${scan.runs[0]!.items.toLocaleString('en-US')} items: RSS growth < 50 MB (${scan.engine})`,
      measured: `${worst.toFixed(1)} MB (worst of ${growth.length} runs${rawText})`,
      met: worst < 50,
    });
  }
  return rows;
}

// ---- sections

function header(info: RunInfo): string {
  const rows: string[][] = [
    ['date', info.date],
    ['command', `\`${info.command}\``],
    ['library measured', info.revision],
    ['machine', `${info.machine}, ${info.cores} cores`],
    ['load average (1 min) at start / end', `${info.loadStart[0]!.toFixed(2)} / ${info.loadEnd[0]!.toFixed(2)}`],
    ['Node', info.node],
    ...Object.entries(info.engines).map(([name, version]) => [name, version]),
    [
      'libraries',
      Object.entries(info.libraries)
        .map(([name, version]) => `${name} ${version}`)
        .join(', '),
    ],
    [
      'sizes',
      `${Object.entries(info.sizes)
        .map(([name, count]) => `${name} ${count.toLocaleString('en-US')}`)
        .join(', ')} (BENCH_SCALE=${info.scale})`,
    ],
    [
      'rounds',
      Object.entries(info.rounds)
        .map(([name, count]) => `${name} ${count}`)
        .join(', '),
    ],
    ['duration', `${(info.durationMs / 60_000).toFixed(1)} min`],
  ];
  return table(['', ''], rows);
}

function codecSection(codec: CodecResult): string {
  const util = summarize(codecTotals(codec, 'utilDynamodb')).median;
  const hand = summarize(codecTotals(codec, 'handWritten')).median;
  const names: Record<string, string> = {
    utilDynamodb: '`@aws-sdk/util-dynamodb` marshall + unmarshall',
    ours: 'ours: `toItem` + `fromItem` (what createRecord / every read call)',
    oursWithValidation:
      "ours with validation (createRecord's preparation): `validateRecord` + `creationValues` + `toItem` (+ the item-size check where the library has it), then `fromItem`",
    handWritten: 'hand-written for this shape (the floor)',
  };
  const utilWall = summarize(codecTotals(codec, 'utilDynamodb', 'wall')).median;
  const handWall = summarize(codecTotals(codec, 'handWritten', 'wall')).median;
  const rows = Object.keys(codec.encodeMs).map((name) => {
    const total = summarize(codecTotals(codec, name));
    const wall = summarize(codecTotals(codec, name, 'wall')).median;
    const encode = summarize(codec.encodeMs[name]!).median;
    const decode = summarize(codec.decodeMs[name]!).median;
    const perRecord = (ms: number) => fixed((ms * 1000) / codec.records);
    return [
      names[name] ?? name,
      perRecord(encode),
      perRecord(decode),
      `${fixed(total.median)} (${range(total)})`,
      `${times(ratio(util, total.median))} (${pairedRange(codecTotals(codec, 'utilDynamodb'), codecTotals(codec, name))})`,
      `${times(ratio(hand, total.median))} (${pairedRange(codecTotals(codec, 'handWritten'), codecTotals(codec, name))})`,
      `${fixed(wall)} · ${times(ratio(utilWall, wall))} · ${times(ratio(handWall, wall))}`,
    ];
  });
  const validate = summarize(codec.validateMs);
  const validateWall = summarize(codec.validateWallMs);
  const perRecord = (ms: number) => fixed((ms * 1000) / codec.records);
  return [
    `## 1. Encode + decode, CPU only (${codec.records.toLocaleString('en-US')} phonebook records, ${codec.rounds} rounds)`,
    '',
    "Each round encodes every record to a DynamoDB item, then decodes the same items: every encoder makes the identical item, so one set made beforehand feeds every decoder (ours decodes to model instances, util-dynamodb and the hand-written decoder to plain objects). Outputs go to a 1,024-slot ring: they escape, so no allocation is optimised away, and die young, as a request's item does. Contenders interleaved, a full GC before each pass. Times are **CPU time of the process** (user + system, GC threads included), so other work on the machine does not count; the wall-clock figures are in the last column. Ratios: util-dynamodb (or hand-written) time / contender time, medians; in brackets the range of the per-round ratios.",
    '',
    table(
      [
        'contender',
        'encode µs/record',
        'decode µs/record',
        'encode + decode CPU ms: median (min–max)',
        'vs util-dynamodb',
        'vs hand-written',
        'wall-clock: ms · vs util · vs hand',
      ],
      rows,
    ),
    '',
    `Validation alone (\`await validateRecord(schema, record)\`, the check createRecord runs): **${perRecord(validate.median)} µs per record** CPU (${perRecord(validate.min)}–${perRecord(validate.max)}; wall-clock ${perRecord(validateWall.median)} µs), ${fixed(validate.median)} ms for all.`,
  ].join('\n');
}

function opsSection(ops: OpsResult): string {
  const measured = primary(ops);
  const raw = measured['raw']!;
  const rawTotal = sumPerRound(raw);
  const rawWall = summarize(sumPerRound(ops.microseconds['raw']!)).median;
  const rows = Object.keys(measured).map((name) => {
    const mine = measured[name]!;
    const cells = OPERATIONS.map((operation) => {
      const summary = summarize(mine[operation]);
      return `${fixed(summary.median)} (${range(summary)}) · ${times(ratio(summarize(raw[operation]).median, summary.median))}`;
    });
    const total = summarize(sumPerRound(mine));
    const row = [
      label(name),
      ...cells,
      `${fixed(total.median)} · ${times(ratio(summarize(rawTotal).median, total.median))}`,
      pairedRange(rawTotal, sumPerRound(mine)),
    ];
    if (ops.cpuMicroseconds) {
      const wall = summarize(sumPerRound(ops.microseconds[name]!)).median;
      row.push(`${fixed(wall)} · ${times(ratio(rawWall, wall))}`);
    }
    return row;
  });
  const clock = ops.cpuMicroseconds
    ? 'Cells: median **CPU µs** per operation (CPU time of the process: nothing but the client runs there, and other work on the machine does not count) (min–max over rounds) · ratio raw / contender; the last column is wall-clock.'
    : 'Cells: median wall-clock µs per operation, engine included (min–max over rounds) · ratio raw / contender.';
  return [
    `### ${ops.setting}`,
    '',
    `${ops.cpuMicroseconds ? `${ops.itemsPerRound.toLocaleString('en-US')} items per round, ${ops.rounds} rounds` : `${ops.items.toLocaleString('en-US')} items per contender in ${ops.rounds} interleaved rounds of ${ops.itemsPerRound.toLocaleString('en-US')}`}, each item created, read, updated and deleted one request at a time (all creates, then all gets, …). ${clock}`,
    '',
    table(
      [
        'contender',
        'create',
        'get',
        'update',
        'delete',
        'all four: µs · ratio',
        'per-round ratio range',
        ...(ops.cpuMicroseconds ? ['wall-clock all four: µs · ratio'] : []),
      ],
      rows,
    ),
  ].join('\n');
}

function bulkSection(bulk: readonly BulkResult[]): string {
  const rows = bulk.flatMap((result) =>
    Object.keys(result.batchWriteMs).map((name) => {
      const write = summarize(result.batchWriteMs[name]!);
      const query = summarize(result.queryMs[name]!);
      return [
        result.setting,
        name === 'raw' ? 'raw SDK (same chunking / paging)' : label(name),
        `${fixed(write.median)} (${range(write)})`,
        `${times(ratio(summarize(result.batchWriteMs['raw']!).median, write.median))} (${pairedRange(result.batchWriteMs['raw']!, result.batchWriteMs[name]!)})`,
        `${fixed(query.median)} (${range(query)})`,
        `${times(ratio(summarize(result.queryMs['raw']!).median, query.median))} (${pairedRange(result.queryMs['raw']!, result.queryMs[name]!)})`,
      ];
    }),
  );
  const first = bulk[0]!;
  return [
    `## 3. batchWrite and a paginated query (${first.items.toLocaleString('en-US')} items, ${first.rounds} rounds)`,
    '',
    `batchWrite: ${first.items.toLocaleString('en-US')} new items, 25 per BatchWriteItem, 4 requests in flight, unprocessed items retried with backoff (ours: \`repo.batchWrite({ put })\`). Query: the same ${first.items.toLocaleString('en-US')} items (one partition of a composite-key table), ${first.pageSize} per request (${first.queryPages} requests; ours: \`for await (… of repo.query({ book }, { pageSize: ${first.pageSize} }))\`), every item decoded. Milliseconds, median (min–max); ratio raw / ours, with the per-round range.`,
    '',
    table(['engine', 'contender', 'batchWrite ms', 'ratio', 'query ms', 'ratio'], rows),
  ].join('\n');
}

function importsSection(imports: ImportResult | undefined, footprint: FootprintResult | undefined): string {
  const parts = ['## 4. Cold import time and installed footprint', ''];
  if (imports) {
    const baseline = summarize(imports.ms['baseline']!).median;
    const rows = Object.keys(imports.ms)
      .filter((name) => name !== 'baseline')
      .map((name) => {
        const summary = summarize(imports.ms[name]!);
        return [
          label(name),
          `\`${imports.code[name]}\``,
          fixed(summary.median - baseline),
          `${fixed(summary.min - baseline)}–${fixed(summary.max - baseline)}`,
        ];
      });
    parts.push(
      `A fresh \`node -e "<code>"\` per run from \`bench/\` (a project that depends on the library and the contenders), ${imports.runs} runs per entry, entries interleaved; the median of \`node -e ""\` (${fixed(baseline)} ms) subtracted.`,
      '',
      table(['contender', 'code', 'import ms (median)', 'min–max'], rows),
      '',
    );
  }
  if (footprint) {
    const rows = footprint.entries.map((entry) => [
      label(entry.name),
      entry.roots.join(', '),
      String(entry.packages),
      entry.files.toLocaleString('en-US'),
      (entry.bytes / MB).toFixed(1),
    ]);
    parts.push(
      "The production dependency closure as installed here: `dependencies` and non-optional `peerDependencies`, resolved from node_modules as Node does; bytes are the files' sizes (nested node_modules counted as their own packages; a package at the same version in bench/ and the root counted once, as one install would hold it). Ours: package.json, README and dist/ (the published files) plus the closure of its `dependencies`; its optional peers (class-validator, only for models with class-validator decorators; the local engines) are in a row of their own where installed.",
      '',
      table(['contender', 'roots', 'packages', 'files', 'MB'], rows),
    );
  }
  return parts.join('\n');
}

function scanSection(scans: readonly ScanRuns[]): string {
  const label = (contender: string) =>
    contender === 'raw' ? 'raw SDK scan loop (unmarshall each item)' : 'ours: `for await (… of repo.scan())`';
  const rows = scans.flatMap((scan) =>
    scan.runs
      .filter((run) => !run.retainedHeap)
      .map((run) => [
        scan.engine,
        label(run.contender),
        run.items.toLocaleString('en-US'),
        fixed(run.ms / 1000),
        fixed(run.baselineRss / MB),
        fixed(run.peakRss / MB),
        `**${fixed((run.peakRss - run.baselineRss) / MB)}**`,
        fixed((run.peakHeapUsed - run.baselineHeapUsed) / MB),
      ]),
  );
  const retainedRows = scans.flatMap((scan) =>
    scan.runs
      .filter((run) => run.retainedHeap)
      .map((run) => [
        scan.engine,
        label(run.contender),
        run.retainedHeap!.map((bytes) => fixed(bytes / MB)).join(' · '),
      ]),
  );
  const first = scans[0]!;
  const parts = [
    `## 5. Memory: a scan of ${first.runs[0]?.items.toLocaleString('en-US') ?? '?'} items`,
    '',
    `Each run is a fresh process whose only work is the scan (the engine runs in a process of its own): everything loaded and one warm-up request made, two full GCs, then the baseline; \`process.memoryUsage()\` sampled every 50 ms and every 1,000 items. Items seeded with raw BatchWriteItem (${scans.map((scan) => `${scan.engine}: ${fixed(scan.seedMs / 1000)} s`).join(', ')}); DynamoDB's default 1 MB pages. The raw SDK loop holds nothing either: it is the reference for what the SDK and V8 cost by themselves.`,
    '',
    table(
      [
        'engine',
        'contender',
        'items',
        'seconds',
        'baseline RSS MB',
        'peak RSS MB',
        'RSS growth MB',
        'heap-used growth MB',
      ],
      rows,
    ),
  ];
  if (retainedRows.length > 0) {
    parts.push(
      '',
      'Does iteration hold on to what it has read? One more run each, with a full GC at every fifth of the table: the heap still in use then, over the baseline (MB). Flat means nothing accumulates; these GCs change the peaks, so these runs are not in the table above.',
      '',
      table(['engine', 'contender', 'retained heap after GC at 20 · 40 · 60 · 80 · 100 % (MB)'], retainedRows),
    );
  }
  return parts.join('\n');
}

function requestsSection(ops: OpsResult | undefined): string {
  const parts = ['## Requests each contender sends', ''];
  for (const name of CONTENDER_NAMES) parts.push(`- **${label(name)}**: ${REQUEST_DIFFERENCES[name]}`);
  if (ops?.requests) {
    parts.push(
      '',
      '<details><summary>The request bodies, as captured by the in-memory handler (one create, get, update, delete each)</summary>',
      '',
    );
    for (const [name, bodies] of Object.entries(ops.requests))
      parts.push(`${label(name)}:`, '', '```', ...bodies, '```', '');
    parts.push('</details>');
  }
  return parts.join('\n');
}

const METHOD = `## Method

- \`npm run bench\` builds the library (\`tsc\`, so decorator metadata is emitted; esbuild-based runners drop it), installs the bench's own dependencies (\`npm ci\` in \`bench/\`, when missing or older than its lockfile), compiles \`bench/\` with \`tsc -p bench\` to \`bench/.build/\`, and runs \`bench/.build/main.js\`. \`bench/\` is a package of its own that depends on the library as a user's project does (\`dynamodb-decorators\` resolves to \`dist/\`); the CPU suite loads the library's one internal entry point, \`dist/internal.js\`, from the same \`dist/\`. The library and every contender run on one copy of \`@aws-sdk/client-dynamodb\` and of the SDK core packages (the bench links them to the root's install, and checks at start-up and after every suite that no package is loaded twice).
- Every suite runs in a child process of its own (\`node --expose-gc\`), one per engine and suite; each engine is hosted in another process (dynalite in a Node process, DynamoDB Local in its Java process), so a suite's process does client work only.
- Contenders are interleaved in every round (A B C … A B C …) after a warm-up round that is not recorded, with a full GC before each timed block, so drift on the machine spreads over all of them. Tables report the median over rounds and the min–max.
- **Ratios are baseline time / contender time**: above 1 is faster than the baseline (the raw SDK for requests, util-dynamodb or the hand-written codec for CPU). Targets are judged on ratios of medians from the same run.
- The in-memory setting gives each contender's \`DynamoDBClient\` a \`requestHandler\` that answers every request with a canned HTTP 200 (PutItem \`{}\`, GetItem \`{"Item":…}\`, UpdateItem and DeleteItem \`{"Attributes":…}\`), so the times are the library + SDK client cost alone (middleware, signing, JSON), without network or engine.
- Other work may share the machine (the load averages above say how much); the per-round ratio ranges show how stable each ratio is.
- Quick run: \`BENCH_SCALE=0.1 npm run bench\`. Also: \`BENCH_ENGINES=dynalite\`, \`BENCH_SUITES=codec,ops,bulk,scan,imports,footprint\` (any subset), \`BENCH_ROUNDS_CODEC\`, \`BENCH_ROUNDS_OPS_MEMORY\`, \`BENCH_ROUNDS_OPS_ENGINE\`, \`BENCH_ROUNDS_BULK\`, \`BENCH_ROUNDS_SCAN\`, \`BENCH_ROUNDS_IMPORT\`.
- Profiling one suite: after a run, e.g. \`node --cpu-prof --cpu-prof-dir=.build/profiles bench/.build/suites/ops.js --only ours\` (in-memory setting) or \`node --cpu-prof --cpu-prof-dir=.build/profiles bench/.build/suites/codec.js --only ours\`, then \`node bench/.build/profileTop.js .build/profiles/<file>.cpuprofile\` for the functions with the most self time.`;

/** The whole BENCHMARKS.md. */
export function renderReport(results: AllResults): string {
  const parts = [
    '# Benchmarks',
    '',
    `Measured by \`npm run bench\` on this machine; every number below comes from one run. Reproduce with \`${results.info.command}\`.`,
    '',
    header(results.info),
    '',
  ];
  const targets = targetRows(results);
  if (targets.length > 0) {
    parts.push(
      '## Targets (issue 4)',
      '',
      table(
        ['target', 'measured', 'met'],
        targets.map((row) => [row.target, row.measured, row.met === undefined ? '–' : row.met ? 'yes' : '**no**']),
      ),
      '',
    );
  }
  if (results.failures.length > 0)
    parts.push('## Failed or skipped', '', ...results.failures.map((failure) => `- ${failure}`), '');
  if (results.codec) parts.push(codecSection(results.codec), '');
  if (results.ops.length > 0) {
    parts.push(
      '## 2. Single-item create / get / update / delete',
      '',
      'The same conditional requests from every contender (differences below). Ours validates before sending; the raw SDK does not. The per-round ratio range (raw / contender, all four operations, round by round) shows how much the machine moved the ratios: where it is wider than a few per cent, so is the uncertainty of a ratio of medians, and a 0.97x target cannot be told from 1.0x with confidence.',
      '',
    );
    for (const ops of results.ops) parts.push(opsSection(ops), '');
  }
  if (results.bulk.length > 0) parts.push(bulkSection(results.bulk), '');
  if (results.imports || results.footprint) parts.push(importsSection(results.imports, results.footprint), '');
  if (results.scans.length > 0) parts.push(scanSection(results.scans), '');
  if (results.ops.length > 0) parts.push(requestsSection(results.ops.find((ops) => ops.requests)), '');
  parts.push(METHOD, '');
  return parts.join('\n');
}
