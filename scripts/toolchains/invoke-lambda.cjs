// Invokes a bundled Lambda handler as the Lambda runtime does (loads the one file, calls `handler`)
// on dynalite started here, and prints the lines it returns. The bundle must hold the library and
// reflect-metadata itself: it may load only Node's modules, the AWS SDK (which the runtime provides)
// and class-validator, which the library loads only once an app's models use its decorators (and
// which the bundler then includes, as the app imports it too).
const { builtinModules } = require('node:module');
const fs = require('node:fs');
const path = require('node:path');
const dynalite = require('dynalite');

const bundle = path.resolve(process.argv[2]);
const loaded = [...fs.readFileSync(bundle, 'utf8').matchAll(/\brequire\("([^"]+)"\)/g)].map((match) => match[1]);
const provided = (name) =>
  name.startsWith('@aws-sdk/') || name === 'class-validator' || builtinModules.includes(name.replace(/^node:/, ''));
const outside = loaded.filter((name) => !provided(name));
if (outside.length > 0) {
  console.log(
    `failed: the bundle loads ${[...new Set(outside)].join(', ')} from node_modules, which a Lambda function does not have`,
  );
  process.exit(1);
}

const server = dynalite({ createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
server.listen(0, '127.0.0.1', async () => {
  process.env.DYNAMODB_ENDPOINT = `http://127.0.0.1:${server.address().port}`;
  try {
    const { handler } = require(bundle);
    for (const line of await handler({}, {})) console.log(line);
  } catch (error) {
    console.log(`failed: ${error.name}: ${error.message}`);
    process.exitCode = 1;
  } finally {
    server.close();
  }
});
