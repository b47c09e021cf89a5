import './quiet';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { EngineError, startDynalite, startDynamoDBLocal } from 'dynamodb-decorators/testing';

/** The DynamoDB an example talks to, and how to let go of it. */
export interface ExampleEngine {
  readonly client: DynamoDBClient;
  /** What to tell the reader: `DynamoDB Local (in memory)`, `dynalite (in-process)` or `<DYNAMODB_ENDPOINT> (DYNAMODB_ENDPOINT)`. */
  readonly engineName: string;
  /** Stops the engine the example started (or only closes the client of an external endpoint). */
  stop(): Promise<void>;
}

type Credentials = Awaited<ReturnType<DynamoDBClient['config']['credentials']>>;

const dummyCredentials: Credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/**
 * Picks the engine from the environment:
 * - `DYNAMODB_ENDPOINT=http://host:port`: any running DynamoDB-compatible endpoint;
 * - `DYNAMODB_ENGINE=dynalite`: dynalite inside this process (no Java needed);
 * - `DYNAMODB_ENGINE=dynamodb-local`, or nothing: DynamoDB Local in memory. When the variable is
 *   unset and there is no usable Java, it falls back to dynalite and says so in one line.
 * @throws EngineError when the chosen engine cannot start; Error for a bad variable.
 */
export async function startEngine(): Promise<ExampleEngine> {
  const endpoint = process.env['DYNAMODB_ENDPOINT'];
  if (endpoint) return connectToEndpoint(endpoint);
  const requested = process.env['DYNAMODB_ENGINE'];
  if (requested === 'dynalite') return startDynaliteEngine();
  if (requested !== undefined && requested !== '' && requested !== 'dynamodb-local') {
    throw new Error(`DYNAMODB_ENGINE must be dynamodb-local or dynalite, not ${JSON.stringify(requested)}.`);
  }
  try {
    const engine = await startDynamoDBLocal();
    return { client: engine.client, engineName: 'DynamoDB Local (in memory)', stop: () => engine.stop() };
  } catch (error) {
    // Asked for by name, DynamoDB Local is not silently replaced: the user gets its error instead.
    if (requested || !isJavaProblem(error)) throw error;
    console.log(
      error.message.includes('none was found')
        ? 'No Java runtime found: using dynalite (in-process) instead of DynamoDB Local.'
        : 'Java on PATH is too old for DynamoDB Local (it needs 17+): using dynalite (in-process) instead.',
    );
    return startDynaliteEngine();
  }
}

/** Prints an example's failure as one line, `Error: <name>: <message>`, without a stack trace, and makes the process exit with 1. */
export function reportFailure(error: unknown): void {
  const name = error instanceof Error ? error.name : 'Error';
  const message = error instanceof Error ? error.message : String(error);
  console.error(name === 'Error' ? `Error: ${message}` : `Error: ${name}: ${message}`);
  process.exitCode = 1;
}

async function startDynaliteEngine(): Promise<ExampleEngine> {
  const engine = await startDynalite();
  return { client: engine.client, engineName: 'dynalite (in-process)', stop: () => engine.stop() };
}

function isJavaProblem(error: unknown): error is EngineError {
  return error instanceof EngineError && error.engine === 'dynamodb-local' && /\bJava\b/.test(error.message);
}

function connectToEndpoint(endpoint: string): ExampleEngine {
  const url = parseUrl(endpoint);
  // `localhost:8000` parses as a URL of scheme `localhost:`, hence the protocol check.
  if (url?.protocol !== 'http:' && url?.protocol !== 'https:') {
    throw new Error(`DYNAMODB_ENDPOINT must be a URL such as http://localhost:8000, not ${JSON.stringify(endpoint)}.`);
  }
  const region = process.env['AWS_REGION'] || 'us-east-1';
  if (isAwsHost(url.hostname)) {
    // Real DynamoDB: the SDK's own credential chain, and its own error when nothing is configured.
    const client = new DynamoDBClient({ region, endpoint });
    return { client, engineName: `${endpoint} (DYNAMODB_ENDPOINT)`, stop: () => Promise.resolve(client.destroy()) };
  }
  // A local engine accepts any key, so a machine without AWS credentials can still use it. The
  // chain comes first because DynamoDB Local without -sharedDb keeps one database per access key.
  const chain = new DynamoDBClient({ region }); // sends nothing: only its credential chain is used
  let chainFound = true;
  const client = new DynamoDBClient({
    region,
    endpoint,
    credentials: async (): Promise<Credentials> => {
      if (chainFound) {
        try {
          return await chain.config.credentials();
        } catch {
          chainFound = false;
        }
      }
      return dummyCredentials;
    },
  });
  return {
    client,
    engineName: `${endpoint} (DYNAMODB_ENDPOINT)`,
    stop: () => {
      client.destroy();
      chain.destroy();
      return Promise.resolve();
    },
  };
}

function parseUrl(text: string): URL | undefined {
  try {
    return new URL(text);
  } catch {
    return undefined;
  }
}

function isAwsHost(hostname: string): boolean {
  return /(^|\.)(amazonaws\.com|amazonaws\.com\.cn|api\.aws)$/i.test(hostname);
}
