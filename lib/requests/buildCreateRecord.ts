import type { AttributeValue, PutItemCommandInput } from '@aws-sdk/client-dynamodb';
import { ExpressionContext } from '../expressions/ExpressionContext';
import type { CompiledSchema } from '../schema/CompiledSchema';

/** A conditional put that never overwrites: it fails when an item with the key exists. */
export function buildCreateRecord(schema: CompiledSchema, tableName: string, item: Record<string, AttributeValue>): PutItemCommandInput {
  const context = new ExpressionContext();
  return {
    TableName: tableName,
    Item: item,
    ConditionExpression: `attribute_not_exists(${context.name(schema.partitionKey.name)})`,
    ...context.attributes(),
  };
}
