// vitest as a user sets it up: the package's global set-up starts one engine (DYNAMODB_TEST_ENGINE)
// for the run and provides its endpoint.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.vitest.test.ts'],
    globalSetup: ['dynamodb-decorators/testing/vitest-global-setup'],
  },
});
