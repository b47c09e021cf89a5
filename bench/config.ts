// Sizes and rounds of every suite, read from the environment so a quick run is one variable away:
// BENCH_SCALE=0.1 divides every item count by ten (rounds stay as they are).

/** A positive number from the environment, or the default. */
function numberFromEnv(name: string, fallback: number): number {
  const text = process.env[name];
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!Number.isFinite(value) || value <= 0)
    throw new Error(`${name} must be a positive number, not ${JSON.stringify(text)}.`);
  return value;
}

/** Multiplies every item count (not the rounds); 1 gives the sizes. */
export const SCALE = numberFromEnv('BENCH_SCALE', 1);

function scaled(count: number, minimum: number): number {
  return Math.max(minimum, Math.round(count * SCALE));
}

export const sizes = {
  /** Records encoded and decoded per round of the CPU suite. */
  codecRecords: scaled(100_000, 1_000),
  /** Items put, got, updated and deleted one at a time per contender: in every round in memory;
   * on an engine, split across the rounds (8 rounds of 250), which keeps both engines within the time budget. */
  opsItems: scaled(2_000, 50),
  /** Items written by batchWrite, then read back by a paginated query, per contender and round. */
  bulkItems: scaled(10_000, 250),
  /** Items in the table the memory suite scans. */
  scanItems: scaled(100_000, 1_000),
};

export const rounds = {
  codec: numberFromEnv('BENCH_ROUNDS_CODEC', 7),
  opsInMemory: numberFromEnv('BENCH_ROUNDS_OPS_MEMORY', 5),
  opsEngine: numberFromEnv('BENCH_ROUNDS_OPS_ENGINE', 8),
  bulk: numberFromEnv('BENCH_ROUNDS_BULK', 3),
  /** Scanner processes per contender (alternating ours, raw, ours, raw...). */
  scan: numberFromEnv('BENCH_ROUNDS_SCAN', 2),
  /** Fresh `node -e` processes per package. */
  imports: numberFromEnv('BENCH_ROUNDS_IMPORT', 10),
};

/** The page size (DynamoDB's Limit) of the paginated query in the bulk suite. */
export const QUERY_PAGE_SIZE = 1_000;

/** Which engines to run on (comma-separated): dynalite, dynamodb-local. */
export const ENGINES = (process.env['BENCH_ENGINES'] ?? 'dynalite,dynamodb-local')
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);

/** Which suites to run (comma-separated): codec, ops, bulk, scan, imports, footprint. All by default. */
export const SUITES = (process.env['BENCH_SUITES'] ?? 'codec,ops,bulk,scan,imports,footprint')
  .split(',')
  .map((name) => name.trim())
  .filter(Boolean);
