import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/** A stored item, or a key, as DynamoDB sends it. */
export type Item = Record<string, AttributeValue>;

/** What one Query or Scan request returned. */
export interface FetchedPage {
  readonly items: readonly Item[];
  readonly lastKey?: Item;
}

/** Sends one request from `startKey` (undefined: the beginning), asking DynamoDB to evaluate at most `limit` items. */
export type FetchPage = (
  startKey: Item | undefined,
  limit: number | undefined,
  signal?: AbortSignal,
) => Promise<FetchedPage>;

/** How a sequence of requests is sized. */
export interface PagingOptions {
  /** The most items wanted in all. */
  readonly limit?: number;
  /** DynamoDB's Limit per request. */
  readonly pageSize?: number;
  /** Whether a filter may drop evaluated items. */
  readonly filtered: boolean;
  readonly startKey?: Item;
  readonly signal?: AbortSignal;
  /** Which items the read returns (of a table shared by several models: its own); the others are skipped. */
  readonly accept?: (item: Item) => boolean;
  /** Told how many items each response had that `accept` skipped, among those the read went through. */
  readonly onSkipped?: (count: number) => void;
}

/**
 * DynamoDB's `Limit` for the next request. Without a filter every evaluated item is returned,
 * so asking for more than are still wanted would only read items to throw away; with a filter
 * the count of matches is unknown, and a small Limit would only multiply round trips.
 */
export function requestLimit(
  pageSize: number | undefined,
  remaining: number | undefined,
  filtered: boolean,
): number | undefined {
  if (remaining === undefined || filtered) return pageSize;
  return pageSize === undefined ? remaining : Math.min(pageSize, remaining);
}

/**
 * Yields the non-empty pages of a query or scan segment, one request at a time, until DynamoDB
 * has no more or `limit` items have been yielded: only the current page is held in memory.
 */
export async function* pages(fetch: FetchPage, options: PagingOptions): AsyncGenerator<readonly Item[]> {
  let startKey = options.startKey;
  let remaining = options.limit;
  do {
    const { items, lastKey } = await fetch(
      startKey,
      requestLimit(options.pageSize, remaining, options.filtered),
      options.signal,
    );
    const { taken } = select(items, remaining, options);
    if (remaining !== undefined) remaining -= taken.length;
    if (taken.length > 0) yield taken;
    startKey = lastKey;
  } while (startKey && remaining !== 0);
}

/** One page for a caller: the items, and the key to resume right after the last of them (undefined at the end). */
export interface ReadPageResult {
  readonly items: Item[];
  readonly resumeKey?: Item;
}

/**
 * Reads one page for `.page()`. Without `limit`, one request's items and DynamoDB's own
 * LastEvaluatedKey. With `limit`, requests until `limit` items are found or the read is
 * exhausted; when a response holds more than fit, the rest are dropped and the resume key is
 * built from the last item kept (its `keyNames`), so the next page neither skips nor repeats one.
 * @throws Error when the engine returns an item without one of `keyNames` (no cursor can be built then).
 */
export async function readPage(
  fetch: FetchPage,
  options: PagingOptions,
  keyNames: readonly string[],
): Promise<ReadPageResult> {
  const { limit, pageSize, filtered } = options;
  if (limit === undefined) {
    const { items, lastKey } = await fetch(options.startKey, pageSize);
    return { items: [...select(items, undefined, options).taken], ...(lastKey && { resumeKey: lastKey }) };
  }
  const kept: Item[] = [];
  let startKey = options.startKey;
  do {
    const room = limit - kept.length;
    const { items, lastKey } = await fetch(startKey, requestLimit(pageSize, room, filtered));
    const { taken, more } = select(items, room, options);
    kept.push(...taken);
    if (more) return { items: kept, resumeKey: keyOf(kept[kept.length - 1]!, keyNames) };
    startKey = lastKey;
  } while (startKey && kept.length < limit);
  return { items: kept, ...(startKey && { resumeKey: startKey }) };
}

/**
 * The items of a response a read takes: up to `room` of those `accept` takes (all, without one), and
 * whether more were left (the read then resumes after the last one taken). The items skipped before
 * the last one taken are reported to `onSkipped`; later ones are read again by the next request.
 */
function select(
  items: readonly Item[],
  room: number | undefined,
  { accept, onSkipped }: PagingOptions,
): { taken: readonly Item[]; more: boolean } {
  if (!accept) {
    const more = room !== undefined && items.length > room;
    return { taken: more ? items.slice(0, room) : items, more };
  }
  const taken: Item[] = [];
  let skipped = 0;
  let skippedBeforeLast = 0;
  for (const item of items) {
    if (!accept(item)) {
      skipped += 1;
      continue;
    }
    if (room !== undefined && taken.length === room) {
      if (skippedBeforeLast > 0) onSkipped?.(skippedBeforeLast);
      return { taken, more: true };
    }
    taken.push(item);
    skippedBeforeLast = skipped;
  }
  if (skipped > 0) onSkipped?.(skipped);
  return { taken, more: false };
}

function keyOf(item: Item, keyNames: readonly string[]): Item {
  const key: Item = {};
  for (const name of keyNames) {
    const value = item[name];
    // the builders always fetch the key attributes, so this means an engine broke the contract
    if (value === undefined)
      throw new Error(`The engine returned an item without its key attribute ${name}; cannot build a cursor.`);
    key[name] = value;
  }
  return key;
}

/**
 * Yields the pages of several segments as they arrive. Each segment reads at most one page
 * ahead of the consumer, so memory is bounded by the segment count, not the table. On an
 * early exit or a failure the other segments' requests are aborted through `controller`.
 */
export async function* mergePages<P>(
  segments: readonly AsyncIterator<P>[],
  controller: AbortController,
): AsyncGenerator<P> {
  type Arrival = { readonly segment: number } & ({ readonly result: IteratorResult<P> } | { readonly error: unknown });
  // arrivals queue up in order (a Promise.race per page would pile reactions onto slow segments)
  const arrived: Arrival[] = [];
  const inFlight = new Set<Promise<void>>();
  let wake: (() => void) | undefined;
  const request = (segment: number) => {
    const settle = (arrival: Arrival) => {
      arrived.push(arrival);
      inFlight.delete(reading);
      wake?.();
    };
    const reading: Promise<void> = segments[segment]!.next().then(
      (result) => settle({ segment, result }),
      (error: unknown) => settle({ segment, error }),
    );
    inFlight.add(reading);
  };
  segments.forEach((_, segment) => request(segment));
  let active = segments.length;
  try {
    while (active > 0) {
      if (arrived.length === 0) await new Promise<void>((resolve) => (wake = resolve));
      const arrival = arrived.shift()!;
      if ('error' in arrival) throw arrival.error;
      if (arrival.result.done) {
        active -= 1;
        continue;
      }
      request(arrival.segment); // read ahead while the consumer handles this page
      yield arrival.result.value;
    }
  } finally {
    controller.abort();
    // the abandoned reads fail with AbortError (or finish); wait so none outlives the scan
    await Promise.all(inFlight);
  }
}
