import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/**
 * A client for a local engine at `endpoint`: region us-east-1 and dummy static credentials, which
 * local engines accept whatever they are (DynamoDB Local runs with -sharedDb, so every key sees the same tables).
 */
export function createLocalClient(endpoint: string, maxAttempts?: number): DynamoDBClient {
  return new DynamoDBClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    ...(maxAttempts === undefined ? {} : { maxAttempts }),
  });
}
