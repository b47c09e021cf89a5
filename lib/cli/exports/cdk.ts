import type { KeySchemaElement, Projection } from '@aws-sdk/client-dynamodb';
import type { TableSpec } from './tableSpecs';

const ATTRIBUTE_TYPES: Readonly<Record<string, string>> = { S: 'STRING', N: 'NUMBER', B: 'BINARY' };

/**
 * A TypeScript module for the AWS CDK (aws-cdk-lib v2): a construct holding a `TableV2` per model,
 * with the keys, indexes and projections, billing, stream and TTL createTable gives the table.
 * TableV2 scales provisioned write capacity automatically: the declared write capacity becomes its
 * minimum and maximum, so it stays what the model declares.
 */
export function cdkModule(specs: readonly TableSpec[], source: string): string {
  const used = new Set<string>(['TableV2']);
  const tables = specs.map((spec) => tableStatement(spec, used));
  const imports = ['AttributeType', 'Billing', 'Capacity', 'ProjectionType', 'StreamViewType', 'TableV2'].filter(
    (name) => used.has(name),
  );
  return [
    `// DynamoDB tables of the models in ${source}, made by \`dynamodb-decorators export --format cdk\`.`,
    "import { Construct } from 'constructs';",
    `import { ${imports.join(', ')} } from 'aws-cdk-lib/aws-dynamodb';`,
    '',
    "/** The models' tables: `new ModelTables(this, 'Tables')` in a stack. */",
    'export class ModelTables extends Construct {',
    ...specs.map((spec) => `  readonly ${property(spec)}: TableV2;`),
    '',
    '  constructor(scope: Construct, id: string) {',
    '    super(scope, id);',
    ...tables,
    '  }',
    '}',
    '',
  ].join('\n');
}

function tableStatement(spec: TableSpec, used: Set<string>): string {
  const { definition } = spec;
  const { keys, index } = writers(definition, used);
  const globals = (definition.GlobalSecondaryIndexes ?? []).map((gsi) => index(gsi, true));
  const locals = (definition.LocalSecondaryIndexes ?? []).map((lsi) => index(lsi, false));
  const throughput = definition.ProvisionedThroughput;
  used.add('Billing');
  if (throughput) used.add('Capacity');
  const lines = [
    `tableName: ${quote(spec.tableName)}`,
    ...keys(definition.KeySchema, true),
    throughput
      ? `billing: Billing.provisioned({\n        readCapacity: Capacity.fixed(${throughput.ReadCapacityUnits}),\n` +
        `        writeCapacity: Capacity.autoscaled({ minCapacity: ${throughput.WriteCapacityUnits}, maxCapacity: ${throughput.WriteCapacityUnits} }),\n      })`
      : 'billing: Billing.onDemand()',
    ...(globals.length > 0 ? [`globalSecondaryIndexes: [\n        ${globals.join(',\n        ')},\n      ]`] : []),
    ...(locals.length > 0 ? [`localSecondaryIndexes: [\n        ${locals.join(',\n        ')},\n      ]`] : []),
    ...(spec.ttlAttribute !== undefined ? [`timeToLiveAttribute: ${quote(spec.ttlAttribute)}`] : []),
    ...(definition.StreamSpecification
      ? [`dynamoStream: StreamViewType.${definition.StreamSpecification.StreamViewType}`]
      : []),
  ];
  if (definition.StreamSpecification) used.add('StreamViewType');
  return [
    `    this.${property(spec)} = new TableV2(this, ${quote(spec.resourceName)}, {`,
    ...lines.map((line) => `      ${line},`),
    '    });',
  ].join('\n');
}

/** The TypeScript for keys and indexes, noting each aws-dynamodb name they use. */
function writers(definition: TableSpec['definition'], used: Set<string>) {
  const types = new Map((definition.AttributeDefinitions ?? []).map((d) => [d.AttributeName, d.AttributeType]));
  const key = (element: KeySchemaElement | undefined) => {
    used.add('AttributeType');
    const type = ATTRIBUTE_TYPES[types.get(element?.AttributeName) ?? 'S'] ?? 'STRING';
    return `{ name: ${quote(element?.AttributeName ?? '')}, type: AttributeType.${type} }`;
  };
  const keys = (schema: readonly KeySchemaElement[] | undefined, partition: boolean) => {
    const hash = schema?.find((element) => element.KeyType === 'HASH');
    const range = schema?.find((element) => element.KeyType === 'RANGE');
    return [...(partition ? [`partitionKey: ${key(hash)}`] : []), ...(range ? [`sortKey: ${key(range)}`] : [])];
  };
  const projection = (value: Projection | undefined) => {
    used.add('ProjectionType');
    const type = value?.ProjectionType ?? 'ALL';
    return [
      `projectionType: ProjectionType.${type}`,
      ...(type === 'INCLUDE' ? [`nonKeyAttributes: [${(value?.NonKeyAttributes ?? []).map(quote).join(', ')}]`] : []),
    ];
  };
  // a local index's partition key is the table's: TableV2 takes its sort key only. Continuation
  // lines are indented relative to the property they belong to (six spaces in).
  const index = (
    {
      IndexName,
      KeySchema,
      Projection,
    }: { IndexName?: string; KeySchema?: KeySchemaElement[]; Projection?: Projection },
    global: boolean,
  ) => {
    const lines = [`indexName: ${quote(IndexName ?? '')}`, ...keys(KeySchema, global), ...projection(Projection)];
    return `{\n${lines.map((line) => `          ${line},`).join('\n')}\n        }`;
  };
  return { keys, index };
}

function property(spec: TableSpec): string {
  return `${spec.resourceName[0]!.toLowerCase()}${spec.resourceName.slice(1)}Table`;
}

/** A single-quoted TypeScript string literal. */
function quote(text: string): string {
  return `'${JSON.stringify(text).slice(1, -1).replace(/\\"/g, '"').replace(/'/g, "\\'")}'`;
}
