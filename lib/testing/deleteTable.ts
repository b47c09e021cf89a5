import { DeleteTableCommand, waitUntilTableNotExists, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { isResourceInUse, isResourceNotFound } from '../errors/translateAwsError';
import { waitUntilActive } from '../repository/waitUntilActive';

/** Options of {@link deleteTable}. */
export interface DeleteTableOptions {
  /** How long to wait for the table to go (and, if it is being created or updated, for that first); default 5 minutes. */
  readonly timeoutMs?: number;
}

/**
 * Deletes a table and resolves once DynamoDB no longer knows it; a table that is already gone is fine.
 * A table being created or updated is waited for first, since DynamoDB refuses to delete it then.
 * @throws WaitTimeoutError when a table being created or updated is not ACTIVE within `timeoutMs`.
 * @throws the SDK waiter's TimeoutError when the table still exists after `timeoutMs`; other SDK errors pass through.
 * @example
 * afterAll(() => deleteTable(client, tableName));
 */
export async function deleteTable(
  client: DynamoDBClient,
  tableName: string,
  options: DeleteTableOptions = {},
): Promise<void> {
  const timeoutMs = options.timeoutMs ?? 5 * 60 * 1000;
  try {
    await client.send(new DeleteTableCommand({ TableName: tableName }));
  } catch (error) {
    if (isResourceNotFound(error)) return;
    // Being created, updated, or deleted already: wait until it is ACTIVE (or gone), then ask again.
    if (!isResourceInUse(error)) throw error;
    try {
      await waitUntilActive(client, tableName, { timeoutMs });
    } catch (waitError) {
      if (isResourceNotFound(waitError)) return;
      throw waitError;
    }
    return deleteTable(client, tableName, options);
  }
  // Local engines delete at once (the first poll sees it gone); DynamoDB takes seconds.
  await waitUntilTableNotExists(
    { client, maxWaitTime: Math.max(1, Math.ceil(timeoutMs / 1000)), minDelay: 1, maxDelay: 5 },
    { TableName: tableName },
  );
}
