import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createLocalClient } from '../engines/createLocalClient';
import { EngineError } from '../engines/EngineError';
import { RecordValidationError } from '../errors/RecordValidationError';
import type { ValidationIssue } from '../errors/ValidationIssue';
import { Repository } from '../repository/Repository';
import type { RepositoryOptions } from '../repository/options';
import type { ModelClass } from '../schema/CompiledSchema';
import { describeType, isPlainObject } from '../validation/checks';
import { optionIssues, optionOf } from '../validation/checkOptions';
import { deleteTable } from './deleteTable';
import { testEndpoint } from './globalEngine';
import { uniqueTableName } from './uniqueTableName';

/** A repository class whose constructor takes the repository's options, as `super(Model, options)` does. */
export type RepositoryClass<R extends Repository<object> = Repository<object>> = new (options: RepositoryOptions) => R;

/** What {@link testTables} makes a table for: a model class (with `@Table`) or a repository class. */
export type TableSource = ModelClass | RepositoryClass;

/** The repository {@link testTables} gives for a source: the repository class's own, or a `Repository<Model>`. */
export type RepositoryFor<S> = S extends abstract new (...args: never[]) => infer R
  ? R extends Repository<object>
    ? R
    : Repository<R & object>
  : never;

/** Options of {@link testTables} and {@link useTestTables}. */
export interface TestTablesOptions {
  /** The client to use (and leave open); by default one for `endpoint`, destroyed by `delete()`. */
  readonly client?: DynamoDBClient;
  /** The engine's endpoint; by default DYNAMODB_TEST_ENDPOINT, which the global set-ups set. */
  readonly endpoint?: string;
}

/** The tables of one test file, under names no other file uses. */
export interface TestTables<S extends Readonly<Record<string, TableSource>>> {
  /** One repository per source, under the same keys, each on its file's own table. */
  readonly repositories: { readonly [K in keyof S]: RepositoryFor<S[K]> };
  /** The client every repository uses. */
  readonly client: DynamoDBClient;
  /** The table name each model declares (`@Table`) → the name used in this file. Models of one table share it. */
  readonly tableNames: Readonly<Record<string, string>>;
  /** Creates every table (with its declared indexes and TTL) and resolves once all are ACTIVE. */
  create(): Promise<void>;
  /** Deletes every table, waits until they are gone, and destroys the client if it made it; a second call does nothing. */
  delete(): Promise<void>;
}

const HOOK_TIMEOUT_MS = 60_000;

/**
 * Prepares the tables of the given models or repository classes under names unique to this test file;
 * `create()` and `delete()` are for your own `beforeAll` / `afterAll` (or a vitest fixture). A repository
 * class is constructed twice: once with only the client, to read the table name it declares.
 * @throws RecordValidationError for sources that are not classes, or a bad option.
 * @throws RecordValidationError also for a repository class that does not pass its options on to `Repository`.
 * @throws SchemaError from a model's decorators; EngineError when no endpoint is known.
 * @example
 * const tables = testTables({ phones: PhoneRepository, statuses: StatusData });
 * beforeAll(() => tables.create());
 * afterAll(() => tables.delete());
 * it('stores a phone', async () => {
 *   await tables.repositories.phones.createRecord({ person_id: 1, ... });
 * });
 */
export function testTables<const S extends Readonly<Record<string, TableSource>>>(
  sources: S,
  options: TestTablesOptions = {},
): TestTables<S> {
  checkArguments(sources, options);
  const ownClient = options.client === undefined;
  const client = options.client ?? createLocalClient(options.endpoint ?? testEndpoint());
  const tableNames: Record<string, string> = {};
  const repositories: Record<string, Repository<object>> = {};
  for (const [key, source] of Object.entries(sources)) {
    const declared = construct(source, { client }).tableName;
    const tableName = (tableNames[declared] ??= uniqueTableName(declared));
    repositories[key] = checkConstructed(key, source, construct(source, { client, tableName }), { client, tableName });
  }
  let deleting: Promise<void> | undefined;
  return {
    repositories: Object.freeze(repositories) as TestTables<S>['repositories'],
    client,
    tableNames: Object.freeze(tableNames),
    async create() {
      // One after the other: models of one table then add to the table the first one created.
      for (const repository of Object.values(repositories)) await repository.createTable();
    },
    delete() {
      deleting ??= (async () => {
        try {
          await Promise.all(Object.values(tableNames).map((name) => deleteTable(client, name)));
        } finally {
          if (ownClient) client.destroy();
        }
      })();
      return deleting;
    },
  };
}

