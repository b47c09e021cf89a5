import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { RecordValidationError, Repository, transaction, type Logger, type RequestHooks } from '../../../lib';
import { Pipeline, type RequestTarget } from '../../../lib/pipeline/Pipeline';
import { captureSyncError } from '../captureError';
import { PhoneData } from '../../fixtures/models';

// The pipeline's own work, on a client that answers from a script: what it adds to a request, what it
// tells hooks and loggers, at which level, and with which values. What an engine answers is tested on
// engines (integration/observation.test.ts); here the answers are given.

interface Sent {
  readonly command: string;
  readonly input: Record<string, unknown>;
}

/** A client whose `send` records each command and answers with `answer(command)` (a rejection when it returns an Error). */
function scriptedClient(answer: (command: string) => object | Error = () => ({ $metadata: { attempts: 1 } })): {
  client: DynamoDBClient;
  sent: Sent[];
} {
  const sent: Sent[] = [];
  const client = {
    config: {},
    send: async (command: { constructor: { name: string }; input: Record<string, unknown> }) => {
      const name = command.constructor.name;
      sent.push({ command: name, input: command.input });
      const result = answer(name);
      if (result instanceof Error) throw result;
      return result;
    },
  } as unknown as DynamoDBClient;
  return { client, sent };
}

/** A logger that keeps every line as [level, fields, message]. */
function memoryLogger(): { logger: Logger; lines: [string, Record<string, unknown>, string][] } {
  const lines: [string, Record<string, unknown>, string][] = [];
  const method = (level: string) => (fields: Record<string, unknown>, message: string) => {
    lines.push([level, fields, message]);
  };
  return {
    logger: { debug: method('debug'), info: method('info'), warn: method('warn'), error: method('error') },
    lines,
  };
}

const getTarget: RequestTarget = { call: 'getRecord', table: 'phones', key: { person_id: 42 } };
const getInput = { TableName: 'phones', Key: { person_id: { N: '42' } }, ConsistentRead: false };
const item = { $metadata: { attempts: 1 }, Item: { person_id: { N: '42' }, name: { S: 'Ada Lovelace' } } };

describe('Pipeline: what it sends', () => {
  it('without hooks, logger or capacity, hands the input to the SDK as it is', async () => {
    const { client, sent } = scriptedClient(() => item);
    await expect(new Pipeline(client).send('GetItem', getInput, getTarget)).resolves.toBe(item);
    expect(sent).toEqual([{ command: 'GetItemCommand', input: getInput }]);
    expect(sent[0]?.input).toBe(getInput);
  });

  it('returnConsumedCapacity is added to the operations that take it, and only to those', async () => {
    const { client, sent } = scriptedClient();
    const pipeline = new Pipeline(client, { returnConsumedCapacity: 'INDEXES' });
    await pipeline.send('GetItem', getInput, getTarget);
    await pipeline.send('DescribeTable', { TableName: 'phones' }, { call: 'createTable', table: 'phones' });
    expect(sent.map(({ input }) => input['ReturnConsumedCapacity'])).toEqual(['INDEXES', undefined]);
    expect(getInput).not.toHaveProperty('ReturnConsumedCapacity'); // the caller's input is left alone
    sent.length = 0;
    await new Pipeline(client, { returnConsumedCapacity: 'NONE' }).send('GetItem', getInput, getTarget);
    expect(sent[0]?.input).toBe(getInput);
  });
});

