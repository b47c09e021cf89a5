import { stopGlobalEngine } from './globalEngine';

/**
 * jest's `globalTeardown`: stops the engine that `dynamodb-decorators/testing/jest-global-setup`
 * started, and resolves once it no longer listens.
 * @throws EngineError when the engine does not stop cleanly.
 */
async function jestGlobalTeardown(): Promise<void> {
  await stopGlobalEngine();
}

export = jestGlobalTeardown;
