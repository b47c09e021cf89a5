/* eslint-disable @typescript-eslint/no-unsafe-member-access -- templates and HCL parsed into plain (any) data */
import {
  CreateTableCommand,
  DescribeTableCommand,
  DescribeTimeToLiveCommand,
  UpdateTimeToLiveCommand,
  type CreateTableCommandInput,
  type DynamoDBClient,
  type KeySchemaElement,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import { execFileSync } from 'node:child_process';
import { existsSync, statSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, resolve } from 'node:path';
import { Repository, type ModelClass } from '../../lib';
import { Pipeline } from '../../lib/pipeline/Pipeline';
import { waitUntilActive } from '../../lib/repository/waitUntilActive';
import { Blob, Order, Phone } from '../fixtures/cli/tables';
import { cliConsumer, type CliConsumer } from '../helpers/cliConsumer';
import { engines, uniqueTableName } from '../helpers/engines';
import { startDynamoDBLocal, type RunningEngine } from '../../lib/testing';

// Exports that are right, not just well-formed: each format's table is created on DynamoDB Local
// from what the format says (CloudFormation's properties as CreateTable input; the CDK module
// synthesized by aws-cdk-lib and its AWS::DynamoDB::GlobalTable read back; the Terraform parsed as
// HCL) and described, and must equal the table createTable() makes for the same model: keys,
// attribute types, indexes and projections, billing and capacities, stream, TTL. The tools live in
// __tests__/exports/ (a package of its own, installed here when missing or older than its lockfile),
// so the root install never carries aws-cdk-lib.
//
// The tables are made on a DynamoDB Local of their own: with several tables that have TTL enabled
// (these exports make seven), DynamoDB Local at times stops building indexes added to live tables
// (UpdateTable's new index stays CREATING, and after five such, "Only 5 tables with online indexes
// can be created simultaneously"), which would break the other files' createGsi tests on the shared engine.

const tools = resolve(__dirname, '../exports');
const MODELS: Readonly<Record<string, ModelClass>> = {
  'export-orders': Order,
  'export-phones': Phone,
  'export-blobs': Blob,
};

/** A table as one format describes it: the CreateTable input, and the TTL attribute. */
interface FormatTable {
  readonly input: CreateTableCommandInput;
  readonly ttl?: string;
}

type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any -- parsed templates

// run where the suite runs DynamoDB Local (TEST_ENGINES), on an instance of its own
const withDynamoDBLocal = engines.some((engine) => engine.name === 'dynamodb-local');
let consumer: CliConsumer;
let load: NodeJS.Require;
let local: RunningEngine | undefined;

(withDynamoDBLocal ? describe : describe.skip)('exports, created on DynamoDB Local', () => {
  const client = () => (local as RunningEngine).client;
  const formats: Record<string, FormatTable[]> = {};

  beforeAll(async () => {
    local = await startDynamoDBLocal();
    installTools();
    load = createRequire(join(tools, 'package.json'));
    consumer = cliConsumer(['tables.ts']);
    formats['json'] = fromJson(await exported('json'));
    const yaml = load('yaml') as { parse(text: string): Loose };
    formats['cloudformation'] = fromCloudFormation(yaml.parse(await exported('cloudformation')));
    formats['cloudformation --json'] = fromCloudFormation(JSON.parse(await exported('cloudformation', '--json')));
    formats['cdk'] = fromGlobalTables(synthesize(await exported('cdk')));
    formats['terraform'] = fromTerraform(parseHcl(await exported('terraform')));
  }, 300_000);

  afterAll(async () => {
    consumer?.remove();
    await local?.stop();
  });

  it('each format holds a table for each model', () => {
    for (const tables of Object.values(formats)) {
      expect(tables.map((table) => table.input.TableName).sort()).toEqual(Object.keys(MODELS).sort());
    }
  });

  it('the CloudFormation template passes the CloudFormation linter, as YAML and as JSON', async () => {
    const { validateFile } = load('cfn-lint/lib/api.js') as { validateFile: (path: string) => Loose };
    for (const [file, args] of [
      ['template.yaml', []],
      ['template.json', ['--json']],
    ] as const) {
      writeFileSync(join(consumer.dir, file), await exported('cloudformation', ...args));
      const result = validateFile(join(consumer.dir, file));
      expect({ file, ...result['errors'] }).toEqual({ file, info: [], warn: [], crit: [] });
      expect(result['templateValid']).toBe(true);
    }
  });

  describe.each(Object.keys(MODELS))('%s', (modelTable) => {
    let expected: unknown;

    beforeAll(async () => {
      const repository = new Repository(MODELS[modelTable]!, {
        client: client(),
        tableName: uniqueTableName('export-reference'),
      });
      await repository.createTable();
      expected = await described(client(), repository.tableName);
    });

    it.each(['json', 'cloudformation', 'cloudformation --json', 'cdk', 'terraform'])(
      'the %s export makes the table createTable makes',
      async (format) => {
        const table = formats[format]!.find((candidate) => candidate.input.TableName === modelTable)!;
        const tableName = uniqueTableName(`export-${format.replace(/\W+/g, '-')}`);
        await client().send(new CreateTableCommand({ ...table.input, TableName: tableName }));
        await waitUntilActive(new Pipeline(client()), { call: 'test', table: tableName }, { timeoutMs: 60_000 });
        if (table.ttl !== undefined) {
          await client().send(
            new UpdateTimeToLiveCommand({
              TableName: tableName,
              TimeToLiveSpecification: { AttributeName: table.ttl, Enabled: true },
            }),
          );
        }
        expect(await described(client(), tableName)).toEqual(expected);
      },
    );
  });

  /** What `dynamodb-decorators export tables.js --format <format>` prints. */
  async function exported(format: string, ...args: string[]): Promise<string> {
    const run = await consumer.run(['export', 'tables.js', '--format', format, ...args]);
    if (run.code !== 0) throw new Error(`export --format ${format} exited ${run.code}: ${run.stderr}`);
    return run.stdout;
  }

  /** Type-checks the CDK module against aws-cdk-lib, compiles it, and synthesizes it in a stack. */
  function synthesize(module: string): Loose {
    const modules = join(consumer.dir, 'node_modules');
    for (const name of ['aws-cdk-lib', 'constructs']) {
      if (!existsSync(join(modules, name))) symlinkSync(join(tools, 'node_modules', name), join(modules, name), 'dir');
    }
    writeFileSync(join(consumer.dir, 'tables.cdk.ts'), module);
    const tsc = resolve(__dirname, '../../node_modules/typescript/bin/tsc');
    const options = ['--strict', '--target', 'es2022', '--module', 'node16', '--skipLibCheck', '--outDir', 'cdk'];
    execFileSync(process.execPath, [tsc, ...options, 'tables.cdk.ts'], { cwd: consumer.dir, stdio: 'pipe' });
    const synth = join(tools, 'synth.cjs');
    const output = execFileSync(
      process.execPath,
      [synth, join(consumer.dir, 'cdk/tables.cdk.js'), join(consumer.dir, 'cdk.out')],
      {
        encoding: 'utf8',
      },
    );
    return JSON.parse(output) as Loose;
  }

  function parseHcl(text: string): Loose {
    const [parsed, error] = (load('hcl2-parser') as { parseToObject(text: string): [Loose, unknown] }).parseToObject(
      text,
    );
    if (error) throw new Error(`the Terraform export is not HCL: ${JSON.stringify(error)}`);
    return parsed;
  }
});

/** Installs __tests__/exports/ when its node_modules is missing or older than its lockfile. */
function installTools(): void {
  const installed = join(tools, 'node_modules/.package-lock.json');
  const lockfile = join(tools, 'package-lock.json');
  if (existsSync(installed) && statSync(installed).mtimeMs >= statSync(lockfile).mtimeMs) return;
  execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: tools, stdio: 'inherit' });
}

