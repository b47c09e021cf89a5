import type { RunningEngine } from '../../lib/engines/RunningEngine';
import { runningEnginesKey } from './globalSetup';

/** Stops the engines that globalSetup started. */
export default async function globalTeardown(): Promise<void> {
  const store = globalThis as Record<string, unknown>;
  const engines = (store[runningEnginesKey] ?? []) as RunningEngine[];
  delete store[runningEnginesKey];
  await Promise.all(engines.map((engine) => engine.stop()));
}
