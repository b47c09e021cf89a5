import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { DescribeTableCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Repository, type RepositoryOptions } from '../../lib';
import { acceptsConnections } from '../../lib/engines/freePort';
import { EngineError, TEST_ENDPOINT_VARIABLE, TEST_ENGINE_VARIABLE, deleteTable, testTables } from '../../lib/testing';
import jestGlobalSetup from '../../lib/testing/jestGlobalSetup';
import jestGlobalTeardown from '../../lib/testing/jestGlobalTeardown';
import vitestGlobalSetup from '../../lib/testing/vitestGlobalSetup';
import { PhoneData, StatusData } from '../fixtures/models';
import { runChild, runToEnd } from '../helpers/childProcesses';
import { engines, uniqueTableName } from '../helpers/engines';
import { selectedEngines } from '../helpers/globalSetup';
import { faultyTransportClient } from '../helpers/transportFaults';

// The helpers of dynamodb-decorators/testing, for users' tests: tables per test file, deleteTable,
// and the global set-ups of jest and vitest, called here as jest and vitest call them, and once
// through a jest run of a consumer's test files.

jest.setTimeout(120_000);

const repositoryRoot = resolve(__dirname, '../..');

class PhoneRepository extends Repository<PhoneData> {
  constructor(options?: RepositoryOptions) {
    super(PhoneData, options);
  }
}

/** The table's status, or undefined once DynamoDB no longer knows it. */
async function tableStatus(client: DynamoDBClient, tableName: string): Promise<string | undefined> {
  try {
    return (await client.send(new DescribeTableCommand({ TableName: tableName }))).Table?.TableStatus;
  } catch (error) {
    if ((error as Error).name === 'ResourceNotFoundException') return undefined;
    throw error;
  }
}

describe.each(engines)('testing helpers on $name', (engine) => {
  it('testTables: create() makes every table ACTIVE under its unique name; delete() removes them and closes its client', async () => {
    const tables = testTables({ phones: PhoneRepository, statuses: StatusData }, { endpoint: engine.endpoint });
    const names = Object.values(tables.tableNames);
    const destroy = jest.spyOn(tables.client, 'destroy');
    await tables.create();

    for (const name of names) expect(await tableStatus(engine.client(), name)).toBe('ACTIVE');
    const { phones } = tables.repositories;
    await phones.createRecord({ person_id: 1, name: 'Ada', phone_number: '1', relationship: 'FRIEND', timestamp: 't' });
    expect(await phones.getRecord(1)).toBeInstanceOf(PhoneData);

    await tables.delete();
    await tables.delete();

    for (const name of names) expect(await tableStatus(engine.client(), name)).toBeUndefined();
    expect(destroy).toHaveBeenCalledTimes(1);
  });

  it('testTables: a client given is used and left open', async () => {
    const tables = testTables({ phones: PhoneData }, { client: engine.client() });
    const destroy = jest.spyOn(engine.client(), 'destroy');
    await tables.create();
    await tables.delete();

    expect(tables.client).toBe(engine.client());
    expect(destroy).not.toHaveBeenCalled();
    destroy.mockRestore();
    expect(await tableStatus(engine.client(), tables.tableNames['phonebook-table']!)).toBeUndefined();
  });

  it('deleteTable resolves once the table is gone, and at once for a table that is gone already', async () => {
    const repository = new Repository(PhoneData, { client: engine.client(), tableName: uniqueTableName('delete') });
    await repository.createTable();

    await deleteTable(engine.client(), repository.tableName);

    expect(await tableStatus(engine.client(), repository.tableName)).toBeUndefined();
    await expect(deleteTable(engine.client(), repository.tableName)).resolves.toBeUndefined();
  });

  it('deleteTable waits for a table in use (being created or updated), then deletes it', async () => {
    const repository = new Repository(PhoneData, { client: engine.client(), tableName: uniqueTableName('in_use') });
    await repository.createTable();
    // DynamoDB refuses to delete a table while it is CREATING or UPDATING; local engines are never seen there.
    const inUse = { statusCode: 400, type: 'ResourceInUseException', message: 'Table is being created' };
    const faulty = faultyTransportClient(
      engine.endpoint,
      (operation, attempt) => (operation === 'DeleteTable' && attempt === 1 ? inUse : undefined),
      1,
    );
    try {
      await deleteTable(faulty.client, repository.tableName);

      expect(faulty.attempts.get('DeleteTable')).toBe(2);
      expect(faulty.attempts.get('DescribeTable')).toBeGreaterThanOrEqual(1);
      expect(await tableStatus(engine.client(), repository.tableName)).toBeUndefined();
    } finally {
      faulty.client.destroy();
    }
  });
});

