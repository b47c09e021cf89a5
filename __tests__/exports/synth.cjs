/* eslint-disable @typescript-eslint/no-require-imports -- a CommonJS script, run by node */
// Synthesizes the CDK module `export --format cdk` wrote (compiled to CommonJS, path in argv[2]) in a
// stack, and prints the stack's CloudFormation template as JSON. Run by __tests__/integration/exports.test.ts.
const { App, Stack } = require('aws-cdk-lib');

const { ModelTables } = require(process.argv[2]);
const app = new App({ outdir: process.argv[3] });
const stack = new Stack(app, 'ExportCheck', { env: { account: '000000000000', region: 'us-east-1' } });
new ModelTables(stack, 'Tables');
process.stdout.write(JSON.stringify(app.synth().getStackByName('ExportCheck').template));
