import { randomUUID } from 'node:crypto';

let counter = 0;

/**
 * A table name no other test file uses: `prefix`, this process's id, a counter and a random part,
 * within DynamoDB's rules (3 to 255 of a-z A-Z 0-9 _ - .; other characters of `prefix` become `_`).
 * @example
 * uniqueTableName('phonebook-table'); // 'phonebook-table_4242_1_9f86d081'
 */
export function uniqueTableName(prefix: string): string {
  counter += 1;
  // The pid and counter keep names apart within a run, the random part across runs and across test
  // files, which jest and vitest load in fresh module registries (the counter starts again in each).
  const suffix = `_${process.pid}_${counter}_${randomUUID().slice(0, 8)}`;
  const safePrefix = prefix.replace(/[^a-zA-Z0-9_.-]/g, '_').slice(0, 255 - suffix.length);
  return `${safePrefix || 't'}${suffix}`;
}
