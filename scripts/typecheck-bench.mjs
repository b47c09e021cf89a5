#!/usr/bin/env node
// How much the typed API costs the compiler: generates three projects of 50 models each and
// type-checks them with `tsc --noEmit`, in turns so that all see the same machine load.
//   typed:      50 decorated models declaring [ModelTypes], a repository each, and per model the typed API
//               (repo.where conditions with a nested path, typed ids, typed changes and actions, an index name)
//   undeclared: the same decorated models without [ModelTypes], the same calls through the free where()
//               (the library before the typed API: what decorators cost by themselves)
//   plain:      the same 50 classes without decorators, the same calls as undeclared
// All compile against the library's declarations (built here into the temporary directory), as a
// user's project would. Prints the medians of N runs of each (default 5): wall time, CPU time (user +
// system, steadier on a shared machine) and, from `--extendedDiagnostics`, check time, instantiations, types.
//   node scripts/typecheck-bench.mjs [--runs 5] [--models 50] [--keep]
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const tsc = path.join(root, 'node_modules/.bin/tsc');
const argument = (name, fallback) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const runs = argument('runs', 5);
const models = argument('models', 50);
const keep = process.argv.includes('--keep');

const STATUSES = "['NEW', 'OPEN', 'DONE'] as const";

/** One model and its use, of the kind of project named (see above). */
function modelSource(index, kind) {
  const typed = kind === 'typed';
  const decorate = (decorator) => (kind === 'plain' ? '' : `${decorator} `);
  return `import { ${kind === 'plain' ? '' : 'Attribute, Categorical, CreatedAt, GlobalIndex, PartitionKey, Table, Version, '}${typed ? 'ModelTypes, ' : ''}Repository, add, addToSet, append, remove${typed ? '' : ', where'} } from 'dynamodb-decorators';

export const STATUSES_${index} = ${STATUSES};

export class Address${index} {
  ${decorate('@Attribute()')}city!: string;
  ${decorate('@Attribute({ optional: true })')}zip?: string;
}

${decorate(`@Table({ name: 'table-${index}' })`)}
export class Model${index} {
  ${typed ? `declare [ModelTypes]?: { key: 'id'; managed: 'version' | 'created_at'; indexes: 'byStatus' };` : ''}
  ${decorate('@PartitionKey()')}id!: string;
  ${decorate('@Attribute()')}name!: string;
  ${decorate(`@Categorical(STATUSES_${index}) @GlobalIndex('byStatus', { sortKey: 'name' })`)}status!: (typeof STATUSES_${index})[number];
  ${decorate('@Attribute()')}count!: number;
  ${decorate("@Attribute({ type: 'bigint' })")}amount!: bigint;
  ${decorate("@Attribute({ type: 'stringSet' })")}tags!: Set<string>;
  ${decorate('@Attribute()')}notes!: string[];
  ${decorate("@Attribute({ type: 'map' })")}address!: Address${index};
  ${decorate('@Attribute({ optional: true })')}note?: string;
  ${decorate('@Attribute()')}paid!: boolean;
  ${decorate('@Version()')}version!: number;
  ${decorate('@CreatedAt()')}created_at!: Date;
}

export class Repository${index} extends Repository<Model${index}> {}

export async function use${index}(repo: Repository${index}): Promise<unknown[]> {
  ${typed ? 'const { where } = repo;' : ''}
  const created = await repo.createRecord({
    id: 'x', name: 'n', status: 'NEW', count: 1, amount: 1n, tags: new Set(['t']), notes: [],
    address: { city: 'Paris' }, paid: false,
  });
  const found = await repo.getRecord('x');
  const updated = await repo.updateRecord(
    'x',
    { count: add(1), amount: add(2n), tags: addToSet('t'), notes: append(['n']), note: remove(), status: 'DONE' },
    { condition: where('status').eq('NEW').and(where('count').lt(10)) },
  );
  const removed = await repo.deleteRecord('x', {
    condition: where(['address', 'city']).eq('Paris').and(where('paid').eq(false)),
  });
  const read = repo.query(
    { status: 'OPEN' },
    { index: 'byStatus', sortKey: where('name').beginsWith('a'), filter: where('tags').contains('t') },
  );
  const { records } = await repo.batchGet(['a', 'b']);
  return [created, found, updated, removed, read, records];
}
`;
}