describe('the global set-ups', () => {
  const saved = { engine: process.env[TEST_ENGINE_VARIABLE], endpoint: process.env[TEST_ENDPOINT_VARIABLE] };
  afterEach(() => {
    for (const [name, value] of [
      [TEST_ENGINE_VARIABLE, saved.engine],
      [TEST_ENDPOINT_VARIABLE, saved.endpoint],
    ] as const) {
      if (value === undefined) delete process.env[name];
      else process.env[name] = value;
    }
  });

  it('jest: the set-up starts dynalite when asked and hands over its endpoint; the last tear-down stops it and restores the environment', async () => {
    process.env[TEST_ENGINE_VARIABLE] = 'dynalite';
    delete process.env[TEST_ENDPOINT_VARIABLE];

    await jestGlobalSetup();
    const endpoint = process.env[TEST_ENDPOINT_VARIABLE]!;
    expect(endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    // a second project of the same run shares the engine
    await jestGlobalSetup();
    expect(process.env[TEST_ENDPOINT_VARIABLE]).toBe(endpoint);

    // what a test file does with it: no option needed
    const tables = testTables({ phones: PhoneData });
    await tables.create();
    await tables.repositories.phones.createRecord({
      person_id: 2,
      name: 'Alan',
      phone_number: '2',
      relationship: 'FRIEND',
      timestamp: 't',
    });
    await tables.delete();

    await jestGlobalTeardown();
    expect(await acceptsConnections(portOf(endpoint))).toBe(true);
    await jestGlobalTeardown();
    expect(await acceptsConnections(portOf(endpoint))).toBe(false);
    expect(process.env[TEST_ENGINE_VARIABLE]).toBe('dynalite');
    expect(process.env[TEST_ENDPOINT_VARIABLE]).toBeUndefined();
    await expect(jestGlobalTeardown()).resolves.toBeUndefined();
  });

  it('vitest: the set-up provides the endpoint and the engine name, and returns the tear-down', async () => {
    process.env[TEST_ENGINE_VARIABLE] = 'dynalite';
    const provided: Record<string, string> = {};

    const teardown = await vitestGlobalSetup({ provide: (key, value) => (provided[key] = value) });

    expect(provided).toEqual({ dynamodbEndpoint: process.env[TEST_ENDPOINT_VARIABLE], dynamodbEngine: 'dynalite' });
    expect(await acceptsConnections(portOf(provided['dynamodbEndpoint']!))).toBe(true);
    await teardown();
    expect(await acceptsConnections(portOf(provided['dynamodbEndpoint']!))).toBe(false);
  });

  it('refuses an unknown DYNAMODB_TEST_ENGINE, naming the variable and the engines', async () => {
    process.env[TEST_ENGINE_VARIABLE] = 'dynamo';

    const error = await jestGlobalSetup().catch((caught: unknown) => caught);

    expect(error).toBeInstanceOf(EngineError);
    expect((error as Error).message).toBe(
      'DYNAMODB_TEST_ENGINE: unknown engine "dynamo"; use dynamodb-local or dynalite.',
    );
    await expect(jestGlobalTeardown()).resolves.toBeUndefined();
  });

  it('without Java, says so and how to use dynalite instead', async () => {
    const child = runChild(
      `require('./lib/testing/jestGlobalSetup.ts')().then(
        () => report({ started: true }),
        (error) => report({ name: error.name, message: error.message }),
      );`,
      { PATH: '/nonexistent', [TEST_ENGINE_VARIABLE]: '' },
    );
    const { code, reports } = await runToEnd(child);

    expect(code).toBe(0);
    expect(reports).toEqual([{ name: 'EngineError', message: expect.stringContaining('none was found on PATH') }]);
    expect(reports[0]?.['message']).toContain('DYNAMODB_TEST_ENGINE=dynalite');
  });

  (selectedEngines(process.env['TEST_ENGINES']).includes('dynamodb-local') ? it : it.skip)(
    'starts DynamoDB Local by default',
    async () => {
      delete process.env[TEST_ENGINE_VARIABLE];
      await jestGlobalSetup();
      try {
        expect(process.env[TEST_ENGINE_VARIABLE]).toBe('dynamodb-local');
        const tables = testTables({ statuses: StatusData });
        await tables.create();
        await tables.delete();
      } finally {
        await jestGlobalTeardown();
      }
    },
  );
});

describe("a jest run of a consumer's test files", () => {
  it('hands the endpoint to every worker, and gives each file tables of its own', async () => {
    const results = mkdtempSync(join(tmpdir(), 'dd-consumer-'));
    try {
      const { code, output, pid } = await runConsumerJest(results);

      expect({ code, output }).toEqual({ code: 0, output: expect.stringContaining('2 passed') });
      const files = readdirSync(results)
        .filter((file) => file.endsWith('.json'))
        .sort();
      expect(files).toEqual(['morePhones.spec.ts.json', 'phones.spec.ts.json']);
      const [more, phones] = files.map(
        (file) =>
          JSON.parse(readFileSync(join(results, file), 'utf8')) as {
            pid: number;
            endpoint: string;
            engine: string;
            tableNames: Record<string, string>;
          },
      );
      // run by workers (not in band), which inherited the variables the global set-up set in jest's process
      expect([more!.pid, phones!.pid]).not.toContain(pid);
      expect(phones!.engine).toBe('dynalite');
      expect(more!.endpoint).toBe(phones!.endpoint);
      expect(more!.tableNames['phonebook-table']).not.toBe(phones!.tableNames['phonebook-table']);
      expect(Object.keys(more!.tableNames)).toEqual(['phonebook-table', 'status-table']);
    } finally {
      rmSync(results, { recursive: true, force: true });
    }
  });
});

/** Runs jest on __tests__/fixtures/jest-consumer, two workers, with the global set-up and tear-down a user would configure. */
function runConsumerJest(results: string): Promise<{ code: number | null; output: string; pid: number | undefined }> {
  const swc = JSON.parse(readFileSync(join(repositoryRoot, '.swcrc'), 'utf8')) as Record<string, unknown>;
  delete swc['$schema'];
  const config = {
    rootDir: join(repositoryRoot, '__tests__/fixtures/jest-consumer'),
    testMatch: ['<rootDir>/*.spec.ts'],
    testEnvironment: 'node',
    transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
    moduleNameMapper: {
      '^dynamodb-decorators$': join(repositoryRoot, 'lib/index.ts'),
      '^dynamodb-decorators/testing$': join(repositoryRoot, 'lib/testing/index.ts'),
    },
    // What a user writes as 'dynamodb-decorators/testing/jest-global-setup' (package.json "exports").
    globalSetup: join(repositoryRoot, 'lib/testing/jestGlobalSetup.ts'),
    globalTeardown: join(repositoryRoot, 'lib/testing/jestGlobalTeardown.ts'),
    // A fresh cache: with timings cached from an earlier run, jest may run fast files in band.
    cacheDirectory: join(results, '.jest-cache'),
  };
  return new Promise((resolveRun) => {
    const child = spawn(
      process.execPath,
      [require.resolve('jest/bin/jest'), '--config', JSON.stringify(config), '--maxWorkers=2', '--ci'],
      {
        cwd: repositoryRoot,
        env: {
          ...process.env,
          [TEST_ENGINE_VARIABLE]: 'dynalite',
          [TEST_ENDPOINT_VARIABLE]: '',
          CONSUMER_RESULTS: results,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('close', (code) => resolveRun({ code, output, pid: child.pid }));
  });
}

function portOf(endpoint: string): number {
  return Number(new URL(endpoint).port);
}
