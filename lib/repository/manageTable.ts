import type { CreateTableCommandInput, TableDescription, UpdateTableCommandInput } from '@aws-sdk/client-dynamodb';
import { isResourceInUse, isResourceNotFound } from '../errors/translateAwsError';
import type { Pipeline } from '../pipeline/Pipeline';
import { buildCreateGsi } from '../requests/buildCreateGsi';
import { streamSpecificationOf } from '../requests/indexDefinition';
import { tableDefinition } from '../requests/tableDefinition';
import type { CompiledIndex, CompiledSchema } from '../schema/CompiledSchema';
import {
  checkExistingIndex,
  checkIndexIsListed,
  compareTable,
  gsiCapacity,
  throwConflicts,
  translateIndexCreationError,
  undeclaredIndexes,
  type TableField,
} from './checkTableDescription';
import {
  NOT_FOUND,
  describeTtl,
  enableStream,
  enableTtl,
  probeStreamSupport,
  probeTtlSupport,
  streamsUnsupported,
} from './tableSettings';
import { waitUntilActive, type TableRequest } from './waitUntilActive';

/** What `createTable` did. */
export interface CreateTableResult {
  /** False when the table existed already. */
  readonly created: boolean;
  /** Declared global indexes added to an existing table. */
  readonly addedIndexes: readonly string[];
  /** Indexes the table has but the model does not declare (left in place). */
  readonly undeclaredIndexes: readonly string[];
}

/** Where a table lives and how long to wait for it. */
export interface TableTarget {
  readonly pipeline: Pipeline;
  readonly schema: CompiledSchema;
  readonly tableName: string;
  readonly waitTimeoutMs: number;
  /** The library call working on the table, for hooks and log lines: `'createTable'`. */
  readonly call: string;
  /** Told when each change starts and ends, and of every DescribeTable while it waits (the command line's progress display). */
  readonly onProgress?: (progress: TableProgress) => void;
}

/** One change createTable makes, in the order it makes them. */
export type TableChange =
  | { readonly kind: 'createTable'; readonly input: CreateTableCommandInput }
  | { readonly kind: 'createIndex'; readonly index: CompiledIndex; readonly input: UpdateTableCommandInput }
  | { readonly kind: 'enableStream'; readonly input: UpdateTableCommandInput }
  | { readonly kind: 'enableTtl'; readonly attributeName: string };

/** What createTable would do to a table, worked out from its description without changing it. */
export interface TablePlan {
  readonly tableName: string;
  /** The table as described, when it exists. */
  readonly table?: TableDescription;
  /** Every field compared (for a missing table, one `table` field to add). */
  readonly fields: readonly TableField[];
  /** The changes, in order; createTable makes none of them when a field is a conflict. */
  readonly changes: readonly TableChange[];
}

/** Where createTable is: a change starting (`started`), waited for (`waiting`, with the table as last described), or `done`. */
export interface TableProgress {
  readonly change: TableChange;
  /** 1-based position of the change in the plan, and the plan's length. */
  readonly step: number;
  readonly steps: number;
  readonly state: 'started' | 'waiting' | 'done';
  readonly table?: TableDescription;
}

/** Options of {@link planTable}. */
export interface PlanOptions {
  /** Describe TTL even when the model declares none, to report a TTL the table has (needs DescribeTimeToLive). */
  readonly inspectTtl?: boolean;
  /** Wait until an existing table is ACTIVE before comparing (createTable does; a read-only diff does not). */
  readonly waitUntilActive?: boolean;
}

/**
 * Creates the table with its declared indexes and stream unless it exists, waits until it is
 * ACTIVE and enables TTL on the @Ttl attribute. On an existing table: compares it with the model,
 * then adds missing declared global indexes (each waited for), enables the declared stream and
 * TTL, and reports undeclared indexes, deleting nothing.
 * @throws SchemaError when the existing table's keys or key types differ from the model's, a declared local index is
 *   missing, an existing declared index has other keys or a projection storing less than declared, or the table has
 *   another stream view type or TTL attribute (all checked before any change).
 * @throws UnsupportedCapabilityError when the engine lacks TTL, streams or index building (before any change where it can tell).
 */
export async function createTable(target: TableTarget): Promise<CreateTableResult> {
  const plan = await planTable(target, { waitUntilActive: true });
  throwConflicts(target.schema, plan.fields);
  const { changes } = plan;
  for (const [position, change] of changes.entries()) {
    const report = (state: TableProgress['state'], table?: TableDescription) =>
      target.onProgress?.({ change, step: position + 1, steps: changes.length, state, ...(table && { table }) });
    report('started');
    await applyChange(target, change, (table) => report('waiting', table));
    report('done');
  }
  return {
    created: plan.table === undefined,
    addedIndexes: changes.flatMap((change) => (change.kind === 'createIndex' ? [change.index.name] : [])),
    undeclaredIndexes: plan.table ? undeclaredIndexes(target.schema, plan.table) : [],
  };
}

/**
 * What createTable would do, without changing anything: the table's fields compared with the
 * model (the same comparisons createTable refuses a table on) and the changes it would make.
 * Only "table not found" counts as a missing table: any other describe error is thrown.
 */