/** The table as DescribeTable and DescribeTimeToLive show it, in an order-free form. */
async function described(client: DynamoDBClient, tableName: string): Promise<unknown> {
  const { Table: table = {} } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  const { TimeToLiveDescription: ttl } = await client.send(new DescribeTimeToLiveCommand({ TableName: tableName }));
  const byName = <T extends { IndexName?: string }>(list: readonly T[] | undefined) =>
    [...(list ?? [])].sort((a, b) => String(a.IndexName).localeCompare(String(b.IndexName)));
  const throughput = (described: { ReadCapacityUnits?: number; WriteCapacityUnits?: number } | undefined) => ({
    read: described?.ReadCapacityUnits ?? 0,
    write: described?.WriteCapacityUnits ?? 0,
  });
  const projection = (
    value: TableDescription['GlobalSecondaryIndexes'] extends (infer I)[] | undefined ? I : never,
  ) => ({
    type: value.Projection?.ProjectionType,
    include: [...(value.Projection?.NonKeyAttributes ?? [])].sort(),
  });
  return {
    keys: table.KeySchema,
    attributes: [...(table.AttributeDefinitions ?? [])].sort((a, b) =>
      String(a.AttributeName).localeCompare(String(b.AttributeName)),
    ),
    billing: table.BillingModeSummary?.BillingMode ?? 'PROVISIONED',
    throughput: throughput(table.ProvisionedThroughput),
    globalIndexes: byName(table.GlobalSecondaryIndexes).map((index) => ({
      name: index.IndexName,
      keys: index.KeySchema,
      projection: projection(index),
      throughput: throughput(index.ProvisionedThroughput),
    })),
    localIndexes: byName(table.LocalSecondaryIndexes).map((index) => ({
      name: index.IndexName,
      keys: index.KeySchema,
      projection: projection(index),
    })),
    stream: table.StreamSpecification ?? 'none',
    ttl: { status: ttl?.TimeToLiveStatus, attribute: ttl?.AttributeName },
  };
}