describe('Pipeline: hooks', () => {
  it('calls onRequest before and onResponse after, with the documented fields', async () => {
    const order: string[] = [];
    const { client } = scriptedClient(() => {
      order.push('send');
      return { ...item, $metadata: { attempts: 3, totalRetryDelay: 120 }, ConsumedCapacity: { CapacityUnits: 0.5 } };
    });
    const onRequest = jest.fn(() => order.push('onRequest'));
    const onResponse = jest.fn(() => order.push('onResponse'));
    await new Pipeline(client, { hooks: { onRequest, onResponse } }).send('GetItem', getInput, getTarget);
    expect(order).toEqual(['onRequest', 'send', 'onResponse']);
    expect(onRequest).toHaveBeenCalledWith({ call: 'getRecord', operation: 'GetItem', table: 'phones' });
    expect(onResponse).toHaveBeenCalledWith({
      call: 'getRecord',
      operation: 'GetItem',
      table: 'phones',
      durationMs: expect.any(Number),
      attempts: 3,
      retries: 2,
      retryDelayMs: 120,
      consumedCapacity: [{ CapacityUnits: 0.5 }],
      count: 1,
    });
  });

  it('calls onError with the error the request ended with, and the call still rejects with it', async () => {
    const failure = Object.assign(new Error('Rate exceeded'), {
      name: 'ThrottlingException',
      $metadata: { attempts: 3, totalRetryDelay: 300 },
    });
    const { client } = scriptedClient(() => failure);
    const onError = jest.fn();
    const pipeline = new Pipeline(client, { hooks: { onError } });
    await expect(pipeline.send('GetItem', getInput, getTarget)).rejects.toBe(failure);
    expect(onError).toHaveBeenCalledWith(
      expect.objectContaining({ operation: 'GetItem', attempts: 3, retries: 2, retryDelayMs: 300, error: failure }),
    );
  });

  it("a hook that throws or rejects changes nothing of the call's outcome, and is reported", async () => {
    const { client } = scriptedClient(() => item);
    const { logger, lines } = memoryLogger();
    const hooks: RequestHooks = {
      onRequest: () => {
        throw new Error('metrics down');
      },
      onResponse: () => Promise.reject(new Error('later')),
    };
    await expect(new Pipeline(client, { hooks, logger }).send('GetItem', getInput, getTarget)).resolves.toBe(item);
    await new Promise((resolve) => setImmediate(resolve));
    expect(lines.filter(([level]) => level === 'error').map(([, , message]) => message)).toEqual([
      'getRecord: GetItem phones: a request hook threw: Error: metrics down',
      'getRecord: GetItem phones: a request hook threw: Error: later',
    ]);
    const warning = jest.spyOn(process, 'emitWarning').mockImplementation(() => undefined);
    try {
      await expect(new Pipeline(client, { hooks }).send('GetItem', getInput, getTarget)).resolves.toBe(item);
      await new Promise((resolve) => setImmediate(resolve));
      expect(warning.mock.calls.map(([message]) => message)).toEqual([
        'dynamodb-decorators: getRecord: GetItem phones: a request hook threw: Error: metrics down',
        'dynamodb-decorators: getRecord: GetItem phones: a request hook threw: Error: later',
      ]);
    } finally {
      warning.mockRestore();
    }
  });
});

