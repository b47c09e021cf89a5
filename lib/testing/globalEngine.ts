import { EngineError } from '../engines/EngineError';
import type { RunningEngine } from '../engines/RunningEngine';
import { parseEngineName, startEngines } from './startEngines';

/** Picks the engine of the global set-ups: `dynamodb-local` (the default) or `dynalite`; the set-ups set it to the one started. */
export const TEST_ENGINE_VARIABLE = 'DYNAMODB_TEST_ENGINE';

/** Where the global set-ups hand the engine's endpoint (`http://127.0.0.1:<port>`) to the test workers. */
export const TEST_ENDPOINT_VARIABLE = 'DYNAMODB_TEST_ENDPOINT';

/** The engine of this run, shared by every project whose global set-up asked for it. */
interface GlobalEngine {
  readonly started: Promise<RunningEngine>;
  users: number;
  /** The variables as they were before the first set-up, restored by the last tear-down. */
  readonly previous: Readonly<Record<string, string | undefined>>;
}

// On globalThis rather than in this module: jest may load the set-up and tear-down modules apart.
const key = Symbol.for('dynamodb-decorators/testing:globalEngine');
const store = globalThis as { [key]?: GlobalEngine };

/**
 * Starts the engine that DYNAMODB_TEST_ENGINE names (DynamoDB Local by default) unless this process
 * runs one already, and publishes its endpoint in DYNAMODB_TEST_ENDPOINT, which workers inherit.
 * Each call must be matched by a {@link stopGlobalEngine}; the last one stops the engine.
 * @throws EngineError for an unknown DYNAMODB_TEST_ENGINE, or when the engine cannot start (e.g. no Java).
 */
export async function startGlobalEngine(): Promise<RunningEngine> {
  let held = store[key];
  if (!held) {
    const name = parseEngineName(process.env[TEST_ENGINE_VARIABLE] || 'dynamodb-local', TEST_ENGINE_VARIABLE);
    const previous = {
      [TEST_ENGINE_VARIABLE]: process.env[TEST_ENGINE_VARIABLE],
      [TEST_ENDPOINT_VARIABLE]: process.env[TEST_ENDPOINT_VARIABLE],
    };
    const started = startEngines([name]).then(([engine]) => engine!);
    held = store[key] = { started, users: 0, previous };
    void started.catch(() => delete store[key]);
  }
  held.users += 1;
  const engine = await held.started;
  process.env[TEST_ENGINE_VARIABLE] = engine.engine;
  process.env[TEST_ENDPOINT_VARIABLE] = engine.endpoint;
  return engine;
}

/** Stops the engine of {@link startGlobalEngine} once every set-up that started it has been torn down. */
export async function stopGlobalEngine(): Promise<void> {
  const held = store[key];
  if (!held) return;
  held.users -= 1;
  if (held.users > 0) return;
  delete store[key];
  for (const [name, value] of Object.entries(held.previous)) {
    if (value === undefined) delete process.env[name];
    else process.env[name] = value;
  }
  await (await held.started).stop();
}

/**
 * The endpoint that the global set-up handed over in DYNAMODB_TEST_ENDPOINT.
 * @throws EngineError saying how to set the global set-up up, when the variable is not set.
 */
export function testEndpoint(): string {
  const endpoint = process.env[TEST_ENDPOINT_VARIABLE];
  if (endpoint) return endpoint;
  throw new EngineError(
    `No test engine: ${TEST_ENDPOINT_VARIABLE} is not set. Start one for the run with ` +
      "globalSetup: 'dynamodb-decorators/testing/jest-global-setup' and " +
      "globalTeardown: 'dynamodb-decorators/testing/jest-global-teardown' in jest.config " +
      "(vitest: test.globalSetup: ['dynamodb-decorators/testing/vitest-global-setup']), " +
      'or pass { endpoint } or { client }.',
  );
}
