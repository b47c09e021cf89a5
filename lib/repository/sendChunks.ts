import { setTimeout as sleep } from 'node:timers/promises';
import { wholeNumberOption, type OptionRules } from '../validation/checkOptions';

/** How `batchGet` and `batchWrite` send their requests. */
export interface BatchOptions {
  /** How many times keys or items reported unprocessed are sent again (exponential backoff, full jitter); default 8. */
  readonly maxRetries?: number;
  /** How many requests are in flight at once; default 4. */
  readonly concurrency?: number;
}

/** Batch options with their defaults applied and checked. */
export interface ResolvedBatchOptions {
  readonly maxRetries: number;
  readonly concurrency: number;
}

/** What a batch left undone: the requests never processed, and the errors that stopped a chunk (one per failed chunk). */
export interface ChunkLeftovers<R> {
  readonly left: R[];
  readonly errors: unknown[];
}

const DEFAULT_MAX_RETRIES = 8;
const DEFAULT_CONCURRENCY = 4;
const BACKOFF_BASE_MS = 50;
const BACKOFF_CAP_MS = 2000;

/** The rules of the options every batch call takes. */
export const BATCH_OPTIONS: OptionRules = { maxRetries: wholeNumberOption(0), concurrency: wholeNumberOption(1) };

/** Batch options (checked) with their defaults applied. */
export function resolveBatchOptions(options: BatchOptions = {}): ResolvedBatchOptions {
  return {
    maxRetries: options.maxRetries ?? DEFAULT_MAX_RETRIES,
    concurrency: options.concurrency ?? DEFAULT_CONCURRENCY,
  };
}

/**
 * Sends every chunk, `concurrency` at a time; what a response reports unprocessed is sent again
 * up to `maxRetries` times after a backoff. A request that throws (after the SDK's own retries)
 * ends its chunk: its pending requests are reported left, with the error, and the other chunks
 * go on. That holds when every request fails too (no table, no network, no access): the caller
 * gets every request back with the errors, the same answer as when only some fail, never a throw.
 */
export async function sendChunks<R>(
  chunks: readonly (readonly R[])[],
  options: ResolvedBatchOptions,
  send: (requests: readonly R[]) => Promise<readonly R[]>,
): Promise<ChunkLeftovers<R>> {
  const outcomes = await mapConcurrently(chunks, options.concurrency, (requests) =>
    sendChunk(requests, options.maxRetries, send),
  );
  return {
    left: outcomes.flatMap((outcome) => outcome.left),
    errors: outcomes.flatMap((outcome) => ('error' in outcome ? [outcome.error] : [])),
  };
}

/** The delay before retry `attempt` (0-based): full jitter, uniform in [0, min(cap, base × 2^attempt)). */
export function backoffDelay(attempt: number, random: () => number = Math.random): number {
  return random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** attempt);
}

type ChunkOutcome<R> = { readonly left: readonly R[] } | { readonly left: readonly R[]; readonly error: unknown };

async function sendChunk<R>(
  requests: readonly R[],
  maxRetries: number,
  send: (requests: readonly R[]) => Promise<readonly R[]>,
): Promise<ChunkOutcome<R>> {
  let pending = requests;
  for (let attempt = 0; ; attempt += 1) {
    try {
      pending = await send(pending);
    } catch (error) {
      return { left: pending, error };
    }
    if (pending.length === 0 || attempt >= maxRetries) return { left: pending };
    await sleep(backoffDelay(attempt));
  }
}

/** Runs `task` on every input with at most `concurrency` running at once; results keep the inputs' order. */
async function mapConcurrently<T, U>(
  inputs: readonly T[],
  concurrency: number,
  task: (input: T) => Promise<U>,
): Promise<U[]> {
  const results: U[] = new Array<U>(inputs.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < inputs.length) {
      const index = next;
      next += 1;
      results[index] = await task(inputs[index] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, inputs.length) }, worker));
  return results;
}
