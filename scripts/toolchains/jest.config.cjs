// jest as a user sets it up: TypeScript through @swc/jest with decorator metadata (.swcrc), and the
// package's global set-up and tear-down, which start one engine (DYNAMODB_TEST_ENGINE) for the run.
const fs = require('node:fs');

const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));

module.exports = {
  testEnvironment: 'node',
  testMatch: ['<rootDir>/test/**/*.jest.test.ts'],
  transform: { '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }] },
  // the sources import each other as './x.js', as ESM-ready TypeScript does
  moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
  globalSetup: 'dynamodb-decorators/testing/jest-global-setup',
  globalTeardown: 'dynamodb-decorators/testing/jest-global-teardown',
};
