import type { TableDescription, TimeToLiveDescription } from '@aws-sdk/client-dynamodb';
import type { CompiledSchema } from '../schema/CompiledSchema';

/**
 * How a live table's field stands against the model: `equal`; `add`, missing and made by
 * createTable (and sync); `kept`, different in a way the model can live with, left as it is;
 * `conflict`, a table createTable refuses (SchemaError) before changing anything.
 */
export type TableFieldStatus = 'equal' | 'add' | 'kept' | 'conflict';

/** One field of a live table compared with what the model declares. */
export interface TableField {
  /** What is compared: `keys`, `attribute person_id`, `index byStatus`, `index byStatus projection`, `billing`, `stream`, `TTL`. */
  readonly field: string;
  /** The model's side, as text. */
  readonly declared: string;
  /** The table's side, as text. */
  readonly live: string;
  readonly status: TableFieldStatus;
  /** For a conflict: the reason createTable's SchemaError gives. */
  readonly reason?: string;
  /** The attribute the SchemaError names, if any. */
  readonly property?: string;
  /** For `kept` and `conflict`: what it would take to make the table match, which sync never does by itself. */
  readonly remedy?: string;
}

/**
 * A table that has always been provisioned may have no BillingModeSummary (DynamoDB, DynamoDB
 * Local and dynalite all omit it then), while an on-demand one reports zero capacity units.
 */
export function isOnDemand(table: TableDescription): boolean {
  const mode = table.BillingModeSummary?.BillingMode;
  if (mode !== undefined) return mode === 'PAY_PER_REQUEST';
  const { ReadCapacityUnits: read = 0, WriteCapacityUnits: write = 0 } = table.ProvisionedThroughput ?? {};
  return read === 0 && write === 0;
}

/** On demand, or provisioned with the table's capacity; a difference is left to the user (billing has its own limits). */
export function compareBilling(schema: CompiledSchema, table: TableDescription): TableField {
  const declared = schema.provisioned
    ? `provisioned (${schema.provisioned.readCapacityUnits} read, ${schema.provisioned.writeCapacityUnits} write)`
    : 'on demand';
  const { ReadCapacityUnits: read = 0, WriteCapacityUnits: write = 0 } = table.ProvisionedThroughput ?? {};
  const live = isOnDemand(table) ? 'on demand' : `provisioned (${read} read, ${write} write)`;
  if (declared === live) return { field: 'billing', declared, live, status: 'equal' };
  const change = schema.provisioned
    ? `BillingMode PROVISIONED with ProvisionedThroughput ${schema.provisioned.readCapacityUnits} read / ${schema.provisioned.writeCapacityUnits} write (and each global index's)`
    : 'BillingMode PAY_PER_REQUEST';
  return {
    field: 'billing',
    declared,
    live,
    status: 'kept',
    remedy: `UpdateTable on ${table.TableName} with ${change}; DynamoDB allows a switch of billing mode once a day, so sync leaves billing to you.`,
  };
}

/** The declared stream view against the table's: a missing stream is added; another view type is a conflict. */
export function compareStream(schema: CompiledSchema, table: TableDescription): TableField {
  const declared = schema.stream ?? 'disabled';
  const enabled = table.StreamSpecification?.StreamEnabled === true;
  const live = enabled ? (table.StreamSpecification?.StreamViewType ?? 'enabled') : 'disabled';
  const field = { field: 'stream', declared, live };
  if (declared === live) return { ...field, status: 'equal' };
  if (!schema.stream) {
    return {
      ...field,
      status: 'kept',
      remedy: `UpdateTable on ${table.TableName} with StreamSpecification { StreamEnabled: false } once nothing reads the stream; sync never disables one.`,
    };
  }
  if (!enabled) return { ...field, status: 'add' };
  return {
    ...field,
    status: 'conflict',
    reason: `table ${table.TableName} has a ${live} stream, but the model declares ${declared}: DynamoDB changes a stream's view type only by disabling the stream and enabling a new one.`,
    remedy: `disable the stream (UpdateTable, StreamSpecification { StreamEnabled: false }), then sync enables a ${declared} stream; its readers (Lambda triggers, KCL apps) must move to the new stream's ARN.`,
  };
}

/**
 * The declared TTL attribute against the table's TTL setting: missing TTL is enabled; TTL on
 * another attribute is a conflict (DynamoDB allows one TTL attribute). `'unknown'` is an engine
 * that cannot describe TTL: a declared TTL is then to be added (and enabling it names the capability).
 */
export function compareTtl(
  schema: CompiledSchema,
  tableName: string,
  ttl: TimeToLiveDescription | 'unknown',
): TableField[] {
  const declared = schema.ttl?.storedName;
  if (ttl === 'unknown')
    return declared === undefined ? [] : [{ field: 'TTL', declared, live: 'unknown', status: 'add' }];
  const enabled = ttl.TimeToLiveStatus === 'ENABLED' || ttl.TimeToLiveStatus === 'ENABLING';
  const live = enabled ? (ttl.AttributeName ?? 'enabled') : 'disabled';
  const field = { field: 'TTL', declared: declared ?? 'disabled', live };
  if (field.declared === live) return [{ ...field, status: 'equal' }];
  const disable = `UpdateTimeToLive on ${tableName} with Enabled false for ${live}`;
  if (declared === undefined) {
    return [
      { ...field, status: 'kept', remedy: `${disable} if items should no longer expire; sync never disables TTL.` },
    ];
  }
  if (!enabled) return [{ ...field, status: 'add' }];
  return [
    {
      ...field,
      status: 'conflict',
      property: schema.ttl?.name,
      reason: `@Ttl: table ${tableName} has TTL on ${live} already; DynamoDB allows one TTL attribute.`,
      remedy: `${disable} (DynamoDB then takes up to an hour before TTL can be enabled again), then sync enables it on ${declared}.`,
    },
  ];
}
