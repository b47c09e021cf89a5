import { setTimeout as sleep } from 'node:timers/promises';
import { RecordValidationError } from '../errors/RecordValidationError';
import type { ValidationIssue } from '../errors/ValidationIssue';
import { describeType } from '../validation/checks';

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

/**
 * Applies the defaults of `BatchOptions` and checks them.
 * @throws RecordValidationError when `maxRetries` is not a whole number ≥ 0 or `concurrency` not one ≥ 1.
 */
export function resolveBatchOptions(modelName: string, options: BatchOptions): ResolvedBatchOptions {
  const { maxRetries = DEFAULT_MAX_RETRIES, concurrency = DEFAULT_CONCURRENCY } = options;
  const issues: ValidationIssue[] = [];
  if (!Number.isSafeInteger(maxRetries) || maxRetries < 0) {
    issues.push({
      attribute: 'options.maxRetries',
      received: describeType(maxRetries),
      constraint: 'must be a whole number ≥ 0',
    });
  }
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    issues.push({
      attribute: 'options.concurrency',
      received: describeType(concurrency),
      constraint: 'must be a whole number ≥ 1',
    });
  }
  if (issues.length > 0) throw new RecordValidationError(modelName, issues);
  return { maxRetries, concurrency };
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
