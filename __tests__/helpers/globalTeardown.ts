import { takeRunningEngines } from './globalSetup';

/** Stops the engines that globalSetup started. */
export default async function globalTeardown(): Promise<void> {
  await Promise.all(takeRunningEngines().map((engine) => engine.stop()));
}
