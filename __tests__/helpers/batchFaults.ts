import type {
  BatchGetItemCommandInput,
  BatchGetItemCommandOutput,
  BatchWriteItemCommandInput,
  BatchWriteItemCommandOutput,
  DynamoDBClient,
} from '@aws-sdk/client-dynamodb';

// Fault injection, through SDK middleware only: the engines themselves never leave work
// unprocessed on such small tables, and cannot drop a connection on demand.

type Answer<Output> = { output: Output; response: unknown };

/**
 * For the first `times` calls of `command`, only the first half of the table's requests reaches
 * the engine; the other half is answered as unprocessed, as DynamoDB does under throttling.
 */
export function withholdHalf(
  client: DynamoDBClient,
  command: 'BatchWriteItemCommand' | 'BatchGetItemCommand',
  times: number,
): void {
  let remaining = times;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== command || remaining <= 0) return next(args);
      remaining -= 1;
      if (command === 'BatchWriteItemCommand') {
        const input = args.input as BatchWriteItemCommandInput;
        const [table, requests] = Object.entries(input.RequestItems ?? {})[0]!;
        const kept = Math.ceil(requests.length / 2);
        const result = (await next({
          ...args,
          input: { ...input, RequestItems: { [table]: requests.slice(0, kept) } },
        })) as Answer<BatchWriteItemCommandOutput>;
        const unprocessed = [...(result.output.UnprocessedItems?.[table] ?? []), ...requests.slice(kept)];
        return { ...result, output: { ...result.output, UnprocessedItems: { [table]: unprocessed } } };
      }
      const input = args.input as BatchGetItemCommandInput;
      const [table, { Keys: keys = [], ...rest }] = Object.entries(input.RequestItems ?? {})[0]!;
      const kept = Math.ceil(keys.length / 2);
      const result = (await next({
        ...args,
        input: { ...input, RequestItems: { [table]: { ...rest, Keys: keys.slice(0, kept) } } },
      })) as Answer<BatchGetItemCommandOutput>;
      const unprocessed = [...(result.output.UnprocessedKeys?.[table]?.Keys ?? []), ...keys.slice(kept)];
      return { ...result, output: { ...result.output, UnprocessedKeys: { [table]: { ...rest, Keys: unprocessed } } } };
    },
    { step: 'initialize', name: 'withholdHalf' },
  );
}

/** Every call of `command` is answered, without reaching the engine, with all of its work unprocessed. */
export function processNothing(client: DynamoDBClient, command: 'BatchWriteItemCommand' | 'BatchGetItemCommand'): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName !== command) return next(args);
      const { RequestItems: requestItems } = args.input as BatchWriteItemCommandInput & BatchGetItemCommandInput;
      const output =
        command === 'BatchWriteItemCommand'
          ? { UnprocessedItems: requestItems }
          : { Responses: {}, UnprocessedKeys: requestItems };
      return { output: { ...output, $metadata: {} }, response: {} };
    },
    { step: 'initialize', name: 'processNothing' },
  );
}

/** Calls of `command` whose request names `person_id` fail as a reset connection does, before reaching the engine. */
export function resetConnectionFor(
  client: DynamoDBClient,
  command: 'BatchWriteItemCommand' | 'BatchGetItemCommand',
  personId: number,
): void {
  client.middlewareStack.add(
    (next, context) => async (args) => {
      if (context.commandName === command && JSON.stringify(args.input).includes(`{"person_id":{"N":"${personId}"}`)) {
        throw Object.assign(new Error('socket hang up'), { name: 'TimeoutError', code: 'ECONNRESET' });
      }
      return next(args);
    },
    { step: 'initialize', name: 'resetConnection' },
  );
}
