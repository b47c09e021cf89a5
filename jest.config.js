// Two projects: unit tests never touch an engine; integration tests run every file against
// each engine that __tests__/helpers/globalSetup.ts starts once for the whole run.
// eslint-disable-next-line @typescript-eslint/no-require-imports -- jest reads this file as CommonJS
const fs = require('node:fs');

// The SDK warns once per process that it will drop Node 20; the warning says nothing about our code.
process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
const swc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swc.$schema;

// Files named *.standard.test.ts (and fixtures named *.standard.ts) compile with TC39 standard
// decorators and no metadata, as TypeScript 5+ without experimentalDecorators, esbuild and Babel do;
// everything else with legacy decorators and design:type, as .swcrc says. Jest takes the first match.
const standard = {
  ...swc,
  jsc: {
    ...swc.jsc,
    transform: { decoratorVersion: '2022-03', useDefineForClassFields: true },
  },
};
const transform = {
  '\\.standard(\\.test)?\\.ts$': ['@swc/jest', { ...standard, swcrc: false }],
  '^.+\\.ts$': ['@swc/jest', { ...swc, swcrc: false }],
};
const moduleNameMapper = {
  '^dynamodb-decorators$': '<rootDir>/lib/index.ts',
  '^dynamodb-decorators/testing$': '<rootDir>/lib/testing/index.ts',
};

module.exports = {
  reporters: ['default', '<rootDir>/__tests__/helpers/summaryReporter.js'],
  // a global option: inside a project it is ignored. Engines answer in milliseconds; this only
  // bounds a test that would otherwise hang.
  testTimeout: 60000,
  projects: [
    {
      displayName: 'unit',
      testMatch: ['<rootDir>/__tests__/unit/**/*.test.ts'],
      transform,
      moduleNameMapper,
      testEnvironment: 'node',
    },
    {
      displayName: 'integration',
      testMatch: ['<rootDir>/__tests__/integration/**/*.test.ts'],
      transform,
      moduleNameMapper,
      testEnvironment: 'node',
      globalSetup: '<rootDir>/__tests__/helpers/globalSetup.ts',
      globalTeardown: '<rootDir>/__tests__/helpers/globalTeardown.ts',
    },
  ],
};
