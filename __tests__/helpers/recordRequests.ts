import { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** A client of its own for `endpoint` that records the name of every command sent through it. */
export function recordingClient(endpoint: string): { client: DynamoDBClient; sent: string[] } {
  const client = new DynamoDBClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const sent: string[] = [];
  client.middlewareStack.add(
    (next, context) => async (args) => {
      sent.push(String(context.commandName));
      return next(args);
    },
    { step: 'initialize', name: 'recordRequests' },
  );
  return { client, sent };
}

/**
 * A client whose commands named in `failures` fail with the given error before reaching the
 * engine: fault injection for what a local engine cannot produce (access denied, throttling).
 */
export function faultyClient(
  endpoint: string,
  failures: Readonly<Record<string, () => Error>>,
): { client: DynamoDBClient; sent: string[] } {
  const { client, sent } = recordingClient(endpoint);
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const fail = failures[String(context.commandName)];
      if (fail) throw fail();
      return next(args);
    },
    { step: 'initialize', name: 'injectFaults' },
  );
  return { client, sent };
}
