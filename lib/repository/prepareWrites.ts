import type {
  AttributeValue,
  DeleteItemCommandInput,
  PutItemCommandInput,
  UpdateItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import { RecordValidationError } from '../errors/RecordValidationError';
import { toAttributeValue } from '../marshalling/codec';
import { toItem, type Item } from '../marshalling/codec';
import { creationValues } from '../marshalling/lifecycleValues';
import { keyOfItem, keyValuesOf, toKey } from '../marshalling/toKey';
import { buildCreateRecord } from '../requests/buildCreateRecord';
import { buildDeleteRecord } from '../requests/buildDeleteRecord';
import { buildPutRecord } from '../requests/buildPutRecord';
import { buildUpdateRecord } from '../requests/buildUpdateRecord';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { createOptionIssues, versionedOptionIssues } from '../validation/checkCallOptions';
import { checkAll, throwIssues } from '../validation/checkAll';
import { itemSizeIssue, mayExceedItemLimit } from '../validation/itemSize';
import { withTemplates } from '../validation/checkTemplates';
import { validateKey } from '../validation/validateKey';
import { isActionChange, validateChanges, validateRecord } from '../validation/validateRecord';
import type { VersionedWriteOptions, WriteOptions } from './options';

/** A checked single-item write, ready to send alone or inside a transaction. */
export interface PreparedWrite<Input> {
  readonly input: Input;
  /** The DynamoDB key of the record written. */
  readonly key: Item;
  /** The same key as plain values, for errors' structured fields. */
  readonly keyValues: Readonly<Record<string, unknown>>;
  /** Whether the write requires more than (non-)existence: a version or the caller's condition. */
  readonly checked: boolean;
}

// Validation, lifecycle values and the request, shared by the Repository's methods and transactions.

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
  call = 'createRecord',
): Promise<PreparedWrite<PutItemCommandInput> & { item: Item }> {
  const [valid] = await checkAll(schema.modelName, [
    () => validateRecord(schema, data, { fill: true }),
    () => throwIssues(schema.modelName, createOptionIssues(schema, options, call)),
  ] as const);
  const { condition } = (options ?? {}) as WriteOptions;
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
 * Validates a whole record (defaults applied) and builds the put that creates or replaces it,
 * keeping the lifecycle rules (next @Version, @CreatedAt kept).
 * @throws RecordValidationError before anything is sent.
 */
export async function preparePut(
  schema: CompiledSchema,
  tableName: string,
  data: unknown,
  options: unknown,
  now: Date,
  call = 'putRecord',
): Promise<PreparedWrite<UpdateItemCommandInput>> {
  const [valid] = await checkAll(schema.modelName, [
    () => validateRecord(schema, data, { fill: true }),
    () => throwIssues(schema.modelName, versionedOptionIssues(schema, options, call)),
  ] as const);
  const { condition, expectedVersion } = (options ?? {}) as VersionedWriteOptions;
  // weighed as stored: the lifecycle values a put writes are no larger than a create's
  const item = toItem(schema, creationValues(schema, valid, now));
  const oversized = itemSizeIssue(item);
  if (oversized) throw new RecordValidationError(schema.modelName, [oversized]);
  const key = keyOfItem(schema, item);
  return {
    input: buildPutRecord(schema, tableName, key, valid, { condition, expectedVersion, now }),
    key,
    keyValues: keyValuesOf(schema, valid),
    checked: isChecked(schema, options),
  };
}

/**
 * Validates an id, its changes and options, and builds the update (never an upsert).
 * @throws RecordValidationError before anything is sent.
 */
export async function prepareUpdate(
  schema: CompiledSchema,
  tableName: string,
  id: unknown,
  changes: unknown,
  options: unknown,
  now: Date,
  call = 'updateRecord',
): Promise<PreparedWrite<UpdateItemCommandInput>> {
  const [keyValues, valid] = await checkAll(schema.modelName, [
    () => validateKey(schema, id),
    () => validateChanges(schema, changes),
    () => throwIssues(schema.modelName, versionedOptionIssues(schema, options, call)),
  ] as const);
  const checkedChanges = withTemplates(schema, keyValues, valid);
  const { condition, expectedVersion } = (options ?? {}) as VersionedWriteOptions;
  const key = toKey(schema, keyValues);
  const input = buildUpdateRecord(schema, tableName, key, checkedChanges, { condition, expectedVersion, now });
  // the request's own names and values bound what it writes: only a large update is
  // re-encoded per attribute, to be weighed exactly and named
  if (mayExceedItemLimit([key, input.ExpressionAttributeValues], Object.values(input.ExpressionAttributeNames ?? {}))) {
    const oversized = itemSizeIssue(updatedValues(schema, checkedChanges, key));
    if (oversized) throw new RecordValidationError(schema.modelName, [oversized]);
  }
  return { input, key, keyValues, checked: isChecked(schema, options) };
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
  call = 'deleteRecord',
): Promise<PreparedWrite<DeleteItemCommandInput>> {
  const [keyValues] = await checkAll(schema.modelName, [
    () => validateKey(schema, id),
    () => throwIssues(schema.modelName, versionedOptionIssues(schema, options, call)),
  ] as const);
  const { condition, expectedVersion } = (options ?? {}) as VersionedWriteOptions;
  const key = toKey(schema, keyValues);
  return {
    input: buildDeleteRecord(schema, tableName, key, { condition, expectedVersion }),
    key,
    keyValues,
    checked: isChecked(schema, options),
  };
}

/**
 * Whether a write to an existing record requires more than its existence: a version, the caller's
 * condition, or (for a model with an entity) that the item is the model's own.
 */
export function isChecked(schema: CompiledSchema, options: unknown): boolean {
  const { condition, expectedVersion } = (options ?? {}) as VersionedWriteOptions;
  return expectedVersion !== undefined || condition !== undefined || schema.entity !== undefined;
}

/** The key and the plain values an update sets, as an item, to weigh against the size limit. */
function updatedValues(schema: CompiledSchema, changes: Readonly<Record<string, unknown>>, key: Item): Item {
  const item: Record<string, AttributeValue> = { ...key };
  for (const [name, change] of Object.entries(changes)) {
    const attribute = schema.attributeByName.get(name);
    if (attribute && change !== null && !isActionChange(change)) item[name] = toAttributeValue(attribute, change);
  }
  return item;
}
