import { DescribeTableCommand, type DynamoDBClient, type TableDescription } from '@aws-sdk/client-dynamodb';
import { WaitTimeoutError } from '../errors/WaitTimeoutError';

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
 * resolves with the last description.
 * @throws WaitTimeoutError past `timeoutMs`; errors from DescribeTable pass through.
 */
export async function waitUntilActive(
  client: DynamoDBClient,
  tableName: string,
  options: WaitOptions & { indexName?: string },
): Promise<TableDescription> {
  const deadline = Date.now() + options.timeoutMs;
  let interval = options.intervalMs ?? 50;
  let lastStatus: string | undefined;
  for (;;) {
    const { Table: table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
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
