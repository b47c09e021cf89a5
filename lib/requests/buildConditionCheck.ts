import type { AttributeValue, ConditionCheck } from '@aws-sdk/client-dynamodb';
import type { Condition } from '../expressions/conditions';
import { ExpressionContext } from '../expressions/ExpressionContext';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { buildWriteCondition } from './buildWriteCondition';

/**
 * A transaction's condition check: the record must exist and meet the caller's condition, so
 * that a check on a missing record fails like an update of it would (RecordNotFoundError).
 */
export function buildConditionCheck(
  schema: CompiledSchema,
  tableName: string,
  key: Record<string, AttributeValue>,
  condition?: Condition,
): ConditionCheck {
  const context = new ExpressionContext();
  return {
    TableName: tableName,
    Key: key,
    ConditionExpression: buildWriteCondition(schema, context, { mustExist: true, ...(condition && { condition }) }),
    ...context.attributes(),
  };
}
