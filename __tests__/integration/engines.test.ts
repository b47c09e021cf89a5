import type { ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CreateTableCommand, ListTablesCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EngineError } from '../../lib/engines/EngineError';
import { acceptsConnections } from '../../lib/engines/freePort';
import { startDynalite } from '../../lib/engines/startDynalite';
import { startDynamoDBLocal } from '../../lib/engines/startDynamoDBLocal';
import { readReport, runChild, runToEnd } from '../helpers/childProcesses';
import { uniqueTableName } from '../helpers/engines';
import { selectedEngines } from '../helpers/globalSetup';

// These tests start engines of their own (DynamoDB Local 4 times: twice here, once in each child
// process) besides the ones globalSetup shares, so they can stop and kill them.

// Project-level testTimeout is ignored by jest (it is a global option), so this file sets its own.
jest.setTimeout(60_000);

const temporaryDirectories: string[] = [];

afterAll(() => {
  for (const directory of temporaryDirectories) rmSync(directory, { recursive: true, force: true });
});

describe('startDynalite', () => {
  it('answers ListTables, and stop() closes its port (twice is fine)', async () => {
    const engine = await startDynalite();
    expect(engine.engine).toBe('dynalite');
    expect(engine.endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    await expect(engine.client.send(new ListTablesCommand({}))).resolves.toHaveProperty('TableNames');

    await engine.stop();
    await engine.stop();

    expect(await acceptsConnections(portOf(engine.endpoint))).toBe(false);
  });

  it('keeps tables in `path` across restarts', async () => {
    const path = temporaryDirectory();
    const table = uniqueTableName('engines_dynalite');
    const first = await startDynalite({ path });
    await createTable(first.client, table);
    await first.stop();

    const second = await startDynalite({ path });
    try {
      expect((await second.client.send(new ListTablesCommand({}))).TableNames).toContain(table);
    } finally {
      await second.stop();
    }
  });

  it('rejects with an EngineError when the port is taken', async () => {
    const engine = await startDynalite();
    try {
      const error = await startDynalite({ port: portOf(engine.endpoint) }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(EngineError);
      expect(error).toMatchObject({
        name: 'EngineError',
        engine: 'dynalite',
        message: expect.stringContaining('EADDRINUSE'),
      });
    } finally {
      await engine.stop();
    }
  });
});

describe('stop() with a plain TCP connection open', () => {
  // The engine's handles are unref'd (a forgotten engine must not hold a script open), so the
  // connection is unref'd too, as one from another process would be: nothing but stop() itself may
  // keep the child alive until the line after `await engine.stop()` has run.
  it('dynalite: the code after `await stop()` runs, and stop() does not wait for the idle connections', async () => {
    const child = runChild(
      `const net = require('node:net');
      require('./lib/engines/startDynalite.ts').startDynalite().then(async (engine) => {
        const port = Number(new URL(engine.endpoint).port);
        const idle = net.connect(port, '127.0.0.1');
        const halfRequest = net.connect(port, '127.0.0.1');
        await Promise.all([idle, halfRequest].map((socket) => new Promise((resolve) => socket.once('connect', resolve))));
        halfRequest.write('POST / HTTP/1.1\\r\\nHost: 127.0.0.1\\r\\n');
        for (const socket of [idle, halfRequest]) socket.on('error', () => {}).unref();
        const started = Date.now();
        await engine.stop();
        report({ stoppedAfterMs: Date.now() - started });
      });`,
    );
    const { code, reports } = await runToEnd(child);

    expect(code).toBe(0);
    expect(reports).toEqual([{ stoppedAfterMs: expect.any(Number) }]);
    // Idle connections are closed at once, not after the 10 s given to requests in flight.
    expect(reports[0]?.['stoppedAfterMs']).toBeLessThan(5_000);
  });
});

describe('startDynamoDBLocal without Java', () => {
  it('rejects with an EngineError naming Java when none is on PATH', async () => {
    const child = runChild(
      `require('./lib/engines/startDynamoDBLocal.ts').startDynamoDBLocal().then(
        () => report({ started: true }),
        (error) => report({ name: error.name, engine: error.engine, message: error.message, isEngineError: error instanceof require('./lib/engines/EngineError.ts').EngineError }),
      );`,
      { PATH: '/nonexistent' },
    );
    const result = await readReport(child);

    expect(result).toMatchObject({ name: 'EngineError', engine: 'dynamodb-local', isEngineError: true });
    expect(result['message']).toContain('DynamoDB Local needs a Java runtime (17+) and none was found on PATH');
    expect(result['message']).toContain('startDynalite()');
    expect(result['message']).toContain('DYNAMODB_ENGINE=dynalite');
  });
});

// Like globalSetup, TEST_ENGINES=dynalite leaves DynamoDB Local (and Java) out of the run.
const describeWithJava = selectedEngines(process.env['TEST_ENGINES']).includes('dynamodb-local')
  ? describe
  : describe.skip;

describeWithJava('startDynamoDBLocal', () => {
  it('keeps tables in `dbPath` across restarts, and stop() ends Java and frees the port', async () => {
    const dbPath = join(temporaryDirectory(), 'nested', 'data');
    const table = uniqueTableName('engines_local');
    const first = await startDynamoDBLocal({ dbPath });
    expect(first.engine).toBe('dynamodb-local');
    expect(isAlive(first.pid)).toBe(true);
    await createTable(first.client, table);

    await first.stop();
    await first.stop();

    expect(isAlive(first.pid)).toBe(false);
    expect(await acceptsConnections(portOf(first.endpoint))).toBe(false);

    const second = await startDynamoDBLocal({ dbPath });
    try {
      expect((await second.client.send(new ListTablesCommand({}))).TableNames).toContain(table);
    } finally {
      await second.stop();
    }
  });

  it('rejects with an EngineError when the port is taken, without starting Java', async () => {
    const squatter = await startDynalite();
    try {
      const error = await startDynamoDBLocal({ port: portOf(squatter.endpoint) }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(EngineError);
      expect(error).toMatchObject({
        engine: 'dynamodb-local',
        message: expect.stringContaining('already accepts connections'),
      });
    } finally {
      await squatter.stop();
    }
  });

  it('leaves no Java process behind when its parent is killed with SIGKILL', async () => {
    const child = runChild(
      `require('./lib/engines/startDynamoDBLocal.ts').startDynamoDBLocal().then((engine) => {
        report({ pid: engine.pid, endpoint: engine.endpoint });
        setInterval(() => {}, 1000); // stays up until killed
      });`,
    );
    const { pid, endpoint } = (await readReport(child)) as { pid: number; endpoint: string };
    expect(isAlive(pid)).toBe(true);

    child.kill('SIGKILL');

    expect(await waitUntil(() => !isAlive(pid), 15_000)).toBe(true);
    expect(await acceptsConnections(portOf(endpoint))).toBe(false);
  });

  it('the code after `await stop()` runs, even when Java must be killed', async () => {
    // A frozen Java (SIGSTOP) cannot act on SIGTERM: stop() waits its grace period, then kills it.
    const child = runChild(
      `const net = require('node:net');
      require('./lib/engines/startDynamoDBLocal.ts').startDynamoDBLocal().then(async (engine) => {
        const socket = net.connect(Number(new URL(engine.endpoint).port), '127.0.0.1');
        await new Promise((resolve) => socket.once('connect', resolve));
        socket.on('error', () => {}).unref();
        process.kill(engine.pid, 'SIGSTOP');
        await engine.stop();
        report({ pid: engine.pid });
      });`,
    );
    const { code, reports } = await runToEnd(child);

    expect(code).toBe(0);
    expect(reports).toEqual([{ pid: expect.any(Number) }]);
    expect(isAlive(reports[0]?.['pid'] as number)).toBe(false);
  });

  it('lets a script that forgets stop() exit, taking Java (and dynalite) with it', async () => {
    const child = runChild(
      `const { ListTablesCommand } = require('@aws-sdk/client-dynamodb');
      Promise.all([
        require('./lib/engines/startDynamoDBLocal.ts').startDynamoDBLocal(),
        require('./lib/engines/startDynalite.ts').startDynalite(),
      ]).then(async ([local, dynalite]) => {
        await local.client.send(new ListTablesCommand({}));
        await dynalite.client.send(new ListTablesCommand({}));
        report({ pid: local.pid });
      });`,
    );
    const exited = exitCodeWithin(child, 20_000);
    const { pid } = (await readReport(child)) as { pid: number };

    expect(await exited).toBe(0);
    expect(await waitUntil(() => !isAlive(pid), 15_000)).toBe(true);
  });
});

function portOf(endpoint: string): number {
  return Number(new URL(endpoint).port);
}

function temporaryDirectory(): string {
  const directory = mkdtempSync(join(tmpdir(), 'dd-engines-'));
  temporaryDirectories.push(directory);
  return directory;
}

async function createTable(client: DynamoDBClient, table: string): Promise<void> {
  await client.send(
    new CreateTableCommand({
      TableName: table,
      BillingMode: 'PAY_PER_REQUEST',
      AttributeDefinitions: [{ AttributeName: 'pk', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'pk', KeyType: 'HASH' }],
    }),
  );
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM means it exists but belongs to someone else.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function waitUntil(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) return false;
    await delay(100);
  }
  return true;
}

/** Resolves with the child's exit code, or 'still running' after `timeoutMs`. */
function exitCodeWithin(child: ChildProcess, timeoutMs: number): Promise<number | null | 'still running'> {
  return new Promise((resolveExit) => {
    const timer = setTimeout(() => resolveExit('still running'), timeoutMs);
    child.once('exit', (code) => {
      clearTimeout(timer);
      resolveExit(code);
    });
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolveDelay) => setTimeout(resolveDelay, ms));
}
