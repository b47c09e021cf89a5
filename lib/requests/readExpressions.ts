import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { serializeCondition } from '../expressions/conditions';
import type { ExpressionContext } from '../expressions/ExpressionContext';
import { serializeProjection } from '../expressions/projection';
import { conditionEncoder } from '../marshalling/encodeConditionValue';
import type { CompiledSchema } from '../schema/CompiledSchema';
import type { ReadPlan } from '../validation/ReadPlan';

/** The parts a query and a scan share, in the SDK's casing; absent parts are omitted. */
export interface ReadExpressions {
  IndexName?: string;
  FilterExpression?: string;
  ProjectionExpression?: string;
  ConsistentRead?: boolean;
  Limit?: number;
  ExpressionAttributeNames?: Record<string, string>;
  ExpressionAttributeValues?: Record<string, AttributeValue>;
}

/**
 * Serialises a checked read's filter and projection into `context`, after whatever the caller
 * put there first (the key condition), and returns the request parts they make with the
 * context's names and values.
 */
export function readExpressions(schema: CompiledSchema, plan: ReadPlan, context: ExpressionContext): ReadExpressions {
  const filter = plan.filter && serializeCondition(plan.filter, context, conditionEncoder(schema));
  const projection = plan.projection && serializeProjection(fetchedAttributes(schema, plan) ?? [], context);
  return {
    ...(plan.index && { IndexName: plan.index.name }),
    ...(filter !== undefined && { FilterExpression: filter }),
    ...(projection !== undefined && { ProjectionExpression: projection }),
    ...(plan.consistent && { ConsistentRead: true }),
    ...(plan.pageSize !== undefined && { Limit: plan.pageSize }),
    ...context.attributes(),
  };
}

/**
 * The attributes a projected read fetches: those asked for, plus the item's key attributes
 * (table and index), so a page's cursor can always be built from its last item, and the entity
 * attribute of a model that has one, so its items can be told from other entities'; the pager
 * drops the ones not asked for. Undefined when the read has no projection.
 */
export function fetchedAttributes(schema: CompiledSchema, plan: ReadPlan): string[] | undefined {
  if (!plan.projection) return undefined;
  const names = [...plan.projection, ...plan.cursorKeys].map((attribute) => attribute.storedName);
  return [...new Set(schema.entity ? [...names, schema.entity.storedName] : names)];
}
