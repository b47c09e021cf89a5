import type { CompiledSchema } from '../schema/CompiledSchema';
import { serializeCondition, type Condition } from '../expressions/conditions';
import type { ExpressionContext } from '../expressions/ExpressionContext';
import { conditionEncoder } from '../marshalling/encodeConditionValue';

/** What the caller asks of the record a write touches. */
export interface CallerConditions {
  /** The record's @Version must equal this (optimistic locking); the write stores the next one. */
  readonly expectedVersion?: number | undefined;
  /** The caller's own condition, already checked against the schema. */
  readonly condition?: Condition | undefined;
}

/** What a put or an update asks of the record, and the time it writes to @UpdatedAt (and a new record's @CreatedAt). */
export interface TimedConditions extends CallerConditions {
  readonly now: Date;
}

/** What a write requires of the record it touches. */
export interface WriteConditions extends CallerConditions {
  /**
   * The record must exist (update, delete) or must not (create); undefined for a put, which takes
   * either (of a model with an entity: absent, or one of its own).
   */
  readonly mustExist: boolean | undefined;
}

/**
 * The ConditionExpression of a write: existence (and, for a model with an entity, that an existing
 * item is one of its own, so no write ever changes another entity's item), then version, then the
 * caller's condition. Empty when a put of a model without an entity requires nothing.
 */
export function buildWriteCondition(
  schema: CompiledSchema,
  context: ExpressionContext,
  conditions: WriteConditions,
): string {
  const { mustExist } = conditions;
  const parts: string[] = [];
  if (mustExist !== undefined || schema.entity) {
    const partitionKey = context.name(schema.partitionKey.storedName);
    // a create needs no entity: an absent item is nobody's
    const entity = () =>
      schema.entity ? [`${context.name(schema.entity.storedName)} = ${context.value({ S: schema.entity.name })}`] : [];
    if (mustExist === true) parts.push(`attribute_exists(${partitionKey})`, ...entity());
    else if (mustExist === false) parts.push(`attribute_not_exists(${partitionKey})`);
    else parts.push(`(attribute_not_exists(${partitionKey}) OR ${entity()[0]})`);
  }
  if (schema.version && conditions.expectedVersion !== undefined) {
    parts.push(
      `${context.name(schema.version.storedName)} = ${context.value({ N: String(conditions.expectedVersion) })}`,
    );
  }
  if (conditions.condition)
    parts.push(`(${serializeCondition(conditions.condition, context, conditionEncoder(schema))})`);
  return parts.join(' AND ');
}
