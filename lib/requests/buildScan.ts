import type { ScanCommandInput } from '@aws-sdk/client-dynamodb';
import { ExpressionContext } from '../expressions/ExpressionContext';
import type { CompiledSchema } from '../schema/CompiledSchema';
import type { ReadPlan } from '../validation/ReadPlan';
import { readExpressions } from './readExpressions';

/**
 * Builds the `ScanCommandInput` of a checked scan (without a start key: the pager adds it);
 * for a parallel scan, of one `segment` (0-based). Filter and projection share one
 * ExpressionContext, so every attribute name and value is a placeholder.
 * @throws Error when the plan is not a scan's, or the segment is outside the plan's segments (programming errors).
 * @example buildScan(schema, 'status-table', checkScanOptions(schema, { segments: 4 }, new Map()), 0)
 */
export function buildScan(schema: CompiledSchema, tableName: string, plan: ReadPlan, segment = 0): ScanCommandInput {
  if (plan.operation !== 'scan') throw new Error('buildScan needs the plan of a scan (from checkScanOptions).');
  if (!Number.isInteger(segment) || segment < 0 || segment >= plan.segments)
    throw new Error(`buildScan: segment ${segment} is not one of 0..${plan.segments - 1}.`);
  return {
    TableName: tableName,
    ...readExpressions(schema, plan, new ExpressionContext()),
    ...(plan.segments > 1 && { Segment: segment, TotalSegments: plan.segments }),
  };
}
