import pino from 'pino';
import {
  Repository,
  transaction,
  where,
  type RequestErrorEvent,
  type RequestEvent,
  type RequestHooks,
  type ResponseEvent,
} from '../../lib';
import { PhoneData, StatusQueryData } from '../fixtures/models';
import { engines, uniqueTableName } from '../helpers/engines';
import { faultyTransportClient } from '../helpers/transportFaults';

// What hooks and loggers see of real requests on each engine: the phonebook walk-through through
// pino, the documented fields of every hook event, and the capacity DynamoDB reports when asked.

/** Hooks that keep every event, in order. */
function recordingHooks(): {
  hooks: RequestHooks;
  events: (['request', RequestEvent] | ['response', ResponseEvent] | ['error', RequestErrorEvent])[];
} {
  const events: (['request', RequestEvent] | ['response', ResponseEvent] | ['error', RequestErrorEvent])[] = [];
  return {
    events,
    hooks: {
      onRequest: (event) => events.push(['request', event]),
      onResponse: (event) => events.push(['response', event]),
      onError: (event) => events.push(['error', event]),
    },
  };
}

/** A pino logger at `level` writing JSON lines into an array. */
function pinoInMemory(level: string): { logger: pino.Logger; lines: Record<string, unknown>[] } {
  const lines: Record<string, unknown>[] = [];
  const logger = pino({ level }, { write: (line: string) => lines.push(JSON.parse(line) as Record<string, unknown>) });
  return { logger, lines };
}

const PINO_LEVELS: Readonly<Record<number, string>> = { 20: 'debug', 30: 'info', 40: 'warn', 50: 'error' };

/** The phonebook walk-through of the README: create table, create, get, update, query, delete. */
async function phonebookWalkThrough(phones: Repository<PhoneData>): Promise<void> {
  await phones.createTable();
  await phones.createRecord({
    person_id: 7,
    name: 'Ada Lovelace',
    phone_number: '555-0100',
    relationship: 'FRIEND',
    timestamp: '2026-11-27T10:00:00Z',
  });
  await phones.getRecord(7);
  await phones.updateRecord(7, { phone_number: '555-0199' });
  for await (const person of phones.query({ person_id: 7 })) expect(person.name).toBe('Ada Lovelace');
  await phones.deleteRecord(7);
}

const VALUES = ['Ada Lovelace', '555-0100', '555-0199', 'FRIEND', '2026-11-27'];

/** A log line without what holds digits of its own (time, pid, duration), to look for values in the rest. */
function withoutFigures(line: Record<string, unknown>): string {
  const { time: _time, pid: _pid, durationMs: _duration, ...rest } = line;
  return JSON.stringify({ ...rest, msg: String(rest['msg']).replace(/[\d.]+ ms/g, '') });
}

