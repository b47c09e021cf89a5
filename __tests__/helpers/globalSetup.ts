import type { EngineName, RunningEngine } from '../../lib/engines/RunningEngine';
import { engineNames, parseEngineName, startEngines } from '../../lib/testing/startEngines';

/** Environment variable through which workers learn each engine's endpoint. */
export const endpointVariables: Readonly<Record<EngineName, string>> = {
  'dynamodb-local': 'DD_TEST_DYNAMODB_LOCAL_ENDPOINT',
  dynalite: 'DD_TEST_DYNALITE_ENDPOINT',
};

/** Where the started engines wait for globalTeardown (jest runs both in the same context). */
export const runningEnginesKey = '__dynamodbDecoratorsTestEngines';

/**
 * Starts the selected engines once for the integration run, in parallel, and publishes their endpoints.
 * Users get one engine per run from dynamodb-decorators/testing/jest-global-setup; this suite runs
 * every file on both engines, through the same startEngines().
 * @throws EngineError when an engine cannot start (e.g. no Java for DynamoDB Local): a missing engine fails the run rather than being skipped.
 */
export default async function globalSetup(): Promise<void> {
  // The engines' clients are created here, in jest's main process, where the SDK would warn about Node 20.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  const started = await startEngines(selectedEngines(process.env['TEST_ENGINES']));
  for (const engine of started) process.env[endpointVariables[engine.engine]] = engine.endpoint;
  (globalThis as Record<string, unknown>)[runningEnginesKey] = started;
}

/**
 * Reads TEST_ENGINES (comma list of `dynalite`, `dynamodb-local`); every engine when unset or empty.
 * @throws EngineError on a name that is not an engine.
 */
export function selectedEngines(list: string | undefined): EngineName[] {
  const names = (list ?? '')
    .split(',')
    .filter((name) => name.trim())
    .map((name) => parseEngineName(name, 'TEST_ENGINES'));
  return names.length === 0 ? [...engineNames] : engineNames.filter((name) => names.includes(name));
}

/** The engines globalSetup started, for globalTeardown. */
export function takeRunningEngines(): RunningEngine[] {
  const store = globalThis as Record<string, unknown>;
  const engines = (store[runningEnginesKey] ?? []) as RunningEngine[];
  delete store[runningEnginesKey];
  return engines;
}