/**
 * {@link testTables}, with `create()` registered as `beforeAll` and `delete()` as `afterAll` of the
 * file (or of the `describe` it is called in). Needs the runner's globals: jest, or vitest with `globals: true`.
 * @throws EngineError when `beforeAll` / `afterAll` are not globals; what {@link testTables} throws.
 * @example
 * const { repositories } = useTestTables({ phones: PhoneRepository });
 * it('stores a phone', async () => {
 *   await repositories.phones.createRecord({ person_id: 1, ... });
 * });
 */
export function useTestTables<const S extends Readonly<Record<string, TableSource>>>(
  sources: S,
  options: TestTablesOptions = {},
): TestTables<S> {
  const { beforeAll, afterAll } = globalThis as { beforeAll?: unknown; afterAll?: unknown };
  if (typeof beforeAll !== 'function' || typeof afterAll !== 'function') {
    throw new EngineError(
      'useTestTables: beforeAll and afterAll are not globals here (vitest without globals: true?). ' +
        'Use testTables() and call create() and delete() from your own beforeAll and afterAll.',
    );
  }
  const tables = testTables(sources, options);
  // The timeout argument is the same in jest and vitest; their default (5 s / 10 s) is short for a
  // table with indexes on a busy machine.
  (beforeAll as Hook)(() => tables.create(), HOOK_TIMEOUT_MS);
  (afterAll as Hook)(() => tables.delete(), HOOK_TIMEOUT_MS);
  return tables;
}

type Hook = (fn: () => Promise<void>, timeoutMs: number) => void;

function construct(source: TableSource, options: RepositoryOptions): Repository<object> {
  return isRepositoryClass(source) ? new source(options) : new Repository(source, options);
}

function isRepositoryClass(source: TableSource): source is RepositoryClass {
  return source.prototype instanceof Repository;
}

function checkConstructed(
  key: string,
  source: TableSource,
  repository: Repository<object>,
  expected: RepositoryOptions,
): Repository<object> {
  // A repository class that drops its options would send the test's writes to the table its model names.
  if (repository.tableName === expected.tableName && repository.client === expected.client) return repository;
  throw new RecordValidationError('testTables', [
    {
      attribute: key,
      received: source.name,
      constraint: 'must pass its constructor options on to Repository, as in super(Model, options)',
    },
  ]);
}

function checkArguments(sources: unknown, options: unknown): void {
  const issues: ValidationIssue[] = [];
  if (!isPlainObject(sources) || Object.keys(sources).length === 0) {
    issues.push({
      attribute: '(sources)',
      received: describeType(sources),
      constraint: 'must be an object of model or repository classes, such as { phones: PhoneRepository }',
    });
  } else {
    for (const [key, source] of Object.entries(sources)) {
      if (typeof source !== 'function')
        issues.push({
          attribute: key,
          received: describeType(source),
          constraint: 'must be a model or repository class',
        });
    }
  }
  issues.push(
    ...optionIssues(
      options,
      {
        client: optionOf((value) => typeof (value as DynamoDBClient | null)?.send === 'function', 'a DynamoDBClient'),
        endpoint: optionOf((value) => typeof value === 'string' && /^https?:\/\/./.test(value), 'an http(s) URL'),
      },
      'testTables',
      'options.',
    ),
  );
  if (isPlainObject(options) && options['client'] !== undefined && options['endpoint'] !== undefined) {
    issues.push({ attribute: 'options.endpoint', received: 'string', constraint: 'must not be given with a client' });
  }
  if (issues.length > 0) throw new RecordValidationError('testTables', issues);
}
