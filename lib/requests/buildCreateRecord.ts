import type { AttributeValue, PutItemCommandInput } from '@aws-sdk/client-dynamodb';
import type { Condition } from '../expressions/conditions';
import { ExpressionContext } from '../expressions/ExpressionContext';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { buildWriteCondition } from './buildWriteCondition';

/** A conditional put that never overwrites: it fails when an item with the key exists (or the caller's condition fails). */
export function buildCreateRecord(
  schema: CompiledSchema,
  tableName: string,
  item: Record<string, AttributeValue>,
  condition?: Condition,
): PutItemCommandInput {
  const context = new ExpressionContext();
  return {
    TableName: tableName,
    Item: item,
    ConditionExpression: buildWriteCondition(schema, context, { mustExist: false, ...(condition && { condition }) }),
    ...context.attributes(),
  };
}
