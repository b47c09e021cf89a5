/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS preload script, loaded by node -r */
// Runs the examples straight from their TypeScript, with no build: `node -r ./examples/register.js examples/phonebook.ts`.
// Each .ts file is compiled by swc when it is first required, with the settings jest uses (.swcrc: legacy
// decorators and their type metadata, which the examples' inferred attribute types need), and the package's
// own names resolve to lib/, since the examples import it as a user would. Type-checking is `npm run typecheck`.
// The tests' child processes (__tests__/helpers/childProcesses.ts) run with it too.
const fs = require('node:fs');
const Module = require('node:module');
const path = require('node:path');
const swc = require('@swc/core');

const root = path.resolve(__dirname, '..');
const { $schema: _schema, ...swcOptions } = JSON.parse(fs.readFileSync(path.join(root, '.swcrc'), 'utf8'));
const packageEntries = {
  'dynamodb-decorators': path.join(root, 'lib/index.ts'),
  'dynamodb-decorators/testing': path.join(root, 'lib/testing/index.ts'),
};

const resolveFilename = Module._resolveFilename;
Module._resolveFilename = function (request, ...rest) {
  return resolveFilename.call(
    this,
    Object.hasOwn(packageEntries, request) ? packageEntries[request] : request,
    ...rest,
  );
};

require.extensions['.ts'] = (module, filename) => {
  const source = fs.readFileSync(filename, 'utf8');
  const { code } = swc.transformSync(source, { ...swcOptions, filename, swcrc: false });
  module._compile(code, filename);
};
