import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { WaitTimeoutError } from '../errors/WaitTimeoutError';
import { isResourceInUse, isResourceNotFound } from '../errors/translateAwsError';
import { Pipeline } from '../pipeline/Pipeline';
import { waitUntilActive, type TableRequest } from '../repository/waitUntilActive';

/** Options of {@link deleteTable}. */
export interface DeleteTableOptions {
  /** How long to wait for the table to go (and, if it is being created or updated, for that first); default 5 minutes. */
  readonly timeoutMs?: number;
}

const POLL_MS = 100;
const MAX_POLL_MS = 2_000;
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * Deletes a table and resolves once DynamoDB no longer knows it; a table that is already gone is fine.
 * A table being created or updated is waited for first, since DynamoDB refuses to delete it then.
 * @throws WaitTimeoutError when the table is not ACTIVE (to be deleted), or not gone, within `timeoutMs`.
 * @throws SetupError (an endpoint that does not answer, no region or credentials); other SDK errors pass through.
 * @example
 * afterAll(() => deleteTable(client, tableName));
 */
export async function deleteTable(
  client: DynamoDBClient,
  tableName: string,
  options: DeleteTableOptions = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 5 * 60 * 1000;
  const pipeline = new Pipeline(client);
  // "not found" and "in use" are answers here, never a TableNotFoundError
  const request: TableRequest = {
    call: 'deleteTable',
    table: tableName,
    answers: ['ResourceNotFoundException', 'ResourceInUseException'],
  };
  try {
    await pipeline.send('DeleteTable', { TableName: tableName }, request);
  } catch (error) {
    if (isResourceNotFound(error)) return;
    // Being created, updated, or deleted already: wait until it is ACTIVE (or gone), then ask again.
    if (!isResourceInUse(error)) throw error;
    try {
      await waitUntilActive(pipeline, request, { timeoutMs });
    } catch (waitError) {
      if (isResourceNotFound(waitError)) return;
      throw waitError;
    }
    return deleteTable(client, tableName, options);
  }
  await waitUntilGone(pipeline, request, timeoutMs);
}

/** Polls DescribeTable until the engine no longer knows the table (local engines: at once; DynamoDB: seconds). */
async function waitUntilGone(pipeline: Pipeline, request: TableRequest, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let interval = POLL_MS;
  for (;;) {
    let status: string | undefined;
    try {
      status = (await pipeline.send('DescribeTable', { TableName: request.table }, request)).Table?.TableStatus;
    } catch (error) {
      if (isResourceNotFound(error)) return;
      throw error;
    }
    if (Date.now() + interval > deadline) throw new WaitTimeoutError(request.table, undefined, status, timeoutMs);
    await sleep(interval);
    interval = Math.min(interval * 2, MAX_POLL_MS);
  }
}