function fromJson(text: string): FormatTable[] {
  const { tables } = JSON.parse(text) as {
    tables: { createTable: CreateTableCommandInput; timeToLiveSpecification?: { AttributeName: string } }[];
  };
  return tables.map(({ createTable, timeToLiveSpecification }) => ({
    input: createTable,
    ...(timeToLiveSpecification && { ttl: timeToLiveSpecification.AttributeName }),
  }));
}

/** AWS::DynamoDB::Table properties are CreateTable's, but for the stream (view type only) and TTL. */
function fromCloudFormation(template: Loose): FormatTable[] {
  return Object.values(template['Resources'] as Record<string, Loose>).map((resource) => {
    expect(resource).toMatchObject({ Type: 'AWS::DynamoDB::Table', DeletionPolicy: 'Retain' });
    const {
      TimeToLiveSpecification: ttl,
      StreamSpecification: stream,
      ...properties
    } = resource['Properties'] as Loose;
    return {
      input: {
        ...(properties as CreateTableCommandInput),
        ...(stream && { StreamSpecification: { StreamEnabled: true, StreamViewType: stream.StreamViewType } }),
      },
      ...(ttl?.Enabled === true && { ttl: ttl.AttributeName as string }),
    };
  });
}

/**
 * A CDK TableV2 synthesizes to AWS::DynamoDB::GlobalTable: read capacity on the replica, write
 * capacity as auto scaling bounds (the export pins both bounds to the declared capacity).
 */
