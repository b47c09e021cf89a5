import { EngineError } from '../engines/EngineError';
import type { EngineName, RunningEngine } from '../engines/RunningEngine';
import { startDynalite } from '../engines/startDynalite';
import { startDynamoDBLocal } from '../engines/startDynamoDBLocal';

/** The engines this package can start, DynamoDB Local (the most faithful, and the default) first. */
export const engineNames: readonly EngineName[] = Object.freeze(['dynamodb-local', 'dynalite']);

const starters: Readonly<Record<EngineName, () => Promise<RunningEngine>>> = {
  'dynamodb-local': () => startDynamoDBLocal(),
  dynalite: () => startDynalite(),
};

/**
 * Starts the named engines in parallel, each in memory on a free port, and resolves once all answer.
 * @throws EngineError of the first engine that could not start (e.g. no Java); the others are stopped first.
 * @example
 * const [local, lite] = await startEngines(['dynamodb-local', 'dynalite']);
 */
export async function startEngines(names: readonly EngineName[]): Promise<RunningEngine[]> {
  const results = await Promise.allSettled(names.map((name) => starters[name]()));
  const started = results.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const failure = results.find((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (failure) {
    await Promise.all(started.map((engine) => engine.stop()));
    throw failure.reason;
  }
  return started;
}

/**
 * Reads an engine name given in `source` (an environment variable, for the message).
 * @throws EngineError naming `source` and the engines there are.
 */
export function parseEngineName(value: string, source: string): EngineName {
  const name = value.trim();
  if ((engineNames as readonly string[]).includes(name)) return name as EngineName;
  throw new EngineError(`${source}: unknown engine ${JSON.stringify(value)}; use ${engineNames.join(' or ')}.`);
}
