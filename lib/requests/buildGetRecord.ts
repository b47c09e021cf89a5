import type { AttributeValue, GetItemCommandInput } from '@aws-sdk/client-dynamodb';

/** A get by key; `consistent` asks for a strongly consistent read. */
export function buildGetRecord(
  tableName: string,
  key: Record<string, AttributeValue>,
  consistent: boolean,
): GetItemCommandInput {
  return { TableName: tableName, Key: key, ConsistentRead: consistent };
}
