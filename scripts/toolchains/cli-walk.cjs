// The package's command, as a user runs it from their project: `npx dynamodb-decorators` (the bin and
// its commander dependency from the installed tarball) on models compiled by tsc, against dynalite
// started here and DynamoDB Local (Java). Each step's exit code and output are checked; a step that
// differs ends the run with a `failed:` line and exit code 1.
//   node cli-walk.cjs <compiled models> <the same models with an index added>
const { spawn } = require('node:child_process');
const { startDynalite, startDynamoDBLocal } = require('dynamodb-decorators/testing');

const [models, indexed] = process.argv.slice(2);

/** Runs `npx dynamodb-decorators <args>` without blocking: dynalite answers from this process. */
function cli(args) {
  return new Promise((resolve, reject) => {
    const child = spawn('npx', ['--no-install', 'dynamodb-decorators', ...args], { env: process.env });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

let checks = 0;
async function step(engine, args, code, pattern) {
  const run = await cli(args);
  const output = run.stdout + run.stderr;
  if (run.code !== code || !pattern.test(output)) {
    throw new Error(
      `${engine}: dynamodb-decorators ${args.join(' ')} exited ${run.code} (expected ${code}), ` +
        `output ${pattern.test(output) ? 'as expected' : `not matching ${pattern}`}:\n${output}`,
    );
  }
  checks += 1;
  console.log(`${engine}: ${args[0]}${args.includes('--dry-run') ? ' --dry-run' : ''} ${args[1]}: exit ${code}`);
}

async function walk(name, engine, indexBuilt) {
  const at = ['--endpoint', engine.endpoint];
  await step(name, ['diff', models, ...at], 1, /phonebook-table/);
  await step(name, ['sync', models, '--dry-run', ...at], 0, /would create table phonebook-table/);
  await step(name, ['sync', models, ...at], 0, /in sync/);
  await step(name, ['diff', models, ...at], 0, /index byRelationship/);
  await step(name, ['diff', indexed, ...at], 1, /index byName/);
  await step(name, ['sync', indexed, '--dry-run', ...at], 0, /would add global index byName/);
  if (indexBuilt) await step(name, ['sync', indexed, ...at], 0, /byName[\s\S]*in sync/);
  else await step(name, ['sync', indexed, ...at], 2, /UnsupportedCapabilityError/);
}

async function main() {
  await step('no engine', ['describe', indexed], 0, /byName[\s\S]*byRelationship/);
  for (const format of ['cloudformation', 'cdk', 'terraform', 'json']) {
    await step('no engine', ['export', indexed, '--format', format], 0, /phonebook-table[\s\S]*byName/);
  }
  const dynalite = await startDynalite();
  try {
    await walk('dynalite', dynalite, false);
  } finally {
    await dynalite.stop();
  }
  const local = await startDynamoDBLocal();
  try {
    await walk('DynamoDB Local', local, true);
  } finally {
    await local.stop();
  }
  console.log(`cli: ${checks} checks passed`);
}

main().catch((error) => {
  console.log(`failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exitCode = 1;
});
