import type { AttributeValue, UpdateItemCommandInput } from '@aws-sdk/client-dynamodb';
import { ExpressionContext } from '../expressions/ExpressionContext';
import { UpdateClauses } from '../expressions/updates';
import { toAttributeValue } from '../marshalling/codec';
import { timestampFor } from '../marshalling/lifecycleValues';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { buildWriteCondition, type TimedConditions } from './buildWriteCondition';

/**
 * A put that creates or replaces a record and keeps the library's rules, as one UpdateItem: every
 * declared attribute set to the record's value or removed when the record has none; the @Version
 * the next one (`if_not_exists(v, 0) + 1`, required to be `expectedVersion` when given); the
 * @CreatedAt of an existing record kept (`if_not_exists`); the @UpdatedAt now; the entity name, and
 * the condition that an existing item is the entity's own. Attributes the model does not declare
 * (written by other code) are left as they are. A PutItem could do none of this without reading first.
 */
export function buildPutRecord(
  schema: CompiledSchema,
  tableName: string,
  key: Record<string, AttributeValue>,
  values: Readonly<Record<string, unknown>>,
  { condition, expectedVersion, now }: TimedConditions,
): UpdateItemCommandInput {
  const context = new ExpressionContext();
  const clauses = new UpdateClauses();
  for (const attribute of schema.attributes) {
    if (
      attribute.key ||
      attribute.role === 'version' ||
      attribute.role === 'createdAt' ||
      attribute.role === 'updatedAt'
    ) {
      continue;
    }
    const name = context.name(attribute.storedName);
    const value = values[attribute.name];
    if (value === undefined || value === null) clauses.remove.push(name);
    else clauses.set.push(`${name} = ${context.value(toAttributeValue(attribute, value))}`);
  }
  if (schema.version) {
    const version = context.name(schema.version.storedName);
    clauses.set.push(
      `${version} = if_not_exists(${version}, ${context.value({ N: '0' })}) + ${context.value({ N: '1' })}`,
    );
  }
  if (schema.createdAt) {
    const created = context.name(schema.createdAt.storedName);
    const given = values[schema.createdAt.name] ?? timestampFor(schema.createdAt, now);
    clauses.set.push(
      `${created} = if_not_exists(${created}, ${context.value(toAttributeValue(schema.createdAt, given))})`,
    );
  }
  if (schema.updatedAt) {
    const value = toAttributeValue(schema.updatedAt, timestampFor(schema.updatedAt, now));
    clauses.set.push(`${context.name(schema.updatedAt.storedName)} = ${context.value(value)}`);
  }
  if (schema.entity) {
    const { storedName, name } = schema.entity;
    clauses.set.push(`${context.name(storedName)} = ${context.value({ S: name })}`);
  }
  const conditionExpression =
    expectedVersion !== undefined || condition
      ? buildWriteCondition(schema, context, { mustExist: expectedVersion !== undefined, expectedVersion, condition })
      : buildWriteCondition(schema, context, { mustExist: undefined }) || undefined;
  const updateExpression = clauses.render();
  return {
    TableName: tableName,
    Key: key,
    // a model of keys alone has nothing to set: an UpdateItem without an expression writes the key
    ...(updateExpression !== '' && { UpdateExpression: updateExpression }),
    ...(conditionExpression && { ConditionExpression: conditionExpression }),
    ...context.attributes(),
  };
}
