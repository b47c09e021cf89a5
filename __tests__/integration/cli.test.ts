import { DescribeTableCommand, DescribeTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import { writeFileSync, copyFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Repository } from '../../lib';
import { tableDefinition } from '../../lib/requests/tableDefinition';
import { compileSchema } from '../../lib/schema/compileSchema';
import { mergeTableSchemas } from '../../lib/schema/mergeTableSchemas';
import { Order as OrderV1 } from '../fixtures/cli/orders.v1';
import { Order as OrderV2 } from '../fixtures/cli/orders.v2';
import { lineItems, orders, users } from '../fixtures/cli/shop';
import { cliConsumer, type CliConsumer, type CliRun } from '../helpers/cliConsumer';
import { engines, uniqueTableName } from '../helpers/engines';

// The command as a user runs it: the compiled bin, by node, in a consumer directory whose module
// exports a repository (orders.v1.js, as first deployed; orders.v2.js, the model changed since).

let consumer: CliConsumer;

beforeAll(() => {
  consumer = cliConsumer(['orders.v1.ts', 'orders.v2.ts', 'orders.v3.ts', 'errors.ts', 'nothing.ts', 'shop.ts']);
}, 180_000);

afterAll(() => consumer.remove());

/** The run's output, for a failed expectation's message. */
const shown = (run: CliRun) => `exit ${run.code}\n${run.stdout}${run.stderr}`;

describe('describe, and the errors every command reports', () => {
  it('describes each model: keys, indexes with projections, billing, stream, TTL, enums and the capabilities it needs', async () => {
    const run = await consumer.run(['describe', 'orders.v2.js']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Order (export orders) -> table cli-orders\n');
    expect(run.stdout).toMatch(/keys +order_id HASH \(S\)\n/);
    expect(run.stdout).toMatch(
      /indexes +byStatus \(global\): status HASH \(S\), customer RANGE \(S\); INCLUDE \(total\)\n/,
    );
    expect(run.stdout).toMatch(/ +byCustomer \(global\): customer HASH \(S\), total RANGE \(N\); ALL\n/);
    expect(run.stdout).toMatch(/billing +on demand\n +stream +NEW_AND_OLD_IMAGES\n +TTL +expires_at\n/);
    expect(run.stdout).toMatch(
      /enums +Attribute: ORDER_ID, CUSTOMER, TOTAL, STATUS, EXPIRES_AT\n +Status: PLACED, SHIPPED, DELIVERED\n/,
    );
    expect(run.stdout).toMatch(/needs +adding a global secondary index to an existing table, .*dynalite: no/);
    expect(run.stdout).toMatch(
      /time to live \(TTL\), for @Ttl on expires_at\. DynamoDB Local: yes \(setting kept; items do not expire\); dynalite: no/,
    );
    expect(run.stdout).toMatch(/DynamoDB Streams, for @Table\(\{ stream: 'NEW_AND_OLD_IMAGES' \}\)\. dynalite: no/);
  });

  it('--json gives the CreateTable input createTable sends, the enums and the capabilities', async () => {
    const run = await consumer.run(['describe', 'orders.v2.js', '--json'], { CLI_ORDERS_TABLE: 'orders-prod' });
    expect(run.code).toBe(0);
    const { tables } = JSON.parse(run.stdout) as { tables: Record<string, unknown>[] };
    expect(tables).toEqual([
      {
        model: 'Order',
        source: 'orders',
        tableName: 'orders-prod',
        definition: tableDefinition(compileSchema(OrderV2), 'orders-prod'),
        ttlAttribute: 'expires_at',
        enums: {
          Attribute: {
            ORDER_ID: 'order_id',
            CUSTOMER: 'customer',
            TOTAL: 'total',
            STATUS: 'status',
            EXPIRES_AT: 'expires_at',
          },
          Status: { PLACED: 'PLACED', SHIPPED: 'SHIPPED', DELIVERED: 'DELIVERED' },
        },
        capabilities: [
          expect.objectContaining({ capability: 'adding a global secondary index to an existing table' }),
          expect.objectContaining({ capability: 'time to live (TTL)' }),
          expect.objectContaining({ capability: 'DynamoDB Streams' }),
        ],
      },
    ]);
  });

  it('models of one table (entities) are one table: the keys and the indexes of all, as a collection creates it', async () => {
    const run = await consumer.run(['describe', 'shop.js', '--json']);
    expect(run.code).toBe(0);
    const { tables } = JSON.parse(run.stdout) as { tables: { model: string; source: string; definition: unknown }[] };
    expect(tables).toHaveLength(1);
    expect(tables[0]).toMatchObject({
      model: 'LineItem + Order + User',
      source: 'lineItems + orders + users',
      definition: tableDefinition(mergeTableSchemas([lineItems, orders, users].map((repo) => repo.schema)), 'cli-shop'),
    });
    const text = await consumer.run(['describe', 'shop.js']);
    expect(text.stdout).toMatch(
      /indexes +byOrder \(global\): gsi1pk HASH \(S\), sk RANGE \(S\); ALL\n +byEmail \(global\): email HASH \(S\); ALL\n/,
    );
  });

  it('a .ts module runs through the loader the user registers (node -r)', async () => {
    copyFileSync(resolve(__dirname, '../fixtures/cli/orders.v1.ts'), join(consumer.dir, 'orders.ts'));
    const swc = resolve(__dirname, '../../node_modules/@swc/core');
    writeFileSync(
      join(consumer.dir, 'register.js'),
      `const swc = require(${JSON.stringify(swc)});\n` +
        "require.extensions['.ts'] = (module, filename) => module._compile(swc.transformSync(require('fs').readFileSync(filename, 'utf8'), " +
        "{ filename, jsc: { parser: { syntax: 'typescript', decorators: true }, transform: { legacyDecorator: true, decoratorMetadata: true }, target: 'es2022' }, module: { type: 'commonjs' } }).code, filename);\n",
    );
    const run = await consumer.run(['describe', 'orders.ts'], {}, ['-r', './register.js']);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('Order (export orders) -> table cli-orders');
    const without = await consumer.run(['describe', 'orders.ts']);
    expect(without.code).toBe(2);
    expect(without.stderr).toMatch(/cannot load orders\.ts: .*A \.ts module needs a loader: node --import tsx/);
  });

  it.each([
    ['describe', 'nothing.js'],
    ['export', 'nothing.js', '--format', 'json'],
  ])('exit 2 for a module that exports no model: %s', async (...args) => {
    const run = await consumer.run(args);
    expect({ code: run.code, stdout: run.stdout }).toEqual({ code: 2, stdout: '' });
    expect(run.stderr).toBe(
      'dynamodb-decorators: nothing.js exports no model and no repository: export the classes decorated with @Table ' +
        '(export class PhoneData ...), Repository subclasses or Repository instances.\n',
    );
  });

  it.each([['describe'], ['diff'], ['sync'], ['export']])(
    'exit 2 with the SchemaError for a wrong model: %s',
    async (command) => {
      const run = await consumer.run([command, 'errors.js', ...(command === 'export' ? ['--format', 'cdk'] : [])]);
      expect(run.code).toBe(2);
      expect(run.stderr).toBe('SchemaError: Broken: no partition key: mark one property with @PartitionKey().\n');
    },
  );

  it.each([['diff'], ['sync']])('exit 2 naming an endpoint that cannot be reached: %s', async (command) => {
    const run = await consumer.run([command, 'orders.v1.js', '--endpoint', 'http://127.0.0.1:9']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /^dynamodb-decorators: Cannot reach DynamoDB at http:\/\/127\.0\.0\.1:9 \(ECONNREFUSED\)/,
    );
  });

  it('exit 2 for a usage error, with commander’s message', async () => {
    const run = await consumer.run(['export', 'orders.v1.js', '--format', 'yaml']);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/argument 'yaml' is invalid\. Allowed choices are cloudformation, cdk, terraform, json/);
  });
});

describe.each(engines)('diff and sync on $name', (engine) => {
  const describeTable = async (tableName: string) =>
    (await engine.client().send(new DescribeTableCommand({ TableName: tableName }))).Table;
  const cli = (tableName: string, ...args: string[]) =>
    consumer.run([...args, '--endpoint', engine.endpoint], { CLI_ORDERS_TABLE: tableName });

  it('diff of a missing table exits 1; sync creates it with its index; diff then exits 0', async () => {
    const tableName = uniqueTableName('cli-orders');
    const before = await cli(tableName, 'diff', 'orders.v1.js');
    expect(before.code).toBe(1);
    expect(before.stdout).toContain(`Order (export orders) -> table ${tableName}: 1 difference\n`);
    expect(before.stdout).toMatch(/\+ table +model: cli-orders_.* +table: absent +\(sync adds it\)/);

    const sync = await cli(tableName, 'sync', 'orders.v1.js');
    expect(sync.code).toBe(0);
    expect(sync.stdout).toMatch(/\[1\/1\] create table .* with 1 index \(on demand\)\n/);
    expect(sync.stdout).toMatch(/\[1\/1\] done: table ACTIVE \(\d+\.\d s\)\n {2}in sync\n$/);
    expect((await describeTable(tableName))?.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual([
      'byStatus',
    ]);

    const after = await cli(tableName, 'diff', 'orders.v1.js');
    expect(after).toMatchObject({ code: 0, stderr: '' });
    expect(after.stdout).toMatch(/: equal\n {2}= keys +order_id HASH\n/);
    const again = await cli(tableName, 'sync', 'orders.v1.js');
    expect(again.stdout).toMatch(/ {2}nothing to do\n$/);
    expect(again.code).toBe(0);
  });

  it('sync creates a table shared by several models with the indexes of all; diff then exits 0', async () => {
    const tableName = uniqueTableName('cli-shop');
    const run = (...args: string[]) =>
      consumer.run([...args, '--endpoint', engine.endpoint], { CLI_SHOP_TABLE: tableName });
    const sync = await run('sync', 'shop.js');
    expect(sync.code).toBe(0);
    expect(sync.stdout).toMatch(/\[1\/1\] create table .* with 2 indexes \(on demand\)\n/);
    const indexes = (await describeTable(tableName))?.GlobalSecondaryIndexes?.map((index) => index.IndexName);
    expect(indexes?.sort()).toEqual(['byEmail', 'byOrder']);
    const diff = await run('diff', 'shop.js');
    expect(diff).toMatchObject({ code: 0, stderr: '' });
    expect(diff.stdout).toContain(
      `LineItem + Order + User (export lineItems + orders + users) -> table ${tableName}: equal`,
    );
  });

  it('a model changed after its table was created: diff lists each field, sync --dry-run what it would do, changing nothing', async () => {
    const tableName = uniqueTableName('cli-orders');
    await new Repository(OrderV1, { client: engine.client(), tableName }).createTable();
    const diff = await cli(tableName, 'diff', 'orders.v2.js');
    expect(diff.code).toBe(1);
    expect(diff.stdout).toContain(`table ${tableName}: 4 differences\n`);
    expect(diff.stdout).toMatch(
      /~ index byStatus projection +model: INCLUDE \(total\) +table: ALL +\(sync leaves it\)\n/,
    );
    expect(diff.stdout).toMatch(
      /\+ index byCustomer +model: global customer HASH, total RANGE, ALL +table: absent +\(sync adds it\)\n/,
    );
    expect(diff.stdout).toMatch(/\+ stream +model: NEW_AND_OLD_IMAGES +table: disabled +\(sync adds it\)\n/);
    expect(diff.stdout).toMatch(/\+ TTL +model: expires_at +table: disabled +\(sync adds it\)\n/);
    expect(diff.stdout).toMatch(/= billing +on demand\n/);
    expect(diff.stdout).toMatch(
      /To match, delete the index byStatus .*DynamoDB cannot change a projection in place\.\n$/,
    );

    const json = await cli(tableName, 'diff', 'orders.v2.js', '--json');
    expect(json.code).toBe(1);
    const parsed = JSON.parse(json.stdout) as {
      equal: boolean;
      tables: { fields: { field: string; status: string }[] }[];
    };
    expect(parsed.equal).toBe(false);
    expect(parsed.tables[0]?.fields.filter((field) => field.status !== 'equal')).toEqual([
      expect.objectContaining({
        field: 'index byStatus projection',
        status: 'kept',
        declared: 'INCLUDE (total)',
        live: 'ALL',
      }),
      expect.objectContaining({ field: 'index byCustomer', status: 'add' }),
      expect.objectContaining({ field: 'stream', status: 'add' }),
      expect.objectContaining({ field: 'TTL', status: 'add' }),
    ]);

    const dryRun = await cli(tableName, 'sync', '--dry-run', 'orders.v2.js');
    expect(dryRun.code).toBe(1);
    expect(dryRun.stdout).toBe(
      `Order (export orders) -> table ${tableName}\n` +
        `  would add global index byCustomer to ${tableName} (customer HASH (S), total RANGE (N); ALL)\n` +
        `  would enable a NEW_AND_OLD_IMAGES stream on ${tableName}\n` +
        `  would enable TTL on expires_at of ${tableName}\n` +
        '  and would leave as it is:\n' +
        '  ~ index byStatus projection (model: INCLUDE (total), table: ALL): To match, delete the index byStatus ' +
        '(UpdateTable, GlobalSecondaryIndexUpdates Delete), then sync adds it with the declared projection; ' +
        'DynamoDB cannot change a projection in place.\n',
    );
    const unchanged = await describeTable(tableName);
    expect(unchanged?.GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(['byStatus']);
    expect(unchanged?.StreamSpecification).toBeUndefined();
  });

  it('a change of key: sync changes nothing, says what it would take, and exits 1', async () => {
    const tableName = uniqueTableName('cli-orders');
    await new Repository(OrderV1, { client: engine.client(), tableName }).createTable();
    const sync = await cli(tableName, 'sync', 'orders.v3.js');
    expect(sync.code).toBe(1);
    expect(sync.stdout).toContain('  nothing changed: the table differs from the model in ways sync never changes.\n');
    expect(sync.stdout).toMatch(
      /! keys \(model: order_id HASH, placed_at RANGE, table: order_id HASH\): .*exists with key schema \(order_id HASH\), but the model declares \(order_id HASH, placed_at RANGE\)\. To match, a table keeps the keys it was created with: .*sync never changes a key\./,
    );
    expect((await describeTable(tableName))?.KeySchema).toEqual([{ AttributeName: 'order_id', KeyType: 'HASH' }]);
  });

  if (engine.name === 'dynamodb-local') {
    it('sync adds the index with the backfill as DescribeTable reports it, then the stream and TTL', async () => {
      const tableName = uniqueTableName('cli-orders');
      const v1 = new Repository(OrderV1, { client: engine.client(), tableName });
      await v1.createTable();
      const records = Array.from({ length: 500 }, (_, n) => ({
        order_id: `o${n}`,
        customer: `c${n % 7}`,
        total: n,
        status: 'PLACED' as const,
      }));
      expect((await v1.batchWrite({ put: records })).unprocessed).toEqual({ put: [], delete: [] });

      const sync = await cli(tableName, 'sync', 'orders.v2.js');
      expect(sync.code).toBe(1); // the byStatus projection stays as it is
      const lines = sync.stdout.split('\n');
      expect(lines[0]).toBe(`Order (export orders) -> table ${tableName}`);
      expect(lines[1]).toBe(
        `  [1/3] add global index byCustomer to ${tableName} (customer HASH (S), total RANGE (N); ALL)`,
      );
      // one line per state DescribeTable reports while the index builds (a pipe gets lines, a terminal one live line)
      const building = lines.slice(
        2,
        lines.findIndex((line) => line.startsWith('  [1/3] done')),
      );
      expect(building.length).toBeGreaterThan(0);
      for (const line of building) {
        expect(line).toMatch(
          /^ {2}\[1\/3\] index byCustomer (CREATING|ACTIVE)(, backfilling)?(, [\d,]+ items indexed)? \(\d+\.\d s\)$/,
        );
      }
      expect(sync.stdout).toMatch(/\[1\/3\] done: index byCustomer ACTIVE, 500 items indexed \(\d+\.\d s\)\n/);
      expect(sync.stdout).toMatch(/\[2\/3\] enable a NEW_AND_OLD_IMAGES stream on .*\n {2}\[2\/3\] table ACTIVE/);
      expect(sync.stdout).toMatch(
        /\[3\/3\] enable TTL on expires_at of .*\n {2}\[3\/3\] done \(\d+\.\d s\)\n {2}left as it was:\n/,
      );

      const table = await describeTable(tableName);
      expect(table?.GlobalSecondaryIndexes?.map((index) => [index.IndexName, index.IndexStatus]).sort()).toEqual([
        ['byCustomer', 'ACTIVE'],
        ['byStatus', 'ACTIVE'],
      ]);
      expect(table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
      const { TimeToLiveDescription: ttl } = await engine
        .client()
        .send(new DescribeTimeToLiveCommand({ TableName: tableName }));
      expect(ttl).toMatchObject({ AttributeName: 'expires_at', TimeToLiveStatus: 'ENABLED' });

      const diff = await cli(tableName, 'diff', 'orders.v2.js');
      expect(diff.code).toBe(1);
      expect(diff.stdout).toContain(`table ${tableName}: 1 difference\n`);
    });
  } else {
    it('sync names the missing capability (an index on a live table) and exits 2', async () => {
      const tableName = uniqueTableName('cli-orders');
      await new Repository(OrderV1, { client: engine.client(), tableName }).createTable();
      const sync = await cli(tableName, 'sync', 'orders.v2.js');
      expect(sync.code).toBe(2);
      expect(sync.stdout).toContain(`  [1/3] add global index byCustomer to ${tableName}`);
      expect(sync.stderr).toMatch(
        /^UnsupportedCapabilityError: This DynamoDB engine does not support adding a global secondary index to an existing table: /,
      );
      expect(shown(sync)).not.toContain('[2/3]');
    });

    it('sync of a new table with a stream names the missing capability before creating anything', async () => {
      const tableName = uniqueTableName('cli-orders');
      const sync = await cli(tableName, 'sync', 'orders.v2.js');
      expect(sync.code).toBe(2);
      expect(sync.stderr).toMatch(
        /^UnsupportedCapabilityError: This DynamoDB engine does not support time to live \(TTL\)/,
      );
      await expect(describeTable(tableName)).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    });
  }
});
