import type { AttributeValue, DeleteItemCommandInput } from '@aws-sdk/client-dynamodb';
import { ExpressionContext } from '../expressions/ExpressionContext';
import type { CompiledSchema } from '../schema/CompiledSchema';

/** A delete only if the record exists, returning the record as it was. */
export function buildDeleteRecord(schema: CompiledSchema, tableName: string, key: Record<string, AttributeValue>): DeleteItemCommandInput {
  const context = new ExpressionContext();
  return {
    TableName: tableName,
    Key: key,
    ConditionExpression: `attribute_exists(${context.name(schema.partitionKey.name)})`,
    ReturnValues: 'ALL_OLD',
    ...context.attributes(),
  };
}
