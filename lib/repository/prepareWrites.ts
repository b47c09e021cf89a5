import type {
  AttributeValue,
  DeleteItemCommandInput,
  PutItemCommandInput,
  UpdateItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import { RecordValidationError } from '../errors/RecordValidationError';
import type { ValidationIssue } from '../errors/ValidationIssue';
import { UpdateAction } from '../expressions/updates';
import { creationValues } from '../marshalling/lifecycleValues';
import { toAttributeValue } from '../marshalling/toAttributeValue';
import { itemSizeIssue, mayExceedItemLimit } from '../validation/itemSize';
import { toItem } from '../marshalling/toItem';
import { keyOfItem, keyValuesOf, toKey } from '../marshalling/toKey';
import { buildCreateRecord } from '../requests/buildCreateRecord';
import { buildDeleteRecord } from '../requests/buildDeleteRecord';
import { buildUpdateRecord } from '../requests/buildUpdateRecord';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { checkWriteOptions } from '../validation/checkWriteOptions';
import { validateChanges, validateRecord } from '../validation/validateRecord';

/** A checked single-item write, ready to send alone or inside a transaction. */
export interface PreparedWrite<Input> {
  readonly input: Input;
  /** The DynamoDB key of the record written. */
  readonly key: Record<string, AttributeValue>;
  /** The same key as plain values, for messages. */
  readonly keyValues: Readonly<Record<string, unknown>>;
  /** Whether the write requires more than (non-)existence: a version or the caller's condition. */
  readonly checked: boolean;
}

// Validation, lifecycle values and the request, shared by the Repository's methods and transactions.

type Results<Checks extends readonly (() => unknown)[]> = {
  -readonly [I in keyof Checks]: Awaited<ReturnType<Checks[I]>>;
};

/** Runs every check, so one RecordValidationError lists the issues of the id, the changes and the options together. */
async function allChecks<const Checks extends readonly (() => unknown)[]>(
  modelName: string,
  checks: Checks,
): Promise<Results<Checks>> {
  const issues: ValidationIssue[] = [];
  const results: unknown[] = [];
  for (const check of checks) {
    try {
      const result = check();
      // only a check that returned a promise is awaited: each await costs a turn of the event loop
      results.push(result instanceof Promise ? await result : result);
    } catch (error) {
      if (!(error instanceof RecordValidationError)) throw error;
      issues.push(...error.issues);
    }
  }
  if (issues.length > 0) throw new RecordValidationError(modelName, issues);
  return results as Results<Checks>;
}

/** The key and the plain values an update sets, as an item, to weigh against the size limit. */
function updatedValues(
  schema: CompiledSchema,
  changes: Readonly<Record<string, unknown>>,
  key: Record<string, AttributeValue>,
): Record<string, AttributeValue> {
  const item = { ...key };
  for (const [name, change] of Object.entries(changes)) {
    const attribute = schema.attributeByName.get(name);
    const isAction =
      change instanceof UpdateAction || (Array.isArray(change) && change.some((each) => each instanceof UpdateAction));
    if (attribute && attribute.role !== 'version' && change !== null && !isAction)
      item[name] = toAttributeValue(attribute, change);
  }
  return item;
}

/**
 * Validates a new record, adds its lifecycle values and builds the create-only put.
 * @throws RecordValidationError before anything is sent.
 */
export async function prepareCreate(
  schema: CompiledSchema,
  tableName: string,
  data: unknown,
  options: unknown,
  now: Date,
): Promise<PreparedWrite<PutItemCommandInput> & { item: Record<string, AttributeValue> }> {
  const [{ condition }, valid] = await allChecks(schema.modelName, [
    () => checkWriteOptions(schema, options, false),
    () => validateRecord(schema, data),
  ] as const);
  const values = creationValues(schema, valid, now);
  const item = toItem(schema, values);
  const oversized = itemSizeIssue(item);
  if (oversized) throw new RecordValidationError(schema.modelName, [oversized]);
  return {
    input: buildCreateRecord(schema, tableName, item, condition),
    item,
    key: keyOfItem(schema, item),
    keyValues: keyValuesOf(schema, values),
    checked: condition !== undefined,
  };
}

/**
 * Validates an id and its changes and builds the update (never an upsert).
 * @throws RecordValidationError before anything is sent.
 */
export async function prepareUpdate(
  schema: CompiledSchema,
  tableName: string,
  id: unknown,
  changes: unknown,
  options: unknown,
  now: Date,
): Promise<PreparedWrite<UpdateItemCommandInput>> {
  const [{ key, values }, checkedChanges, { condition }] = await allChecks(schema.modelName, [
    () => toKey(schema, id),
    () => validateChanges(schema, changes),
    () => checkWriteOptions(schema, options, false),
  ] as const);
  const versioned = schema.version !== undefined && checkedChanges[schema.version.name] !== undefined;
  const input = buildUpdateRecord(schema, tableName, key, checkedChanges, { ...(condition && { condition }), now });
  // the values an update sets can alone exceed the limit (the rest of the item is unknown here)
  // the request's own names and values bound what it writes: only a large update is re-encoded
  // per attribute to be weighed exactly and named
  if (
    mayExceedItemLimit(
      { ...key, ...input.ExpressionAttributeValues },
      Object.values(input.ExpressionAttributeNames ?? {}),
    )
  ) {
    const oversized = itemSizeIssue(updatedValues(schema, checkedChanges, key));
    if (oversized) throw new RecordValidationError(schema.modelName, [oversized]);
  }
  return {
    input,
    key,
    keyValues: values,
    checked: versioned || condition !== undefined,
  };
}

/**
 * Validates an id and the delete's options and builds the delete of an existing record.
 * @throws RecordValidationError before anything is sent.
 */
export async function prepareDelete(
  schema: CompiledSchema,
  tableName: string,
  id: unknown,
  options: unknown,
): Promise<PreparedWrite<DeleteItemCommandInput>> {
  const [{ key, values }, checkedOptions] = await allChecks(schema.modelName, [
    () => toKey(schema, id),
    () => checkWriteOptions(schema, options, true),
  ] as const);
  return {
    input: buildDeleteRecord(schema, tableName, key, checkedOptions),
    key,
    keyValues: values,
    checked: checkedOptions.condition !== undefined || checkedOptions.expectedVersion !== undefined,
  };
}
