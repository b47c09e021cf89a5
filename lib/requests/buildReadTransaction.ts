import type { AttributeValue, TransactGetItemsCommandInput } from '@aws-sdk/client-dynamodb';

/** One checked get of a read transaction: the table, and the item's key. */
export interface TransactionGet {
  readonly tableName: string;
  readonly key: Record<string, AttributeValue>;
}

/** The TransactGetItems request for checked gets, in order: DynamoDB answers in the same order. */
export function buildReadTransaction(gets: readonly TransactionGet[]): TransactGetItemsCommandInput {
  return { TransactItems: gets.map(({ tableName, key }) => ({ Get: { TableName: tableName, Key: key } })) };
}
