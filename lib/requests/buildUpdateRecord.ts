import type { UpdateItemCommandInput, AttributeValue } from '@aws-sdk/client-dynamodb';
import { ExpressionContext } from '../expressions/ExpressionContext';
import { toAttributeValue } from '../marshalling/toAttributeValue';
import type { CompiledSchema } from '../schema/CompiledSchema';

/**
 * An update that sets the given attributes (and removes those given as null), only if the
 * record exists (never an upsert), returning the record as it is after the update.
 */
export function buildUpdateRecord(
  schema: CompiledSchema,
  tableName: string,
  key: Record<string, AttributeValue>,
  changes: Readonly<Record<string, unknown>>,
): UpdateItemCommandInput {
  const context = new ExpressionContext();
  const condition = `attribute_exists(${context.name(schema.partitionKey.name)})`;
  const sets: string[] = [];
  const removes: string[] = [];
  for (const [name, value] of Object.entries(changes)) {
    const attribute = schema.attributeByName.get(name)!;
    if (value === null) removes.push(context.name(name));
    else sets.push(`${context.name(name)} = ${context.value(toAttributeValue(attribute, value))}`);
  }
  const clauses = [sets.length > 0 && `SET ${sets.join(', ')}`, removes.length > 0 && `REMOVE ${removes.join(', ')}`];
  return {
    TableName: tableName,
    Key: key,
    UpdateExpression: clauses.filter(Boolean).join(' '),
    ConditionExpression: condition,
    ReturnValues: 'ALL_NEW',
    ...context.attributes(),
  };
}
