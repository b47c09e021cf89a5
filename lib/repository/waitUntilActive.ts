import type { TableDescription } from '@aws-sdk/client-dynamodb';
import { WaitTimeoutError } from '../errors/WaitTimeoutError';
import type { Pipeline, RequestTarget } from '../pipeline/Pipeline';

/** A request about one table: the call that sends it and the table's name. */
export type TableRequest = RequestTarget & { readonly table: string };

/** How long to wait and how often to look. */
export interface WaitOptions {
  readonly timeoutMs: number;
  /** First pause between two DescribeTable calls; it grows to `maxIntervalMs`. */
  readonly intervalMs?: number;
  readonly maxIntervalMs?: number;
  /** Sees every description while waiting, the last (ACTIVE) one included: a progress display's feed. */
  readonly onPoll?: (table: TableDescription) => void;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Polls DescribeTable until the table (and, with `indexName`, that index) is ACTIVE, and
 * resolves with the last description. `request` names the table and the call waiting.
 * @throws WaitTimeoutError past `timeoutMs`; errors from DescribeTable pass through the pipeline.
 */
export async function waitUntilActive(
  pipeline: Pipeline,
  request: TableRequest,
  options: WaitOptions & { indexName?: string },
): Promise<TableDescription> {
  const tableName = request.table;
  const deadline = Date.now() + options.timeoutMs;
  let interval = options.intervalMs ?? 50;
  let lastStatus: string | undefined;
  for (;;) {
    const { Table: table } = await pipeline.send('DescribeTable', { TableName: tableName }, request);
    if (table) {
      options.onPoll?.(table);
      lastStatus = statusOf(table, options.indexName);
      if (lastStatus === 'ACTIVE') return table;
    }
    if (Date.now() + interval > deadline)
      throw new WaitTimeoutError(tableName, options.indexName, lastStatus, options.timeoutMs);
    await sleep(interval);
    interval = Math.min(interval * 1.5, options.maxIntervalMs ?? 1_000);
  }
}

function statusOf(table: TableDescription, indexName: string | undefined): string | undefined {
  if (table.TableStatus !== 'ACTIVE' || indexName === undefined) return table.TableStatus;
  return table.GlobalSecondaryIndexes?.find((index) => index.IndexName === indexName)?.IndexStatus;
}