describe('Pipeline: log lines', () => {
  const send = async (
    options: ConstructorParameters<typeof Pipeline>[1],
    answer: () => object | Error = () => item,
  ) => {
    const { client } = scriptedClient(answer);
    const { logger, lines } = memoryLogger();
    await new Pipeline(client, { ...options, logger }).send('GetItem', getInput, getTarget).catch(() => undefined);
    return lines;
  };

  it("logs one debug line per request, with no value at the default level 'none'", async () => {
    const lines = await send({});
    expect(lines).toEqual([
      [
        'debug',
        {
          call: 'getRecord',
          operation: 'GetItem',
          table: 'phones',
          durationMs: expect.any(Number),
          attempts: 1,
          retries: 0,
          retryDelayMs: 0,
          count: 1,
        },
        expect.stringMatching(/^getRecord: GetItem phones: \d+\.\d ms, 1 item$/),
      ],
    ]);
    // durations are digits too: the key value is looked for everywhere else
    const { durationMs: _duration, ...fields } = lines[0]![1];
    expect(JSON.stringify([fields, lines[0]![2].replace(/[\d.]+ ms/, '')])).not.toMatch(/42|Ada/);
  });

  it("logs the keys at 'keys', and the request too at 'all' (never the response)", async () => {
    const [keys] = await send({ logValues: 'keys' });
    expect(keys?.[1]).toMatchObject({ keys: [{ person_id: 42 }] });
    expect(keys?.[1]).not.toHaveProperty('request');
    const [all] = await send({ logValues: 'all' });
    expect(all?.[1]).toMatchObject({ keys: [{ person_id: 42 }], request: getInput });
    expect(JSON.stringify(all)).not.toContain('Ada');
  });

  it('warns of a request the SDK retried, and of a failure the call does not handle; a failed condition is debug', async () => {
    const retried = await send({}, () => ({ ...item, $metadata: { attempts: 2, totalRetryDelay: 40 } }));
    expect(retried.map(([level, , message]) => [level, message])).toEqual([
      ['warn', expect.stringMatching(/^getRecord: GetItem phones: \d+\.\d ms, 2 attempts, 1 item$/)],
    ]);
    const denied = await send({}, () =>
      Object.assign(new Error('not authorized: key secret-key-value'), { name: 'AccessDeniedException' }),
    );
    expect(denied).toEqual([
      [
        'warn',
        expect.objectContaining({ error: 'AccessDeniedException' }),
        expect.stringMatching(/AccessDeniedException after/),
      ],
    ]);
    expect(JSON.stringify(denied)).not.toContain('secret-key-value'); // an engine's message may quote a value: only its name is logged
    const condition = await send({}, () =>
      Object.assign(new Error('failed'), { name: 'ConditionalCheckFailedException' }),
    );
    expect(condition.map(([level]) => level)).toEqual(['debug']);
  });

  it('logs table changes at info', async () => {
    const { client } = scriptedClient();
    const { logger, lines } = memoryLogger();
    await new Pipeline(client, { logger }).send(
      'CreateTable',
      { TableName: 'phones' },
      { call: 'createTable', table: 'phones' },
    );
    expect(lines.map(([level, , message]) => [level, message])).toEqual([
      ['info', expect.stringMatching(/^createTable: CreateTable phones: \d+\.\d ms$/)],
    ]);
  });
});

describe('observation options are checked by the one options checker', () => {
  const client = scriptedClient().client;
  it.each<[string, object, string, RegExp]>([
    ['a hook that is not a function', { hooks: { onRequest: 1 } }, 'hooks.onRequest', /must be a function/],
    ['a misspelt hook', { hooks: { onReqest: () => undefined } }, 'hooks.onReqest', /did you mean onRequest\?/],
    ['hooks that are not an object', { hooks: 'yes' }, 'hooks', /must be an object of onRequest/],
    ['a logger lacking methods', { logger: { info: () => undefined } }, 'logger', /lacks debug, warn, error/],
    ['a bad logValues', { logValues: 'values' }, 'logValues', /must be one of "none", "keys", "all"/],
    ['a bad returnConsumedCapacity', { returnConsumedCapacity: 'total' }, 'returnConsumedCapacity', /"TOTAL"/],
  ])(
    '%s is a RecordValidationError naming it, from Repository and transaction() alike',
    (_case, options, attribute, constraint) => {
      for (const construct of [
        () => new Repository(PhoneData, { client, ...options }),
        () => transaction(client, options),
      ]) {
        const error = captureSyncError(construct);
        expect(error).toBeInstanceOf(RecordValidationError);
        expect((error as RecordValidationError).issues).toEqual([
          expect.objectContaining({ attribute, constraint: expect.stringMatching(constraint) }),
        ]);
      }
    },
  );

  it('an unknown option of transaction() stays a RecordValidationError', () => {
    const error = captureSyncError(() => transaction(client, { logValue: 'keys' } as never));
    expect(error).toBeInstanceOf(RecordValidationError);
    expect((error as RecordValidationError).issues[0]).toMatchObject({
      attribute: 'logValue',
      constraint: 'is not an option of transaction (did you mean logValues?)',
    });
  });

  it('takes console, a class instance with hooks on its prototype, and every level', () => {
    class Metrics {
      onResponse(): void {}
    }
    expect(() => new Repository(PhoneData, { client, logger: console, hooks: new Metrics() })).not.toThrow();
    for (const logValues of ['none', 'keys', 'all'] as const) {
      expect(() => transaction(client, { logger: console, logValues, returnConsumedCapacity: 'TOTAL' })).not.toThrow();
    }
  });
});
