import { startGlobalEngine, stopGlobalEngine } from './globalEngine';

/** What vitest passes to a global set-up (a TestProject, or vitest 1's context): only `provide` is used. */
interface ProvideTarget {
  provide(key: string, value: string): void;
}

/**
 * vitest's `globalSetup`: starts one engine for the run (DynamoDB Local, or dynalite with
 * DYNAMODB_TEST_ENGINE=dynalite), provides its endpoint and name to the tests
 * (`inject('dynamodbEndpoint')`, `inject('dynamodbEngine')`), sets DYNAMODB_TEST_ENDPOINT, and
 * returns the tear-down that stops it.
 * @throws EngineError when the engine cannot start, e.g. without Java (the message says how to use dynalite instead).
 * @example
 * // vitest.config.ts
 * export default defineConfig({ test: { globalSetup: ['dynamodb-decorators/testing/vitest-global-setup'] } });
 */
async function vitestGlobalSetup(project: ProvideTarget): Promise<() => Promise<void>> {
  const engine = await startGlobalEngine();
  project.provide('dynamodbEndpoint', engine.endpoint);
  project.provide('dynamodbEngine', engine.engine);
  return stopGlobalEngine;
}

// `export =` (module.exports is the function): vitest then finds a default export that is a function,
// where a CommonJS `exports.default` would reach it as an object under native import.
export = vitestGlobalSetup;