describe.each(engines)('hooks and logging on $name', (engine) => {
  it('a pino logger receives one line per request of the phonebook walk-through, with no value at the default level', async () => {
    const { logger, lines } = pinoInMemory('debug');
    const tableName = uniqueTableName('logged');
    await phonebookWalkThrough(new Repository(PhoneData, { client: engine.client(), tableName, logger }));
    const seen = lines.map(
      (line) => `${PINO_LEVELS[line['level'] as number]} ${String(line['msg']).replace(/\d+\.\d ms/, '<ms>')}`,
    );
    // the waits for ACTIVE poll DescribeTable as often as the engine needs: repeated lines are shown once
    expect(seen.filter((line, index) => line !== seen[index - 1])).toEqual([
      `debug createTable: DescribeTable ${tableName}: ResourceNotFoundException after <ms>`,
      `info createTable: CreateTable ${tableName}: <ms>`,
      `debug createTable: DescribeTable ${tableName}: <ms>`,
      `debug createRecord: PutItem ${tableName}: <ms>`,
      `debug getRecord: GetItem ${tableName}: <ms>, 1 item`,
      `debug updateRecord: UpdateItem ${tableName}: <ms>`,
      `debug query: Query ${tableName}: <ms>, 1 item, 1 scanned`,
      `debug deleteRecord: DeleteItem ${tableName}: <ms>`,
    ]);
    const get = lines.find((line) => line['operation'] === 'GetItem');
    expect(get).toMatchObject({ call: 'getRecord', table: tableName, attempts: 1, retries: 0, count: 1 });
    for (const line of lines) {
      expect(line).not.toHaveProperty('keys');
      expect(line).not.toHaveProperty('request');
      for (const value of VALUES) expect(withoutFigures(line)).not.toContain(value);
    }
  });

  it("logValues 'keys' adds the keys, never the other values; 'all' adds the requests", async () => {
    const keys = pinoInMemory('debug');
    await phonebookWalkThrough(
      new Repository(PhoneData, {
        client: engine.client(),
        tableName: uniqueTableName('keys'),
        logger: keys.logger,
        logValues: 'keys',
      }),
    );
    const itemLines = keys.lines.filter(
      (line) => line['operation'] !== 'DescribeTable' && line['operation'] !== 'CreateTable',
    );
    expect(itemLines.map((line) => line['keys'])).toEqual(Array.from({ length: 5 }, () => [{ person_id: 7 }]));
    for (const line of keys.lines) for (const value of VALUES) expect(withoutFigures(line)).not.toContain(value);

    const all = pinoInMemory('debug');
    await phonebookWalkThrough(
      new Repository(PhoneData, {
        client: engine.client(),
        tableName: uniqueTableName('all'),
        logger: all.logger,
        logValues: 'all',
      }),
    );
    const put = all.lines.find((line) => line['operation'] === 'PutItem');
    expect(put?.['request']).toMatchObject({ Item: { name: { S: 'Ada Lovelace' }, phone_number: { S: '555-0100' } } });
  });

  it('hooks get the documented fields of every request: call, operation, table, index, duration, attempts, counts', async () => {
    const { hooks, events } = recordingHooks();
    const statuses = new Repository(StatusQueryData, {
      client: engine.client(),
      tableName: uniqueTableName('hooked'),
      hooks,
    });
    await statuses.createTable();
    events.length = 0;
    const record = (id: string, status: 'STARTED' | 'FAILED') => ({
      request_id: id,
      status,
      timestamp: `t-${id}`,
      name: id,
    });
    await statuses.createRecord(record('r1', 'STARTED'));
    await statuses.batchWrite({ put: [record('r2', 'FAILED'), record('r3', 'FAILED')] });
    await expect(statuses.getRecord('nobody')).rejects.toMatchObject({ name: 'RecordNotFoundError' });
    await statuses.query({ status: 'FAILED' }, { index: 'byStatus' }).page();
    await statuses.scan({ filter: where('status').eq('STARTED') }).page();
    await statuses.batchGet(['r1', 'r2', 'nobody']);
    await expect(statuses.createRecord(record('r1', 'STARTED'))).rejects.toMatchObject({ name: 'RecordExistsError' });

    const outcome = { durationMs: expect.any(Number), attempts: 1, retries: 0, retryDelayMs: 0 };
    const table = statuses.tableName;
    expect(events).toEqual([
      ['request', { call: 'createRecord', operation: 'PutItem', table }],
      ['response', { call: 'createRecord', operation: 'PutItem', table, ...outcome }],
      ['request', { call: 'batchWrite', operation: 'BatchWriteItem', table }],
      ['response', { call: 'batchWrite', operation: 'BatchWriteItem', table, ...outcome }],
      ['request', { call: 'getRecord', operation: 'GetItem', table }],
      ['response', { call: 'getRecord', operation: 'GetItem', table, ...outcome, count: 0 }],
      ['request', { call: 'query', operation: 'Query', table, index: 'byStatus' }],
      [
        'response',
        { call: 'query', operation: 'Query', table, index: 'byStatus', ...outcome, count: 2, scannedCount: 2 },
      ],
      ['request', { call: 'scan', operation: 'Scan', table }],
      ['response', { call: 'scan', operation: 'Scan', table, ...outcome, count: 1, scannedCount: 3 }],
      ['request', { call: 'batchGet', operation: 'BatchGetItem', table }],
      ['response', { call: 'batchGet', operation: 'BatchGetItem', table, ...outcome, count: 2 }],
      ['request', { call: 'createRecord', operation: 'PutItem', table }],
      [
        'error',
        {
          call: 'createRecord',
          operation: 'PutItem',
          table,
          ...outcome,
          error: expect.objectContaining({ name: 'ConditionalCheckFailedException' }),
        },
      ],
    ]);
    expect(events.every(([, event]) => !('durationMs' in event) || event.durationMs >= 0)).toBe(true);
  });

  it('returnConsumedCapacity asks DynamoDB for the capacity of every read and write, and hooks and logs report it', async () => {
    const { hooks, events } = recordingHooks();
    const { logger, lines } = pinoInMemory('debug');
    const tableName = uniqueTableName('capacity');
    const phones = new Repository(PhoneData, {
      client: engine.client(),
      tableName,
      hooks,
      logger,
      returnConsumedCapacity: 'TOTAL',
    });
    await phonebookWalkThrough(phones);
    await phones.batchWrite({
      put: [{ person_id: 8, name: 'Bea', phone_number: '1', relationship: 'FRIEND', timestamp: 't' }],
    });
    await phones.batchGet([8]);
    const responses = events.flatMap(([kind, event]) => (kind === 'response' ? [event] : []));
    const items = responses.filter((event) => !event.operation.endsWith('Table'));
    // the units are the engine's: 1 per write of an item under 1 KB, 0.5 per eventually consistent read under 4 KB
    expect(items.map((event) => [event.operation, event.consumedCapacity?.[0]?.CapacityUnits])).toEqual([
      ['PutItem', 1],
      ['GetItem', 0.5],
      ['UpdateItem', 1],
      ['Query', 0.5],
      ['DeleteItem', 1],
      ['BatchWriteItem', 1],
      ['BatchGetItem', 0.5],
    ]);
    for (const event of items) {
      expect({ operation: event.operation, consumedCapacity: event.consumedCapacity }).toEqual({
        operation: event.operation,
        consumedCapacity: [expect.objectContaining({ TableName: tableName, CapacityUnits: expect.any(Number) })],
      });
    }
    // table operations take no ReturnConsumedCapacity (DynamoDB refuses it): they report none
    expect(
      responses.filter((event) => event.operation.endsWith('Table')).every((event) => !event.consumedCapacity),
    ).toBe(true);
    expect(lines.find((line) => line['operation'] === 'GetItem')?.['msg']).toMatch(/, 1 item, [\d.]+ capacity units$/);

    // without the option, DynamoDB reports no capacity
    const plain = recordingHooks();
    await new Repository(PhoneData, { client: engine.client(), tableName, hooks: plain.hooks })
      .getRecord(7)
      .catch(() => undefined);
    const answered = plain.events.find(([kind]) => kind !== 'request')?.[1] as ResponseEvent | undefined;
    expect(answered).toMatchObject({ operation: 'GetItem', count: 0 });
    expect(answered?.consumedCapacity).toBeUndefined();
  });

  it("attempts and retries are the SDK's $metadata: a throttled request retried by the SDK is one event, and a warning", async () => {
    const tableName = uniqueTableName('retried');
    await new Repository(PhoneData, { client: engine.client(), tableName }).createTable();
    // the first two attempts of GetItem are answered with throttling at the transport; the SDK backs off and retries
    const faulty = faultyTransportClient(
      engine.endpoint,
      (operation, attempt) =>
        operation === 'GetItem' && attempt <= 2
          ? { statusCode: 400, type: 'ProvisionedThroughputExceededException', message: 'Injected throttling' }
          : undefined,
      3,
    );
    const { hooks, events } = recordingHooks();
    const { logger, lines } = pinoInMemory('debug');
    const phones = new Repository(PhoneData, { client: faulty.client, tableName, hooks, logger });
    await expect(phones.getRecord(1)).rejects.toMatchObject({ name: 'RecordNotFoundError' });
    expect(events.map(([kind]) => kind)).toEqual(['request', 'response']);
    const response = events[1]?.[1] as ResponseEvent;
    expect(response).toMatchObject({ operation: 'GetItem', attempts: 3, retries: 2, count: 0 });
    expect(response.retryDelayMs).toBeGreaterThan(0);
    expect(response.durationMs).toBeGreaterThanOrEqual(response.retryDelayMs);
    expect(lines.map((line) => [PINO_LEVELS[line['level'] as number], line['msg']])).toEqual([
      ['warn', expect.stringMatching(/^getRecord: GetItem \S+: [\d.]+ ms, 3 attempts, 0 items$/)],
    ]);
    faulty.client.destroy();
  });

  it('a set-up mistake reaches onError as the typed error, and the logger as a warning that says what to do', async () => {
    const { hooks, events } = recordingHooks();
    const { logger, lines } = pinoInMemory('info');
    const tableName = uniqueTableName('absent');
    const phones = new Repository(PhoneData, { client: engine.client(), tableName, hooks, logger });
    await expect(phones.getRecord(1)).rejects.toMatchObject({ name: 'TableNotFoundError' });
    expect(events[1]).toEqual([
      'error',
      expect.objectContaining({
        operation: 'GetItem',
        attempts: 1,
        error: expect.objectContaining({ name: 'TableNotFoundError' }),
      }),
    ]);
    expect(lines).toEqual([
      expect.objectContaining({
        level: 40,
        error: 'TableNotFoundError',
        msg: expect.stringMatching(
          new RegExp(
            `^getRecord: GetItem ${tableName}: TableNotFoundError after [\\d.]+ ms: Table ${tableName} does not exist .* call createTable\\(\\)`,
          ),
        ),
      }),
    ]);
  });

  it("transaction(client, options) reports its commit to its own hooks, naming every table (or the engine's refusal)", async () => {
    const { hooks, events } = recordingHooks();
    const first = new Repository(PhoneData, { client: engine.client(), tableName: uniqueTableName('tx_a') });
    const second = new Repository(PhoneData, { client: engine.client(), tableName: uniqueTableName('tx_b') });
    await Promise.all([first.createTable(), second.createTable()]);
    const ada = { person_id: 1, name: 'Ada', phone_number: '555', relationship: 'FRIEND', timestamp: 't' } as const;
    const commit = transaction(engine.client(), { hooks, returnConsumedCapacity: 'TOTAL' })
      .create(first, ada)
      .create(second, ada)
      .commit();
    const table = `${first.tableName},${second.tableName}`;
    if (engine.name === 'dynalite') {
      await expect(commit).rejects.toMatchObject({ name: 'UnsupportedCapabilityError' });
      expect(events.map(([kind, event]) => [kind, event.table, (event as RequestErrorEvent).error])).toEqual([
        ['request', table, undefined],
        ['error', table, expect.objectContaining({ name: 'UnknownOperationException' })],
      ]);
      return;
    }
    await commit;
    expect((events[1]?.[1] as ResponseEvent | undefined)?.consumedCapacity).toHaveLength(2);
    expect(events).toEqual([
      ['request', { call: 'commit', operation: 'TransactWriteItems', table }],
      [
        'response',
        expect.objectContaining({
          call: 'commit',
          operation: 'TransactWriteItems',
          table,
          // a transactional write costs two units; the engine lists the tables in an order of its own
          consumedCapacity: expect.arrayContaining([
            { TableName: first.tableName, CapacityUnits: 2 },
            { TableName: second.tableName, CapacityUnits: 2 },
          ]),
        }),
      ],
    ]);
  });
});
