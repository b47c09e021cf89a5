import type { CompiledSchema } from '../schema/CompiledSchema';
import { serializeCondition, type Condition } from '../expressions/conditions';
import type { ExpressionContext } from '../expressions/ExpressionContext';
import { conditionEncoder } from '../marshalling/encodeConditionValue';

/** What a write requires of the record it touches. */
export interface WriteConditions {
  /** The record must exist (update, delete) or must not (create). */
  readonly mustExist: boolean;
  /** The record's @Version must equal this (optimistic locking). */
  readonly expectedVersion?: number | undefined;
  /** The caller's own condition, already checked against the schema. */
  readonly condition?: Condition | undefined;
}

/** The ConditionExpression of a write: existence, then version, then the caller's condition. */
export function buildWriteCondition(
  schema: CompiledSchema,
  context: ExpressionContext,
  conditions: WriteConditions,
): string {
  const partitionKey = context.name(schema.partitionKey.storedName);
  const parts = [conditions.mustExist ? `attribute_exists(${partitionKey})` : `attribute_not_exists(${partitionKey})`];
  if (schema.version && conditions.expectedVersion !== undefined) {
    parts.push(
      `${context.name(schema.version.storedName)} = ${context.value({ N: String(conditions.expectedVersion) })}`,
    );
  }
  if (conditions.condition)
    parts.push(`(${serializeCondition(conditions.condition, context, conditionEncoder(schema))})`);
  return parts.join(' AND ');
}
