import type { KeySchemaElement, Projection } from '@aws-sdk/client-dynamodb';
import type { TableSpec } from './tableSpecs';

/**
 * Terraform (HCL) with an `aws_dynamodb_table` per model: keys and attribute types, indexes with
 * projections, billing, stream and TTL, as createTable makes the table; `prevent_destroy` keeps
 * the data from a `terraform destroy` or a replacement, as the CloudFormation export's Retain does.
 */
export function terraformModule(specs: readonly TableSpec[], source: string): string {
  const blocks = specs.map((spec) => resource(spec));
  return `# DynamoDB tables of the models in ${source}, made by \`dynamodb-decorators export --format terraform\`.\n\n${blocks.join('\n\n')}\n`;
}

type Line = readonly [string, string] | string;

function resource({ definition, ttlAttribute, resourceName }: TableSpec): string {
  const throughput = definition.ProvisionedThroughput;
  const capacity: (readonly [string, string])[] = throughput
    ? [
        ['read_capacity', String(throughput.ReadCapacityUnits)],
        ['write_capacity', String(throughput.WriteCapacityUnits)],
      ]
    : [];
  const body: Line[][] = [
    [
      ['name', hcl(definition.TableName ?? '')],
      ['billing_mode', hcl(definition.BillingMode ?? 'PAY_PER_REQUEST')],
      ...keyLines(definition.KeySchema, true),
      ...capacity,
      ...(definition.StreamSpecification
        ? [
            ['stream_enabled', 'true'] as const,
            ['stream_view_type', hcl(definition.StreamSpecification.StreamViewType ?? '')] as const,
          ]
        : []),
    ],
    ...(definition.AttributeDefinitions ?? []).map((attribute) =>
      block('attribute', [
        ['name', hcl(attribute.AttributeName ?? '')],
        ['type', hcl(attribute.AttributeType ?? '')],
      ]),
    ),
    ...indexBlocks(definition, capacity),
    ...(ttlAttribute !== undefined
      ? [
          block('ttl', [
            ['attribute_name', hcl(ttlAttribute)],
            ['enabled', 'true'],
          ]),
        ]
      : []),
    block('lifecycle', [['prevent_destroy', 'true']]),
  ];
  const inner = body.map((group) => aligned(group, '  ').join('\n')).join('\n\n');
  return `resource "aws_dynamodb_table" ${hcl(snake(resourceName))} {\n${inner}\n}`;
}

function indexBlocks(definition: TableSpec['definition'], capacity: readonly (readonly [string, string])[]): Line[][] {
  return [
    ...(definition.GlobalSecondaryIndexes ?? []).map((index) =>
      block('global_secondary_index', [
        ['name', hcl(index.IndexName ?? '')],
        ...keyLines(index.KeySchema, true),
        ...projectionLines(index.Projection),
        ...(index.ProvisionedThroughput ? capacity : []),
      ]),
    ),
    // a local index's partition key is the table's: Terraform takes its range key only
    ...(definition.LocalSecondaryIndexes ?? []).map((index) =>
      block('local_secondary_index', [
        ['name', hcl(index.IndexName ?? '')],
        ...keyLines(index.KeySchema, false),
        ...projectionLines(index.Projection),
      ]),
    ),
  ];
}

function keyLines(keySchema: readonly KeySchemaElement[] | undefined, partition: boolean): [string, string][] {
  const hash = keySchema?.find((element) => element.KeyType === 'HASH')?.AttributeName;
  const range = keySchema?.find((element) => element.KeyType === 'RANGE')?.AttributeName;
  return [
    ...(partition && hash !== undefined ? [['hash_key', hcl(hash)] as [string, string]] : []),
    ...(range !== undefined ? [['range_key', hcl(range)] as [string, string]] : []),
  ];
}

function projectionLines(projection: Projection | undefined): [string, string][] {
  const type = projection?.ProjectionType ?? 'ALL';
  return [
    ['projection_type', hcl(type)],
    ...(type === 'INCLUDE'
      ? [['non_key_attributes', `[${(projection?.NonKeyAttributes ?? []).map(hcl).join(', ')}]`] as [string, string]]
      : []),
  ];
}

function block(name: string, lines: readonly (readonly [string, string])[]): Line[] {
  return [`${name} {`, ...aligned(lines, '  '), '}'];
}

/** `name = value` lines with the `=` signs aligned, as terraform fmt writes them. */
function aligned(lines: readonly Line[], indent: string): string[] {
  const width = Math.max(0, ...lines.map((line) => (typeof line === 'string' ? 0 : line[0].length)));
  return lines.map((line) =>
    typeof line === 'string' ? `${indent}${line}` : `${indent}${line[0].padEnd(width)} = ${line[1]}`,
  );
}

/** An HCL string literal: JSON's escapes, and `${` / `%{` escaped so nothing is interpolated. */
function hcl(text: string): string {
  // a function replacer: in a replacement string, `$$` would itself mean one `$`
  return JSON.stringify(text)
    .replace(/\$\{/g, () => '$${')
    .replace(/%\{/g, () => '%%{');
}

function snake(name: string): string {
  return name.replace(/([a-z0-9])([A-Z])/g, '$1_$2').toLowerCase();
}
