import type {
  AttributeValue,
  DeleteItemCommandInput,
  PutItemCommandInput,
  UpdateItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import { creationValues } from '../marshalling/lifecycleValues';
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
  const { condition } = checkWriteOptions(schema, options, false);
  const values = creationValues(schema, await validateRecord(schema, data), now);
  const item = toItem(schema, values);
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
  const { key, values } = toKey(schema, id);
  const checkedChanges = await validateChanges(schema, changes);
  const { condition } = checkWriteOptions(schema, options, false);
  const versioned = schema.version !== undefined && checkedChanges[schema.version.name] !== undefined;
  return {
    input: buildUpdateRecord(schema, tableName, key, checkedChanges, { ...(condition && { condition }), now }),
    key,
    keyValues: values,
    checked: versioned || condition !== undefined,
  };
}

/**
 * Validates an id and the delete's options and builds the delete of an existing record.
 * @throws RecordValidationError before anything is sent.
 */
export function prepareDelete(schema: CompiledSchema, tableName: string, id: unknown, options: unknown): PreparedWrite<DeleteItemCommandInput> {
  const { key, values } = toKey(schema, id);
  const checkedOptions = checkWriteOptions(schema, options, true);
  return {
    input: buildDeleteRecord(schema, tableName, key, checkedOptions),
    key,
    keyValues: values,
    checked: checkedOptions.condition !== undefined || checkedOptions.expectedVersion !== undefined,
  };
}
