import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** Where a client sends its requests, as far as its configuration tells. */
export interface ClientLocation {
  readonly region: string | undefined;
  readonly endpoint: string | undefined;
}

/** The parts of a client's resolved configuration read here; each may be absent on some SDK release. */
interface LocatableConfig {
  readonly region?: () => Promise<string>;
  readonly endpoint?: () => Promise<{ protocol: string; hostname: string; port?: number; path?: string }>;
  readonly useFipsEndpoint?: () => Promise<boolean>;
  readonly useDualstackEndpoint?: () => Promise<boolean>;
  readonly endpointProvider?: (params: Record<string, unknown>) => { url: URL };
}

/**
 * The client's region and endpoint URL (its `endpoint` option, else the AWS endpoint its region
 * resolves to, asked of the SDK's own endpoint provider), for the message of a set-up error.
 * Never throws: what cannot be told is undefined.
 */
export async function locateClient(client: DynamoDBClient): Promise<ClientLocation> {
  const config = client.config as unknown as LocatableConfig;
  const region = await attempt(() => config.region?.());
  const endpoint = await attempt(async () => {
    const custom = await config.endpoint?.();
    if (custom) {
      const port = custom.port === undefined ? '' : `:${custom.port}`;
      const path = custom.path === undefined || custom.path === '/' ? '' : custom.path;
      return `${custom.protocol}//${custom.hostname}${port}${path}`;
    }
    if (region === undefined || config.endpointProvider === undefined) return undefined;
    const [UseFIPS, UseDualStack] = await Promise.all([config.useFipsEndpoint?.(), config.useDualstackEndpoint?.()]);
    return config.endpointProvider({ Region: region, UseFIPS, UseDualStack }).url.href.replace(/\/$/, '');
  });
  return { region, endpoint };
}

async function attempt<T>(read: () => Promise<T | undefined> | undefined): Promise<T | undefined> {
  try {
    return await read();
  } catch {
    return undefined; // a region that is missing, an endpoint provider that refuses: the message goes without
  }
}
