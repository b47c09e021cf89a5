import type { TimeToLiveDescription, UpdateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { CAPABILITIES, UnsupportedCapabilityError } from '../errors/UnsupportedCapabilityError';
import { isResourceNotFound, isUnknownOperation } from '../errors/translateAwsError';
import type { Pipeline } from '../pipeline/Pipeline';
import type { CompiledSchema } from '../schema/CompiledSchema';
import type { TableRequest } from './waitUntilActive';
import { throwConflicts } from './checkTableDescription';
import { compareTtl } from './compareSettings';

// TTL and streams, the settings createTable turns on besides the table and its indexes, and how
// an engine that lacks them is told apart (probed before a table is created, so none is left half-configured).

/** "Not found" as an answer the caller expects (a table not made yet), not a set-up mistake. */
export const NOT_FOUND = ['ResourceNotFoundException'];

/** The table's TTL setting, or `'unknown'` on an engine that has no DescribeTimeToLive. */
export async function describeTtl(
  pipeline: Pipeline,
  request: TableRequest,
): Promise<TimeToLiveDescription | 'unknown'> {
  try {
    const input = { TableName: request.table };
    const { TimeToLiveDescription: ttl } = await pipeline.send('DescribeTimeToLive', input, request);
    return ttl ?? {};
  } catch (error) {
    if (isUnknownOperation(error)) return 'unknown';
    throw error;
  }
}

/**
 * Asks to change TTL on the table that does not exist yet: DynamoDB answers "not found", an
 * engine without TTL "unknown operation", so the table is not created half-configured.
 */
export async function probeTtlSupport(pipeline: Pipeline, request: TableRequest): Promise<void> {
  try {
    const input = { TableName: request.table, TimeToLiveSpecification: { AttributeName: 'ttl_probe', Enabled: true } };
    await pipeline.send('UpdateTimeToLive', input, { ...request, answers: NOT_FOUND });
  } catch (error) {
    if (isUnknownOperation(error)) throw ttlUnsupported(error);
    if (!isResourceNotFound(error)) throw error;
  }
}

/**
 * The same for streams: DynamoDB answers an UpdateTable of the table that does not exist yet with
 * "not found"; dynalite, which ignores StreamSpecification, with "at least one of ... is required".
 * Any other answer (access denied to UpdateTable, say) tells nothing, and the check after creation stands.
 */
export async function probeStreamSupport(pipeline: Pipeline, request: TableRequest): Promise<void> {
  try {
    const input = {
      TableName: request.table,
      StreamSpecification: { StreamEnabled: true, StreamViewType: 'KEYS_ONLY' as const },
    };
    await pipeline.send('UpdateTable', input, { ...request, answers: [...NOT_FOUND, 'ValidationException'] });
  } catch (error) {
    if (isStreamUnsupported(error)) throw streamsUnsupported(error);
  }
}

/**
 * Enables TTL on the @Ttl attribute unless it is on already.
 * @throws SchemaError when TTL is on another attribute (DynamoDB allows one).
 * @throws UnsupportedCapabilityError on an engine without TTL (dynalite).
 */
export async function enableTtl(pipeline: Pipeline, request: TableRequest, schema: CompiledSchema): Promise<void> {
  const attributeName = schema.ttl?.storedName;
  if (attributeName === undefined) return;
  try {
    const ttl = await describeTtl(pipeline, request);
    const fields = compareTtl(schema, request.table, ttl);
    throwConflicts(schema, fields);
    if (fields.every((field) => field.status === 'equal')) return;
    const input = {
      TableName: request.table,
      TimeToLiveSpecification: { AttributeName: attributeName, Enabled: true },
    };
    await pipeline.send('UpdateTimeToLive', input, request);
  } catch (error) {
    throw isUnknownOperation(error) ? ttlUnsupported(error) : error;
  }
}

function ttlUnsupported(cause: unknown): UnsupportedCapabilityError {
  return new UnsupportedCapabilityError(
    CAPABILITIES.ttl,
    'the engine does not know UpdateTimeToLive (dynalite has no TTL). Use DynamoDB Local or DynamoDB, or drop @Ttl.',
    { cause },
  );
}

/**
 * Turns on the table's stream (the caller waits for ACTIVE).
 * @throws UnsupportedCapabilityError on an engine without streams (dynalite).
 */
export async function enableStream(
  pipeline: Pipeline,
  request: TableRequest,
  input: UpdateTableCommandInput,
): Promise<void> {
  try {
    await pipeline.send('UpdateTable', input, request);
  } catch (error) {
    throw isStreamUnsupported(error) ? streamsUnsupported(error) : error;
  }
}

/** dynalite validates UpdateTable without knowing StreamSpecification, so a stream alone is "no update at all". */
function isStreamUnsupported(error: unknown): boolean {
  return error instanceof Error && error.name === 'ValidationException' && /at least one of/i.test(error.message);
}

/** The error for an engine without streams, with what showed it. */
export function streamsUnsupported(
  cause: unknown,
  what = 'the engine does not take StreamSpecification',
): UnsupportedCapabilityError {
  return new UnsupportedCapabilityError(
    CAPABILITIES.streams,
    `${what} (dynalite has no streams). Use DynamoDB Local or DynamoDB, or drop the stream option of @Table.`,
    cause === undefined ? undefined : { cause },
  );
}