function writeProject(directory, kind, declarations) {
  mkdirSync(directory, { recursive: true });
  const files = [];
  for (let index = 0; index < models; index++) {
    const name = `model${index}.ts`;
    writeFileSync(path.join(directory, name), modelSource(index, kind));
    files.push(name);
  }
  const config = {
    compilerOptions: {
      target: 'ES2022',
      module: 'node16',
      moduleResolution: 'node16',
      lib: ['ES2022'],
      types: ['node'],
      typeRoots: [path.join(root, 'node_modules/@types')],
      strict: true,
      experimentalDecorators: true,
      emitDecoratorMetadata: true,
      skipLibCheck: true,
      noEmit: true,
      baseUrl: '.',
      paths: { 'dynamodb-decorators': [path.join(declarations, 'index.d.ts')] },
    },
    files,
  };
  writeFileSync(path.join(directory, 'tsconfig.json'), JSON.stringify(config, null, 2));
}

/** One `tsc --noEmit --extendedDiagnostics` of a project: wall time, CPU time and the compiler's own figures. */
function typeCheck(directory) {
  const started = process.hrtime.bigint();
  // `times` (POSIX sh) prints the CPU time of the shell's children, i.e. tsc's: less disturbed than the wall
  // clock when other work shares the machine
  const output = execFileSync(
    'sh',
    ['-c', '"$0" "$@" || exit $?; times', tsc, '-p', directory, '--extendedDiagnostics'],
    {
      encoding: 'utf8',
    },
  );
  const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
  const [user, system] = [
    ...output
      .trim()
      .split('\n')
      .at(-1)
      .matchAll(/(\d+)m([\d.]+)s/g),
  ].map(([, minutes, seconds]) => (Number(minutes) * 60 + Number(seconds)) * 1000);
  return {
    wallMs,
    cpuMs: user + system,
    checkMs: figure(output, 'Check time') * 1000,
    instantiations: figure(output, 'Instantiations'),
    types: figure(output, 'Types'),
  };
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const figure = (output, label) => Number(output.match(new RegExp(`^${label}:\\s+([\\d.]+)`, 'm'))?.[1]);

const work = mkdtempSync(path.join(tmpdir(), 'typecheck-bench-'));
try {
  const declarations = path.join(work, 'dist');
  // the library's declarations, as a user's project sees them (its node_modules copy of the SDK resolves from here)
  execFileSync(tsc, ['-p', path.join(root, 'tsconfig.build.json'), '--emitDeclarationOnly', '--outDir', declarations]);
  writeFileSync(path.join(work, 'package.json'), '{ "private": true }');
  symlinkSync(path.join(root, 'node_modules'), path.join(work, 'node_modules'));
  const kinds = ['typed', 'undeclared', 'plain'];
  const projects = Object.fromEntries(kinds.map((kind) => [kind, path.join(work, kind)]));
  for (const kind of kinds) writeProject(projects[kind], kind, declarations);

  // all must compile (execFileSync throws otherwise): a timing of a failing check would measure nothing
  for (const kind of kinds) typeCheck(projects[kind]);
  const results = Object.fromEntries(kinds.map((kind) => [kind, []]));
  for (let run = 0; run < runs; run++) {
    // each run starts with another project, so that none always runs first (or last)
    for (const at of kinds.keys()) {
      const kind = kinds[(at + run) % kinds.length];
      results[kind].push(typeCheck(projects[kind]));
    }
  }
  const row = (kind) => {
    const of = (field) => results[kind].map((result) => result[field]);
    return {
      'wall ms (median)': Math.round(median(of('wallMs'))),
      'wall ms (runs)': of('wallMs').map(Math.round).join(' '),
      'CPU ms (median)': Math.round(median(of('cpuMs'))),
      'check ms (median)': Math.round(median(of('checkMs'))),
      instantiations: median(of('instantiations')),
      types: median(of('types')),
    };
  };
  const rows = Object.fromEntries(kinds.map((kind) => [kind, row(kind)]));
  console.log(
    `${models} models, ${runs} runs each, TypeScript ${execFileSync(tsc, ['-v'], { encoding: 'utf8' }).trim()}`,
  );
  console.table(rows);
  const ratios = (over, under) => {
    const ratio = (key) => (rows[over][key] / rows[under][key]).toFixed(2);
    return (
      `${over} / ${under}: wall ${ratio('wall ms (median)')}x, CPU ${ratio('CPU ms (median)')}x, ` +
      `check ${ratio('check ms (median)')}x, instantiations ${ratio('instantiations')}x, types ${ratio('types')}x`
    );
  };
  console.log(ratios('typed', 'plain'));
  console.log(ratios('typed', 'undeclared'));
  console.log(ratios('undeclared', 'plain'));
  if (keep) console.log(`projects kept in ${work}`);
} finally {
  if (!keep) rmSync(work, { recursive: true, force: true });
}
