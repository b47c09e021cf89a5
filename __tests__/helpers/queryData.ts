import { setTimeout as sleep } from 'node:timers/promises';
import {
  BatchWriteItemCommand,
  type AttributeValue,
  type DynamoDBClient,
  type WriteRequest,
} from '@aws-sdk/client-dynamodb';
import { toItem } from '../../lib/marshalling/codec';
import { compileSchema } from '../../lib/schema/compileSchema';
import { IndexedEventData, STATUSES, StatusQueryData } from '../fixtures/models';

// Seed data for the query and scan tests, and a batch writer that owes nothing to the library's
// own batch module (so these tests do not depend on it).

/** A StatusQueryData row as plain data. */
export type StatusRow = Omit<StatusQueryData, never>;
/** An IndexedEventData row as plain data. */
export type EventRow = Omit<IndexedEventData, never>;

const pad = (value: number, length = 3) => String(value).padStart(length, '0');

/** 120 status rows: statuses in turn, a third of the timestamps in 2025, some tags and notes. */
export function statusRows(count = 120): StatusRow[] {
  return Array.from({ length: count }, (_, i) => ({
    request_id: `r${pad(i)}`,
    status: STATUSES[i % STATUSES.length]!,
    timestamp: `${i % 3 === 0 ? 2025 : 2026}-01-01T00:${pad(Math.floor(i / 60), 2)}:${pad(i % 60, 2)}Z`,
    name: `name-${i}`,
    retries: i % 5,
    ...(i % 3 === 1 && { tags: new Set(['gpu', 'x']) }),
    ...(i % 8 < 4 && { note: `note ${i}` }),
  }));
}

/** Events of one device: `at` 0..count-1, timestamps running the other way, a binary digest each. */
export function eventRows(device: string, count: number): EventRow[] {
  return Array.from({ length: count }, (_, at) => ({
    device_id: device,
    at,
    timestamp: `t${pad(1000 - at, 4)}`,
    digest: new Uint8Array([at % 7, at % 256, Math.floor(at / 256)]),
    kind: ['click', 'view', 'error'][at % 3]!,
    size: at,
  }));
}

/** Marshals rows of a model for BatchWriteItem. */
export function itemsOf(model: abstract new () => object, rows: readonly object[]): Record<string, AttributeValue>[] {
  const schema = compileSchema(model);
  return rows.map((row) => toItem(schema, row as Record<string, unknown>));
}

/**
 * Writes items with BatchWriteItem, 25 a request, `concurrency` requests at a time, sending
 * unprocessed items again until none is left (or fails after many rounds).
 */
export async function putAll(
  client: DynamoDBClient,
  tableName: string,
  items: readonly Record<string, AttributeValue>[],
  concurrency = 8,
): Promise<void> {
  const chunks: WriteRequest[][] = [];
  for (let start = 0; start < items.length; start += 25) {
    chunks.push(items.slice(start, start + 25).map((Item) => ({ PutRequest: { Item } })));
  }
  let next = 0;
  const worker = async () => {
    while (next < chunks.length) {
      let pending = chunks[next++]!;
      for (let round = 0; pending.length > 0; round += 1) {
        if (round > 20) throw new Error(`putAll: ${pending.length} items still unprocessed after 20 rounds`);
        if (round > 0) await sleep(Math.min(1000, 20 * 2 ** round));
        const { UnprocessedItems } = await client.send(
          new BatchWriteItemCommand({ RequestItems: { [tableName]: pending } }),
        );
        pending = UnprocessedItems?.[tableName] ?? [];
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Collects an async iterable. */
export async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const each of iterable) all.push(each);
  return all;
}
