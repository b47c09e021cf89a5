import type { AttributeValue, UpdateItemCommandInput } from '@aws-sdk/client-dynamodb';
import { ExpressionContext } from '../expressions/ExpressionContext';
import { serializeUpdate, UpdateAction, UpdateClauses, type UpdateNode } from '../expressions/updates';
import { timestampFor } from '../marshalling/lifecycleValues';
import { toNestedAttributeValue } from '../marshalling/nested';
import { codecOf, toAttributeValue } from '../marshalling/codec';
import { resolvePathIn } from '../schema/resolvePath';
import { shapeOf } from '../schema/shapeOf';
import type { CompiledAttribute, CompiledSchema } from '../schema/CompiledSchema';
import { buildWriteCondition, type TimedConditions } from './buildWriteCondition';

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
  options: TimedConditions,
): UpdateItemCommandInput {
  const context = new ExpressionContext();
  const clauses = new UpdateClauses();
  const { expectedVersion } = options;
  for (const [name, change] of Object.entries(changes)) {
    addChange(schema, schema.attributeByName.get(name)!, change, clauses, context);
  }
  if (schema.version) {
    const version = context.name(schema.version.storedName);
    if (expectedVersion === undefined) clauses.add.push(`${version} ${context.value({ N: '1' })}`);
    else clauses.set.push(`${version} = ${context.value({ N: String(expectedVersion + 1) })}`);
  }
  if (schema.updatedAt) {
    const value = toAttributeValue(schema.updatedAt, timestampFor(schema.updatedAt, options.now));
    clauses.set.push(`${context.name(schema.updatedAt.storedName)} = ${context.value(value)}`);
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
  schema: CompiledSchema,
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
  const name = attribute.storedName;
  if (actions) {
    const inside = (path: readonly (string | number)[]) => storedPathIn(schema, attribute, path);
    for (const action of actions) {
      serializeUpdate(name, action, clauses, context, (node) => encodeAction(schema, attribute, node), inside);
    }
  } else if (change === null) {
    clauses.remove.push(context.name(name));
  } else {
    clauses.set.push(`${context.name(name)} = ${context.value(toAttributeValue(attribute, change))}`);
  }
}

/** The stored path below an attribute (checked before: it resolves). */
function storedPathIn(schema: CompiledSchema, attribute: CompiledAttribute, path: readonly (string | number)[]) {
  const resolved = resolvePathIn(schema, attribute, path);
  return 'storedPath' in resolved ? resolved.storedPath : [attribute.storedName, ...path];
}

function encodeAction(schema: CompiledSchema, attribute: CompiledAttribute, node: UpdateNode): AttributeValue {
  switch (node.kind) {
    case 'add':
    case 'ifNotExists':
      return toAttributeValue(attribute, node.value);
    case 'addToSet':
    case 'deleteFromSet':
      return toAttributeValue(attribute, new Set(node.members));
    case 'append':
    case 'prepend':
      // a list of a class's values or an untyped list: its encoder makes the L
      return toAttributeValue(attribute, node.values);
    case 'setIn':
      return valueAt(schema, attribute, node.path, node.value);
    default:
      return { NULL: true }; // remove and removeIn carry no value
  }
}

/** A value set at a path below an attribute, encoded as what is there: a declared attribute, a class's value, or untyped. */
function valueAt(
  schema: CompiledSchema,
  attribute: CompiledAttribute,
  path: readonly (string | number)[],
  value: unknown,
): AttributeValue {
  const resolved = resolvePathIn(schema, attribute, path);
  const target = 'target' in resolved ? resolved.target : undefined;
  if (target?.kind === 'attribute') return toAttributeValue(target.attribute, value);
  if (target?.kind === 'element')
    return { M: codecOf(shapeOf(target.list.nested!)).encode(value as Record<string, unknown>) };
  return toNestedAttributeValue(value);
}
