import type { AttributeValue, DeleteItemCommandInput } from '@aws-sdk/client-dynamodb';
import { ExpressionContext } from '../expressions/ExpressionContext';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { buildWriteCondition, type WriteConditions } from './buildWriteCondition';

/** A delete only if the record exists (and has the expected version, and meets the caller's condition). */
export function buildDeleteRecord(
  schema: CompiledSchema,
  tableName: string,
  key: Record<string, AttributeValue>,
  conditions: Omit<WriteConditions, 'mustExist'> = {},
): DeleteItemCommandInput {
  const context = new ExpressionContext();
  return {
    TableName: tableName,
    Key: key,
    ConditionExpression: buildWriteCondition(schema, context, { ...conditions, mustExist: true }),
    ...context.attributes(),
  };
}

/**
 * A delete of the model's own item, or of none (a batch's delete: a missing record is no error): never of
 * another entity's item. For a model with an entity.
 */
export function buildEntityDelete(
  schema: CompiledSchema,
  tableName: string,
  key: Record<string, AttributeValue>,
): DeleteItemCommandInput {
  const context = new ExpressionContext();
  return {
    TableName: tableName,
    Key: key,
    ConditionExpression: buildWriteCondition(schema, context, { mustExist: undefined }),
    ...context.attributes(),
  };
}