export async function planTable(target: TableTarget, options: PlanOptions = {}): Promise<TablePlan> {
  const { pipeline, schema, tableName, waitTimeoutMs } = target;
  const request = requestOf(target);
  const described = await describeTable(pipeline, request);
  if (!described) {
    const input = tableDefinition(schema, tableName);
    return {
      tableName,
      fields: [{ field: 'table', declared: tableName, live: 'absent', status: 'add' }],
      changes: [
        { kind: 'createTable', input },
        ...(schema.ttl ? [{ kind: 'enableTtl' as const, attributeName: schema.ttl.storedName }] : []),
      ],
    };
  }
  const table = options.waitUntilActive
    ? await waitUntilActive(pipeline, request, { timeoutMs: waitTimeoutMs })
    : described;
  const ttl = schema.ttl || options.inspectTtl ? await describeTtl(pipeline, request) : undefined;
  const fields = compareTable(schema, table, ttl);
  const adds = (field: string) => fields.some((each) => each.field === field && each.status === 'add');
  const missingIndexes = [...schema.indexes.values()].filter((index) => adds(`index ${index.name}`));
  const capacity = gsiCapacity(schema, table);
  return {
    tableName,
    table,
    fields,
    changes: [
      // one at a time: DynamoDB builds one new index per update
      ...missingIndexes.map((index) => ({
        kind: 'createIndex' as const,
        index,
        input: buildCreateGsi(tableName, index, capacity),
      })),
      ...(schema.stream && adds('stream')
        ? [
            {
              kind: 'enableStream' as const,
              input: { TableName: tableName, StreamSpecification: streamSpecificationOf(schema.stream) },
            },
          ]
        : []),
      ...(schema.ttl && adds('TTL') ? [{ kind: 'enableTtl' as const, attributeName: schema.ttl.storedName }] : []),
    ],
  };
}

async function applyChange(
  target: TableTarget,
  change: TableChange,
  onPoll: (table: TableDescription) => void,
): Promise<void> {
  const { pipeline, schema, waitTimeoutMs } = target;
  const request = requestOf(target);
  switch (change.kind) {
    case 'createTable':
      return createMissingTable(target, change.input, onPoll);
    case 'createIndex':
      await createGsi(target, change.index, onPoll);
      return;
    case 'enableStream':
      await enableStream(pipeline, request, change.input);
      await waitUntilActive(pipeline, request, { timeoutMs: waitTimeoutMs, onPoll });
      return;
    case 'enableTtl':
      return enableTtl(pipeline, request, schema);
  }
}

async function createMissingTable(
  target: TableTarget,
  input: CreateTableCommandInput,
  onPoll: (table: TableDescription) => void,
): Promise<void> {
  const { pipeline, schema, tableName, waitTimeoutMs } = target;
  const request = requestOf(target);
  if (schema.ttl) await probeTtlSupport(pipeline, request);
  if (schema.stream) await probeStreamSupport(pipeline, request);
  try {
    await pipeline.send('CreateTable', input, { ...request, answers: IN_USE });
  } catch (error) {
    if (!isResourceInUse(error)) throw error; // created meanwhile by someone else: wait for it
  }
  // DynamoDB may answer "not found" to a describe right after CreateTable: that is no set-up mistake
  const waiting = { ...request, answers: NOT_FOUND };
  const table = await waitUntilActive(pipeline, waiting, { timeoutMs: waitTimeoutMs, onPoll });
  // an engine may take StreamSpecification and ignore it: the table must not pass for streamed
  if (schema.stream && table.StreamSpecification?.StreamEnabled !== true) {
    throw streamsUnsupported(undefined, `table ${tableName} was created without the stream it was asked for`);
  }
}

/**
 * Adds a global index to a live table and waits until it is ACTIVE; an index of that name with
 * the same keys and a projection storing at least the declared attributes is left as it is. On a
 * table billed with provisioned capacity, the index gets the model's declared capacity, else the
 * table's. `onPoll` sees every DescribeTable while it waits.
 * @returns whether the index was created.
 * @throws SchemaError when an index of that name exists with other keys or a projection storing less.
 * @throws UnsupportedCapabilityError when the engine never builds indexes on a live table (dynalite).
 */
export async function createGsi(
  target: TableTarget,
  index: CompiledIndex,
  onPoll?: (table: TableDescription) => void,
): Promise<boolean> {
  const { pipeline, schema, tableName, waitTimeoutMs } = target;
  const request = requestOf(target);
  const { Table: existing = {} } = await pipeline.send('DescribeTable', { TableName: tableName }, request);
  const already = existing.GlobalSecondaryIndexes?.some((gsi) => gsi.IndexName === index.name) ?? false;
  if (already) {
    checkExistingIndex(schema, existing, index);
  } else {
    try {
      const { TableDescription: updated } = await pipeline.send(
        'UpdateTable',
        buildCreateGsi(tableName, index, gsiCapacity(schema, existing)),
        request,
      );
      const listed = updated?.GlobalSecondaryIndexes?.some((gsi) => gsi.IndexName === index.name)
        ? updated
        : (await pipeline.send('DescribeTable', { TableName: tableName }, request)).Table;
      checkIndexIsListed(listed ?? existing, index.name);
    } catch (error) {
      throw translateIndexCreationError(error, existing, index.name);
    }
  }
  await waitUntilActive(pipeline, request, {
    timeoutMs: waitTimeoutMs,
    indexName: index.name,
    ...(onPoll && { onPoll }),
  });
  return !already;
}

/** The table's description, or undefined when (and only when) the engine says it does not exist. */
export async function describeTable(pipeline: Pipeline, request: TableRequest): Promise<TableDescription | undefined> {
  try {
    const input = { TableName: request.table };
    const { Table: table } = await pipeline.send('DescribeTable', input, { ...request, answers: NOT_FOUND });
    return table;
  } catch (error) {
    if (isResourceNotFound(error)) return undefined;
    throw error; // network, credentials, throttling: never answered by creating a table
  }
}

const IN_USE = ['ResourceInUseException'];

function requestOf({ call, tableName }: TableTarget): TableRequest {
  return { call, table: tableName };
}
