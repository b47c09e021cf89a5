import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { RecordValidationError, Repository, SchemaError, type RepositoryOptions } from '../../../lib';
import { EngineError } from '../../../lib/engines/EngineError';
import { TEST_ENDPOINT_VARIABLE } from '../../../lib/testing/globalEngine';
import { testTables, useTestTables } from '../../../lib/testing/testTables';
import { PhoneData, StatusData } from '../../fixtures/models';
import { captureSyncError } from '../captureError';

// What testTables decides before any request: names, repositories, and the errors of bad input.
// An endpoint is given but never contacted (creating and deleting tables is in integration/testing.test.ts).

const endpoint = 'http://127.0.0.1:9';

class PhoneRepository extends Repository<PhoneData> {
  constructor(options?: RepositoryOptions) {
    super(PhoneData, options);
  }
}

class ForgetfulRepository extends Repository<PhoneData> {
  constructor(_options?: RepositoryOptions) {
    super(PhoneData);
  }
}

/** A second model of the phonebook's table (as in a single-table design). */
class PhoneNoteData extends PhoneData {}

const opened: { delete(): Promise<void> }[] = [];
afterEach(async () => {
  // nothing was created: delete() only has to destroy the client (a missing table counts as deleted)
  for (const tables of opened.splice(0)) await tables.delete().catch(() => undefined);
});

function open<S extends Parameters<typeof testTables>[0]>(sources: S, options = {}) {
  const tables = testTables(sources, { endpoint, ...options });
  opened.push(tables);
  return tables;
}

