import { startDynalite } from '../../lib/engines/startDynalite';
import { startDynamoDBLocal } from '../../lib/engines/startDynamoDBLocal';
import type { EngineName, RunningEngine } from '../../lib/engines/RunningEngine';

/** Environment variable through which workers learn each engine's endpoint. */
export const endpointVariables: Readonly<Record<EngineName, string>> = {
  'dynamodb-local': 'DD_TEST_DYNAMODB_LOCAL_ENDPOINT',
  dynalite: 'DD_TEST_DYNALITE_ENDPOINT',
};

/** Where the started engines wait for globalTeardown (jest runs both in the same context). */
export const runningEnginesKey = '__dynamodbDecoratorsTestEngines';

const starters: Readonly<Record<EngineName, () => Promise<RunningEngine>>> = {
  'dynamodb-local': () => startDynamoDBLocal(),
  dynalite: () => startDynalite(),
};

/**
 * Starts the selected engines once for the integration run, in parallel, and publishes their endpoints.
 * @throws EngineError when an engine cannot start (e.g. no Java for DynamoDB Local): a missing engine fails the run rather than being skipped.
 */
export default async function globalSetup(): Promise<void> {
  // The engines' clients are created here, in jest's main process, where the SDK would warn about Node 20.
  process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';
  const names = selectedEngines(process.env['TEST_ENGINES']);
  const results = await Promise.allSettled(names.map((name) => starters[name]()));
  const started = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) {
    await Promise.all(started.map((engine) => engine.stop()));
    throw failure.reason;
  }
  for (const engine of started) process.env[endpointVariables[engine.engine]] = engine.endpoint;
  (globalThis as Record<string, unknown>)[runningEnginesKey] = started;
}

/**
 * Reads TEST_ENGINES (comma list of `dynalite`, `dynamodb-local`); every engine when unset or empty.
 * @throws Error on a name that is not an engine.
 */
export function selectedEngines(list: string | undefined): EngineName[] {
  const all = Object.keys(starters) as EngineName[];
  const names = (list ?? '')
    .split(',')
    .map((name) => name.trim())
    .filter(Boolean);
  if (names.length === 0) return all;
  for (const name of names) {
    if (!all.includes(name as EngineName))
      throw new Error(`TEST_ENGINES: unknown engine '${name}'; use ${all.join(', ')}.`);
  }
  return all.filter((name) => names.includes(name));
}
