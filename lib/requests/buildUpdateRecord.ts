import type { AttributeValue, UpdateItemCommandInput } from '@aws-sdk/client-dynamodb';
import type { Condition } from '../expressions/conditions';
import { ExpressionContext } from '../expressions/ExpressionContext';
import { serializeUpdate, UpdateAction, UpdateClauses, type UpdateNode } from '../expressions/updates';
import { timestampFor } from '../marshalling/lifecycleValues';
import { toNestedAttributeValue } from '../marshalling/nested';
import { toAttributeValue } from '../marshalling/attributeValues';
import type { CompiledAttribute, CompiledSchema } from '../schema/CompiledSchema';
import { buildWriteCondition } from './buildWriteCondition';

/** What an update requires and writes besides its changes, after checking. */
export interface UpdateConditions {
  readonly condition?: Condition | undefined;
  /** The @Version the record must have (the caller read it); the update writes the next one. */
  readonly expectedVersion?: number | undefined;
  /** The time written to the @UpdatedAt attribute. */
  readonly now: Date;
}

/**
 * An update of an existing record (never an upsert) with checked changes: values are SET,
 * null REMOVEs, actions become ADD / DELETE / list_append / nested paths. The @Version is
 * incremented; with `expectedVersion` the write requires it and stores the next one.
 */
export function buildUpdateRecord(
  schema: CompiledSchema,
  tableName: string,
  key: Record<string, AttributeValue>,
  changes: Readonly<Record<string, unknown>>,
  options: UpdateConditions,
): UpdateItemCommandInput {
  const context = new ExpressionContext();
  const clauses = new UpdateClauses();
  const { expectedVersion } = options;
  for (const [name, change] of Object.entries(changes))
    addChange(schema.attributeByName.get(name)!, change, clauses, context);
  if (schema.version) {
    const version = context.name(schema.version.name);
    if (expectedVersion === undefined) clauses.add.push(`${version} ${context.value({ N: '1' })}`);
    else clauses.set.push(`${version} = ${context.value({ N: String(expectedVersion + 1) })}`);
  }
  if (schema.updatedAt) {
    const value = toAttributeValue(schema.updatedAt, timestampFor(schema.updatedAt, options.now));
    clauses.set.push(`${context.name(schema.updatedAt.name)} = ${context.value(value)}`);
  }
  const condition = buildWriteCondition(schema, context, {
    mustExist: true,
    ...(expectedVersion !== undefined && { expectedVersion }),
    ...(options.condition && { condition: options.condition }),
  });
  return {
    TableName: tableName,
    Key: key,
    UpdateExpression: clauses.render(),
    ConditionExpression: condition,
    ...context.attributes(),
  };
}

function addChange(
  attribute: CompiledAttribute,
  change: unknown,
  clauses: UpdateClauses,
  context: ExpressionContext,
): void {
  const actions =
    change instanceof UpdateAction
      ? [change]
      : Array.isArray(change) && change[0] instanceof UpdateAction
        ? (change as UpdateAction[])
        : undefined;
  if (actions) {
    for (const action of actions)
      serializeUpdate(attribute.name, action, clauses, context, (node) => encodeAction(attribute, node));
  } else if (change === null) {
    clauses.remove.push(context.name(attribute.name));
  } else {
    clauses.set.push(`${context.name(attribute.name)} = ${context.value(toAttributeValue(attribute, change))}`);
  }
}

function encodeAction(attribute: CompiledAttribute, node: UpdateNode): AttributeValue {
  switch (node.kind) {
    case 'add':
    case 'ifNotExists':
      return toAttributeValue(attribute, node.value);
    case 'addToSet':
    case 'deleteFromSet':
      return toAttributeValue(attribute, new Set(node.members));
    case 'append':
    case 'prepend':
      return { L: node.values.map(toNestedAttributeValue) };
    case 'setIn':
      return toNestedAttributeValue(node.value);
    default:
      return { NULL: true }; // remove and removeIn carry no value
  }
}
