import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { CliError } from './CliError';

/** Where diff and sync find the live tables. */
export interface ConnectionOptions {
  readonly endpoint?: string;
  readonly region?: string;
}

const LOOPBACK = /^(localhost|127(\.\d{1,3}){3}|\[::1\])$/;

/**
 * A client for `--endpoint` / `--region`, else the SDK's standard configuration (region and
 * credentials from the environment, as the library's own default client). A local engine on a
 * loopback address gets region us-east-1 and dummy credentials when the environment has none,
 * since DynamoDB Local and dynalite accept any.
 * @throws CliError for an endpoint that is not an http(s) URL.
 */
export function createClient({ endpoint, region }: ConnectionOptions): DynamoDBClient {
  if (endpoint === undefined) return new DynamoDBClient(region === undefined ? {} : { region });
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    throw new CliError(`--endpoint ${endpoint} is not a URL: give one such as http://localhost:8000.`);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw new CliError(`--endpoint ${endpoint} is not an http(s) URL: give one such as http://localhost:8000.`);
  }
  const local = LOOPBACK.test(url.hostname);
  const environment = process.env;
  const hasCredentials = environment['AWS_ACCESS_KEY_ID'] !== undefined || environment['AWS_PROFILE'] !== undefined;
  const hasRegion = environment['AWS_REGION'] !== undefined || environment['AWS_DEFAULT_REGION'] !== undefined;
  return new DynamoDBClient({
    endpoint,
    ...(region !== undefined ? { region } : local && !hasRegion && { region: 'us-east-1' }),
    ...(local && !hasCredentials && { credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }),
  });
}

/** Whether an error means the endpoint could not be reached at all (refused, unknown host, timed out). */
export function isUnreachable(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  const name = error instanceof Error ? error.name : '';
  return (
    ['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ETIMEDOUT', 'ECONNRESET', 'EHOSTUNREACH'].includes(String(code)) ||
    name === 'TimeoutError'
  );
}
