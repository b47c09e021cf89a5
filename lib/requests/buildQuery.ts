import type { QueryCommandInput } from '@aws-sdk/client-dynamodb';
import { serializeCondition } from '../expressions/conditions';
import { ExpressionContext } from '../expressions/ExpressionContext';
import { conditionEncoder } from '../marshalling/encodeConditionValue';
import { toAttributeValue } from '../marshalling/codec';
import type { CompiledSchema } from '../schema/CompiledSchema';
import type { ReadPlan } from '../validation/ReadPlan';
import { readExpressions } from './readExpressions';

/**
 * Builds the `QueryCommandInput` of a checked query (without a start key: the pager adds it).
 * Key condition, filter and projection share one ExpressionContext, so every attribute name
 * and value is a placeholder.
 * @throws Error when the plan is not a query's (a programming error: plans come from checkQueryOptions).
 * @example buildQuery(schema, 'status-table', checkQueryOptions(schema, { status: 'STARTED' }, { index: 'byStatus' }, new Map()))
 */
export function buildQuery(schema: CompiledSchema, tableName: string, plan: ReadPlan): QueryCommandInput {
  const { partition } = plan;
  if (plan.operation !== 'query' || !partition)
    throw new Error('buildQuery needs the plan of a query (from checkQueryOptions).');
  const context = new ExpressionContext();
  const keyConditions = [
    `${context.name(partition.attribute.storedName)} = ${context.value(toAttributeValue(partition.attribute, partition.value))}`,
  ];
  if (plan.sortKey) keyConditions.push(serializeCondition(plan.sortKey, context, conditionEncoder(schema)));
  const KeyConditionExpression = keyConditions.join(' AND ');
  return {
    TableName: tableName,
    KeyConditionExpression,
    ...readExpressions(schema, plan, context),
    ...(plan.reverse && { ScanIndexForward: false }),
  };
}
