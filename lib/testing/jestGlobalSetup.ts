import { startGlobalEngine } from './globalEngine';

/**
 * jest's `globalSetup`: starts one engine for the run (DynamoDB Local, or dynalite with
 * DYNAMODB_TEST_ENGINE=dynalite) and sets DYNAMODB_TEST_ENDPOINT, which every test worker inherits.
 * Pair it with `dynamodb-decorators/testing/jest-global-teardown`.
 * @throws EngineError when the engine cannot start, e.g. without Java (the message says how to use dynalite instead).
 * @example
 * // jest.config.js
 * module.exports = {
 *   globalSetup: 'dynamodb-decorators/testing/jest-global-setup',
 *   globalTeardown: 'dynamodb-decorators/testing/jest-global-teardown',
 * };
 */
async function jestGlobalSetup(): Promise<void> {
  await startGlobalEngine();
}

// `export =` (module.exports is the function): jest calls it whatever interop it applies.
export = jestGlobalSetup;
