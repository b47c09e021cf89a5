import type {
  AttributeDefinition,
  CreateTableCommandInput,
  KeySchemaElement,
  Projection,
} from '@aws-sdk/client-dynamodb';
import type { TableField } from '../repository/checkTableDescription';
import type { TableChange } from '../repository/manageTable';
import type { ModelDescription } from './describeModel';

// The readable output of the commands; --json prints the same data as it is.

/** describe's text: one block per model. */
export function describeText(description: ModelDescription): string {
  const { definition } = description;
  const attributeTypes = types(definition.AttributeDefinitions);
  const indexes = [
    ...(definition.GlobalSecondaryIndexes ?? []).map((index) => ({ ...index, kind: 'global' })),
    ...(definition.LocalSecondaryIndexes ?? []).map((index) => ({ ...index, kind: 'local' })),
  ];
  const rows: [string, string][] = [
    ['keys', keysText(definition.KeySchema, attributeTypes)],
    ...indexes.map((index, position): [string, string] => [
      position === 0 ? 'indexes' : '',
      `${index.IndexName} (${index.kind}): ${keysText(index.KeySchema, attributeTypes)}; ${projectionText(index.Projection)}`,
    ]),
    ['billing', billingText(definition)],
    ['stream', definition.StreamSpecification?.StreamViewType ?? 'none'],
    ['TTL', description.ttlAttribute ?? 'none'],
    ...enumRows(description.enums),
    ...description.capabilities.map((needed, position): [string, string] => {
      const engines = Object.entries(ENGINE_NAMES)
        .map(([engine, name]) => [name, needed.engines[engine as keyof typeof ENGINE_NAMES]] as const)
        .filter(([, support]) => support !== 'yes')
        .map(([name, support]) => `${name}: ${support}`);
      return [position === 0 ? 'needs' : '', `${needed.capability}, ${needed.because}. ${engines.join('; ')}`];
    }),
  ];
  return `${heading(description.model, description.source, description.tableName)}\n${table(rows)}`;
}

/** diff's text for one table: every field, marked `=` equal, `+` to add, `~` kept as it is, `!` conflict. */
export function fieldsText(fields: readonly TableField[]): string {
  const rows = fields.map((field): [string, string] => {
    const mark = MARKS[field.status];
    if (field.status === 'equal') return [`${mark} ${field.field}`, field.declared];
    return [`${mark} ${field.field}`, `model: ${field.declared}  table: ${field.live}  (${STATUS_TEXT[field.status]})`];
  });
  const remaining = remainingText(fields);
  return remaining
    ? `${table(rows)}
${remaining}`
    : table(rows);
}

/** The differences sync does not resolve, each with what it would take: conflicts first, then what it keeps. */
export function remainingText(fields: readonly TableField[]): string {
  return [
    ...fields.filter((field) => field.status === 'conflict'),
    ...fields.filter((field) => field.status === 'kept'),
  ]
    .map((field) => {
      const what = `${MARKS[field.status]} ${field.field} (model: ${field.declared}, table: ${field.live})`;
      return `  ${what}: ${field.status === 'conflict' ? `${field.reason} ` : ''}To match, ${field.remedy}`;
    })
    .join('\n');
}

/** One line of what a change does, as sync --dry-run and sync's progress say it. */
export function changeText(change: TableChange, tableName: string): string {
  switch (change.kind) {
    case 'createTable': {
      const indexes =
        (change.input.GlobalSecondaryIndexes?.length ?? 0) + (change.input.LocalSecondaryIndexes?.length ?? 0);
      return `create table ${tableName}${indexes > 0 ? ` with ${indexes} ${indexes > 1 ? 'indexes' : 'index'}` : ''}${change.input.StreamSpecification ? `, stream ${change.input.StreamSpecification.StreamViewType}` : ''} (${billingText(change.input)})`;
    }
    case 'createIndex': {
      const index = change.input.GlobalSecondaryIndexUpdates?.[0]?.Create;
      const capacity = index?.ProvisionedThroughput
        ? `, ${index.ProvisionedThroughput.ReadCapacityUnits} read / ${index.ProvisionedThroughput.WriteCapacityUnits} write`
        : '';
      return `add global index ${change.index.name} to ${tableName} (${keysText(index?.KeySchema, types(change.input.AttributeDefinitions))}; ${projectionText(index?.Projection)}${capacity})`;
    }
    case 'enableStream':
      return `enable a ${change.input.StreamSpecification?.StreamViewType} stream on ${tableName}`;
    case 'enableTtl':
      return `enable TTL on ${change.attributeName} of ${tableName}`;
  }
}

/** A model's heading line. */
export function heading(model: string, source: string, tableName: string): string {
  return `${model}${source === model ? '' : ` (export ${source})`} -> table ${tableName}`;
}

const ENGINE_NAMES = { dynamodb: 'DynamoDB', 'dynamodb-local': 'DynamoDB Local', dynalite: 'dynalite' } as const;

const MARKS = { equal: '=', add: '+', kept: '~', conflict: '!' } as const;
const STATUS_TEXT = {
  add: 'sync adds it',
  kept: 'sync leaves it',
  conflict: 'sync refuses: a change it never makes',
} as const;

function enumRows(enums: ModelDescription['enums']): [string, string][] {
  if ('error' in enums && typeof enums.error === 'string') return [['enums', `not generated: ${enums.error}`]];
  return Object.entries(enums as Record<string, Record<string, string>>).map(([name, members], position) => [
    position === 0 ? 'enums' : '',
    `${name}: ${Object.keys(members).join(', ')}`,
  ]);
}

function types(definitions: readonly AttributeDefinition[] | undefined): Map<string | undefined, string | undefined> {
  return new Map((definitions ?? []).map((d) => [d.AttributeName, d.AttributeType]));
}

function keysText(
  keySchema: readonly KeySchemaElement[] | undefined,
  attributeTypes: ReadonlyMap<string | undefined, string | undefined>,
): string {
  return (keySchema ?? [])
    .map((key) => `${key.AttributeName} ${key.KeyType} (${attributeTypes.get(key.AttributeName) ?? '?'})`)
    .join(', ');
}

function projectionText(projection: Projection | undefined): string {
  const type = projection?.ProjectionType ?? 'ALL';
  return type === 'INCLUDE' ? `INCLUDE (${(projection?.NonKeyAttributes ?? []).join(', ')})` : type;
}

function billingText(definition: CreateTableCommandInput): string {
  const throughput = definition.ProvisionedThroughput;
  return definition.BillingMode === 'PROVISIONED' && throughput
    ? `provisioned: ${throughput.ReadCapacityUnits} read, ${throughput.WriteCapacityUnits} write`
    : 'on demand';
}

/** Two columns, the first padded to its widest cell. */
function table(rows: readonly (readonly [string, string])[]): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`.trimEnd()).join('\n');
}