describe('testTables', () => {
  it('gives each source its repository, on a table named after the declared one and unique to this file', () => {
    const tables = open({ phones: PhoneRepository, statuses: StatusData });
    const { phones, statuses } = tables.repositories;

    expect(phones).toBeInstanceOf(PhoneRepository);
    expect(statuses).toBeInstanceOf(Repository);
    expect(statuses.schema.model).toBe(StatusData);
    expect(tables.tableNames).toEqual({
      'phonebook-table': expect.stringMatching(/^phonebook-table_\d+_\d+_[0-9a-f]{8}$/),
      'status-table': expect.stringMatching(/^status-table_\d+_\d+_[0-9a-f]{8}$/),
    });
    expect(phones.tableName).toBe(tables.tableNames['phonebook-table']);
    expect(statuses.tableName).toBe(tables.tableNames['status-table']);
    expect(phones.client).toBe(tables.client);
    expect(statuses.client).toBe(tables.client);
  });

  it('gives models of one table one table name, and new names on every call', () => {
    const first = open({ phones: PhoneData, notes: PhoneNoteData });
    const second = open({ phones: PhoneData });

    expect(first.repositories.notes.tableName).toBe(first.repositories.phones.tableName);
    expect(Object.keys(first.tableNames)).toEqual(['phonebook-table']);
    expect(second.repositories.phones.tableName).not.toBe(first.repositories.phones.tableName);
  });

  it('uses the client given, and DYNAMODB_TEST_ENDPOINT when given neither client nor endpoint', async () => {
    const client = new DynamoDBClient({ region: 'us-east-1', endpoint });
    try {
      expect(testTables({ phones: PhoneData }, { client }).client).toBe(client);
    } finally {
      client.destroy();
    }

    const previous = process.env[TEST_ENDPOINT_VARIABLE];
    process.env[TEST_ENDPOINT_VARIABLE] = 'http://127.0.0.1:8';
    try {
      const tables = open({ phones: PhoneData }, { endpoint: undefined });
      const configured = await tables.client.config.endpoint?.();
      expect(configured).toMatchObject({ hostname: '127.0.0.1', port: 8 });
    } finally {
      if (previous === undefined) delete process.env[TEST_ENDPOINT_VARIABLE];
      else process.env[TEST_ENDPOINT_VARIABLE] = previous;
    }
  });

  it('says how to set up the global set-up when no endpoint is known', () => {
    const previous = process.env[TEST_ENDPOINT_VARIABLE];
    delete process.env[TEST_ENDPOINT_VARIABLE];
    try {
      const error = captureSyncError(() => testTables({ phones: PhoneData }));
      expect(error).toBeInstanceOf(EngineError);
      expect((error as Error).message).toContain('DYNAMODB_TEST_ENDPOINT is not set');
      expect((error as Error).message).toContain("globalSetup: 'dynamodb-decorators/testing/jest-global-setup'");
      expect((error as Error).message).toContain('dynamodb-decorators/testing/vitest-global-setup');
    } finally {
      if (previous !== undefined) process.env[TEST_ENDPOINT_VARIABLE] = previous;
    }
  });

  it.each([
    ['no sources', () => testTables({}, { endpoint }), '(sources)', 'must be an object of model or repository classes'],
    ['sources as an array', () => testTables([PhoneData] as never, { endpoint }), '(sources)', 'must be an object'],
    [
      'a source that is no class',
      () => testTables({ phones: 'PhoneData' as never }, { endpoint }),
      'phones',
      'must be a model or repository class',
    ],
    [
      'a misspelt option',
      () => testTables({ phones: PhoneData }, { endpont: endpoint } as never),
      'options.endpont',
      'did you mean endpoint?',
    ],
    [
      'an endpoint that is no URL',
      () => testTables({ phones: PhoneData }, { endpoint: 'localhost:8000' }),
      'options.endpoint',
      'must be an http(s) URL',
    ],
    [
      'a client that is none',
      () => testTables({ phones: PhoneData }, { client: {} as never }),
      'options.client',
      'must be a DynamoDBClient',
    ],
    [
      'a repository class that drops its options',
      () => testTables({ phones: ForgetfulRepository }, { endpoint }),
      'phones',
      'must pass its constructor options on to Repository',
    ],
  ])('refuses %s with a RecordValidationError naming it', (_what, run, attribute, constraint) => {
    const error = captureSyncError(run);

    expect(error).toBeInstanceOf(RecordValidationError);
    expect((error as RecordValidationError).issues).toEqual([
      expect.objectContaining({ attribute, constraint: expect.stringContaining(constraint) }),
    ]);
  });

  it('refuses a client and an endpoint together', () => {
    const client = new DynamoDBClient({ region: 'us-east-1', endpoint });
    try {
      const error = captureSyncError(() => testTables({ phones: PhoneData }, { client, endpoint }));
      expect((error as RecordValidationError).issues).toEqual([
        expect.objectContaining({ attribute: 'options.endpoint', constraint: 'must not be given with a client' }),
      ]);
    } finally {
      client.destroy();
    }
  });

  it("lets a model's SchemaError through", () => {
    class NoTable {}
    expect(captureSyncError(() => testTables({ broken: NoTable }, { endpoint }))).toBeInstanceOf(SchemaError);
  });
});

describe('useTestTables', () => {
  it('registers create() as beforeAll and delete() as afterAll, with a timeout for slow engines', () => {
    const hooks: { name: string; timeout: unknown }[] = [];
    const record = (name: string) => (_fn: unknown, timeout: unknown) => hooks.push({ name, timeout });
    withGlobals({ beforeAll: record('beforeAll'), afterAll: record('afterAll') }, () =>
      opened.push(useTestTables({ phones: PhoneData }, { endpoint })),
    );

    expect(hooks).toEqual([
      { name: 'beforeAll', timeout: 60_000 },
      { name: 'afterAll', timeout: 60_000 },
    ]);
  });

  it('says what to do where beforeAll is no global (vitest without globals)', () => {
    const error = withGlobals({ beforeAll: undefined }, () =>
      captureSyncError(() => useTestTables({ phones: PhoneData }, { endpoint })),
    );

    expect(error).toBeInstanceOf(EngineError);
    expect((error as Error).message).toContain('Use testTables() and call create() and delete()');
  });
});

/** Runs `run` with some globals replaced (jest's own hooks among them), then puts them back. */
function withGlobals<T>(values: Record<string, unknown>, run: () => T): T {
  const store = globalThis as Record<string, unknown>;
  const saved = Object.fromEntries(Object.keys(values).map((name) => [name, store[name]]));
  Object.assign(store, values);
  try {
    return run();
  } finally {
    Object.assign(store, saved);
  }
}
