import '../quiet';
import { spawnSync } from 'node:child_process';
import { progress, runSuite } from '../child';
import { rounds } from '../config';
import { BENCH_DIRECTORY } from '../installation';
import type { ImportResult } from '../results';
import { now } from '../stats';

// Cold import time: a fresh `node -e "require(...)"` per run, entries interleaved, from bench/ as
// from a user's project (`dynamodb-decorators` resolves through bench/node_modules to dist/).

/** What a program must load before its first request, per contender. */
export const IMPORTS: Record<string, string> = {
  baseline: '',
  ours: "require('dynamodb-decorators')",
  // the floor of any DynamoDB library on SDK v3: the target is ours at most 10 ms above it
  clientOnly: "require('@aws-sdk/client-dynamodb')",
  raw: "require('@aws-sdk/client-dynamodb'); require('@aws-sdk/util-dynamodb')",
  documentClient: "require('@aws-sdk/client-dynamodb'); require('@aws-sdk/lib-dynamodb')",
  toolbox: "require('@aws-sdk/client-dynamodb'); require('@aws-sdk/lib-dynamodb'); require('dynamodb-toolbox')",
  electrodb: "require('@aws-sdk/client-dynamodb'); require('@aws-sdk/lib-dynamodb'); require('electrodb')",
  dynamoose: "require('dynamoose')",
};

runSuite(async (): Promise<ImportResult> => {
  const ms: Record<string, number[]> = {};
  const runOnce = (code: string): number => {
    const start = now();
    const child = spawnSync(process.execPath, ['-e', code], {
      cwd: BENCH_DIRECTORY,
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const elapsed = now() - start;
    if (child.status !== 0) throw new Error(`node -e ${JSON.stringify(code)} failed: ${child.stderr.toString()}`);
    return elapsed;
  };
  for (const code of Object.values(IMPORTS)) runOnce(code); // warm the file system cache
  for (let round = 0; round < rounds.imports; round += 1) {
    for (const [name, code] of Object.entries(IMPORTS)) (ms[name] ??= []).push(runOnce(code));
  }
  progress(`imports: ${rounds.imports} runs of ${Object.keys(IMPORTS).length} entries`);
  return { runs: rounds.imports, ms, code: IMPORTS };
});