function fromGlobalTables(template: Loose): FormatTable[] {
  return Object.values(template['Resources'] as Record<string, Loose>)
    .filter((resource) => resource['Type'] === 'AWS::DynamoDB::GlobalTable')
    .map((resource) => {
      const properties = resource['Properties'] as Loose;
      const replica = (properties['Replicas'] as Loose[])[0]!;
      const provisioned = properties['BillingMode'] === 'PROVISIONED';
      const throughput = (read: Loose | undefined, write: Loose | undefined) => {
        const scaling = write?.['WriteCapacityAutoScalingSettings'] as Loose | undefined;
        expect(scaling?.['MinCapacity']).toBe(scaling?.['MaxCapacity']);
        return { ReadCapacityUnits: read?.['ReadCapacityUnits'], WriteCapacityUnits: scaling?.['MinCapacity'] };
      };
      const replicaIndex = (name: string) =>
        ((replica['GlobalSecondaryIndexes'] ?? []) as Loose[]).find((index) => index['IndexName'] === name);
      const globals = (properties['GlobalSecondaryIndexes'] ?? []) as Loose[];
      return {
        input: {
          TableName: properties['TableName'],
          AttributeDefinitions: properties['AttributeDefinitions'],
          KeySchema: properties['KeySchema'],
          BillingMode: properties['BillingMode'],
          ...(provisioned && {
            ProvisionedThroughput: throughput(
              replica['ReadProvisionedThroughputSettings'],
              properties['WriteProvisionedThroughputSettings'],
            ),
          }),
          ...(globals.length > 0 && {
            GlobalSecondaryIndexes: globals.map((index) => ({
              IndexName: index['IndexName'],
              KeySchema: index['KeySchema'],
              Projection: index['Projection'],
              ...(provisioned && {
                ProvisionedThroughput: throughput(
                  replicaIndex(index['IndexName'])?.['ReadProvisionedThroughputSettings'],
                  index['WriteProvisionedThroughputSettings'],
                ),
              }),
            })),
          }),
          ...(properties['LocalSecondaryIndexes'] && { LocalSecondaryIndexes: properties['LocalSecondaryIndexes'] }),
          ...(properties['StreamSpecification'] && {
            StreamSpecification: {
              StreamEnabled: true,
              StreamViewType: properties['StreamSpecification'].StreamViewType,
            },
          }),
        } as CreateTableCommandInput,
        ...(properties['TimeToLiveSpecification']?.Enabled === true && {
          ttl: properties['TimeToLiveSpecification'].AttributeName as string,
        }),
      };
    });
}

/** aws_dynamodb_table, parsed: blocks are lists of objects; an LSI takes the table's hash key. */
function fromTerraform(parsed: Loose): FormatTable[] {
  const keys = (hash: string, range: string | undefined): KeySchemaElement[] => [
    { AttributeName: hash, KeyType: 'HASH' },
    ...(range === undefined ? [] : [{ AttributeName: range, KeyType: 'RANGE' as const }]),
  ];
  const projection = (index: Loose) => ({
    ProjectionType: index['projection_type'],
    ...(index['non_key_attributes'] && { NonKeyAttributes: index['non_key_attributes'] }),
  });
  const capacity = (block: Loose) =>
    block['read_capacity'] === undefined
      ? {}
      : {
          ProvisionedThroughput: {
            ReadCapacityUnits: block['read_capacity'],
            WriteCapacityUnits: block['write_capacity'],
          },
        };
  const resources = (parsed['resource'] as Loose)['aws_dynamodb_table'] as Record<string, Loose[]>;
  return Object.values(resources).map(([table]) => {
    const resource = table!;
    expect(resource['lifecycle']).toEqual([{ prevent_destroy: true }]);
    const globals = (resource['global_secondary_index'] ?? []) as Loose[];
    const locals = (resource['local_secondary_index'] ?? []) as Loose[];
    const ttl = (resource['ttl'] as Loose[] | undefined)?.[0];
    return {
      input: {
        TableName: resource['name'],
        BillingMode: resource['billing_mode'],
        AttributeDefinitions: (resource['attribute'] as Loose[]).map((attribute) => ({
          AttributeName: attribute['name'],
          AttributeType: attribute['type'],
        })),
        KeySchema: keys(resource['hash_key'], resource['range_key']),
        ...capacity(resource),
        ...(globals.length > 0 && {
          GlobalSecondaryIndexes: globals.map((index) => ({
            IndexName: index['name'],
            KeySchema: keys(index['hash_key'], index['range_key']),
            Projection: projection(index),
            ...capacity(index),
          })),
        }),
        ...(locals.length > 0 && {
          LocalSecondaryIndexes: locals.map((index) => ({
            IndexName: index['name'],
            KeySchema: keys(resource['hash_key'], index['range_key']),
            Projection: projection(index),
          })),
        }),
        ...(resource['stream_enabled'] === true && {
          StreamSpecification: { StreamEnabled: true, StreamViewType: resource['stream_view_type'] },
        }),
      },
      ...(ttl?.['enabled'] === true && { ttl: ttl['attribute_name'] as string }),
    };
  });
}
