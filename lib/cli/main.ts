#!/usr/bin/env node
// The `dynamodb-decorators` command (package.json "bin"). The main entry never loads it.
import { run } from './program';

process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

void run(process.argv.slice(2)).then((code) => {
  process.exitCode = code;
});
