import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createLocalClient } from '../../lib/engines/createLocalClient';
import type { EngineName } from '../../lib/engines/RunningEngine';
import { endpointVariables } from './globalSetup';

export { uniqueTableName } from '../../lib/testing/uniqueTableName';

// The SDK warns once per process that it will drop Node 20; the warning says nothing about our code.
process.env['AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED'] ??= 'true';

/** An engine started by globalSetup, as a `describe.each` row: `describe.each(engines)('$name', ({ client }) => ...)`. */
export interface TestEngine {
  readonly name: EngineName;
  readonly endpoint: string;
  /** A client for this engine (dummy credentials), created on first use and shared within the test file. */
  client(): DynamoDBClient;
}

const clients = new Map<EngineName, DynamoDBClient>();

/** The engines of this run, from the endpoints globalSetup published (DynamoDB Local first). */
export const engines: readonly TestEngine[] = (Object.keys(endpointVariables) as EngineName[]).flatMap((name) => {
  const endpoint = process.env[endpointVariables[name]];
  return endpoint ? [{ name, endpoint, client: () => clientFor(name, endpoint) }] : [];
});

if (engines.length === 0) {
  throw new Error(
    'No test engine is running: run integration tests through jest --selectProjects integration, whose globalSetup starts them.',
  );
}

/** Destroys the clients this test file created; registered with afterAll below, callable earlier. */
export function destroyClients(): void {
  for (const client of clients.values()) client.destroy();
  clients.clear();
}

// Jest gives each test file its own module registry, so this runs once per file that imports us.
afterAll(destroyClients);

function clientFor(name: EngineName, endpoint: string): DynamoDBClient {
  let client = clients.get(name);
  if (!client) {
    client = createLocalClient(endpoint);
    clients.set(name, client);
  }
  return client;
}
