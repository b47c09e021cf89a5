// Security (issue 5, part 5): credentials and secret values never appear in errors or logs, and
// no code path writes a value into an expression string.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { IsEmail } from 'class-validator';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { format, inspect } from 'node:util';
import 'reflect-metadata';
import {
  add,
  addToSet,
  append,
  Attribute,
  Categorical,
  ConditionFailedError,
  deleteFromSet,
  GlobalIndex,
  ifNotExists,
  not,
  or,
  PartitionKey,
  RecordExistsError,
  RecordNotFoundError,
  RecordValidationError,
  remove,
  removeIn,
  Repository,
  setIn,
  SortKey,
  Table,
  transaction,
  UpdatedAt,
  Version,
  where,
} from '../../lib';
import { toItem } from '../../lib/marshalling/codec';
import { keyOf } from '../helpers/keyOf';
import { buildCreateRecord } from '../../lib/requests/buildCreateRecord';
import { buildDeleteRecord } from '../../lib/requests/buildDeleteRecord';
import { buildTransaction } from '../../lib/requests/buildTransaction';
import { buildUpdateRecord } from '../../lib/requests/buildUpdateRecord';
import { compileSchema } from '../../lib/schema/compileSchema';
import { prepareActions } from '../../lib/transactions/prepareActions';
import { engines, uniqueTableName, type TestEngine } from '../helpers/engines';

// Distinctive fake credentials: any trace of them in an error or a log is a leak.
const ACCESS_KEY_ID = 'AKIAFAKESECRETKEY123';
const SECRET_ACCESS_KEY = 's3cr3t-VALUE-do-not-log';
const SESSION_TOKEN = 'FAKE-session-TOKEN-do-not-log';
const CREDENTIALS = [ACCESS_KEY_ID, SECRET_ACCESS_KEY, SESSION_TOKEN];
/** A secret a caller puts in a record (a password, a token): messages name attributes and types, never values. */
const SECRET_VALUE = 'hunter2-SECRET-VALUE-9f8e7d';

@Table({ name: 'secret-table' })
class SecretData {
  @PartitionKey() user_id!: string;
  @IsEmail() @Attribute() email!: string;
  @Categorical(['ADMIN', 'USER']) role!: string;
  @Attribute() pin!: number;
  @Attribute({ optional: true }) password?: string;
  @Attribute({ type: 'map', optional: true }) profile?: Record<string, unknown>;
  @Attribute({ type: 'stringSet', optional: true }) tokens?: Set<string>;
  @Attribute({ optional: true }) history?: string[];
  @Version() version!: number;
}

class Gadget {
  readonly secret = SECRET_VALUE;
}

const user = (user_id: string, changes: object = {}) =>
  ({ user_id, email: 'user@example.com', role: 'USER', pin: 1234, ...changes }) as never as SecretData;

function clientWithSecrets(
  endpoint: string,
  extra: ConstructorParameters<typeof DynamoDBClient>[0] = {},
): DynamoDBClient {
  return new DynamoDBClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET_ACCESS_KEY, sessionToken: SESSION_TOKEN },
    ...extra,
  });
}

/** Every way an error is commonly turned into text: what a logger or an error tracker would print. */
function renderings(error: unknown): Record<string, string> {
  const json = (() => {
    try {
      return JSON.stringify(error, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value)) ?? '';
    } catch (problem) {
      return `JSON.stringify failed: ${String(problem)}`;
    }
  })();
  // inspect follows `cause` chains and the SDK's own fields ($metadata...), as console.error(error) does
  return { string: String(error), stack: (error as Error)?.stack ?? '', json, inspect: inspect(error, { depth: 5 }) };
}

/** Every leak of `secrets` in the errors' renderings, as `call: rendering: secret`. */
function leaksIn(errors: ReadonlyMap<string, unknown>, secrets: readonly string[], render = renderings): string[] {
  return [...errors].flatMap(([name, error]) => leaks(render(error), secrets).map((leak) => `${name}: ${leak}`));
}

/** The renderings (and captured output) in which one of `secrets` appears, as `rendering: secret`. */
function leaks(texts: Record<string, string>, secrets: readonly string[]): string[] {
  return Object.entries(texts).flatMap(([where, text]) =>
    secrets.filter((secret) => text.includes(secret)).map((secret) => `${where}: ${secret}`),
  );
}

/** Captures console.* and process.stdout/stderr writes while `run` runs; nothing is printed. */
async function capturingOutput<T>(run: () => Promise<T>): Promise<{ result: T; output: string[] }> {
  const output: string[] = [];
  const spies = [
    ...(['log', 'warn', 'error', 'info', 'debug', 'trace'] as const).map((method) =>
      jest.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        output.push(`console.${method}: ${format(...args)}`);
      }),
    ),
    ...([process.stdout, process.stderr] as const).map((stream) =>
      jest.spyOn(stream, 'write').mockImplementation((chunk: unknown) => {
        output.push(`${stream === process.stdout ? 'stdout' : 'stderr'}: ${String(chunk)}`);
        return true;
      }),
    ),
  ];
  try {
    return { result: await run(), output };
  } finally {
    for (const spy of spies) spy.mockRestore();
  }
}

/** Runs each call and keeps what it threw, by name; a call that does not throw is a test failure. */
async function failures(calls: Record<string, () => Promise<unknown>>): Promise<Map<string, unknown>> {
  const errors = new Map<string, unknown>();
  for (const [name, call] of Object.entries(calls)) {
    // some calls throw synchronously (query, scan): a rejection either way
    const outcome = await Promise.resolve()
      .then(call)
      .then(
        () => undefined,
        (error: unknown) => error,
      );
    if (outcome === undefined) throw new Error(`${name}: expected a failure, and the call succeeded`);
    errors.set(name, outcome);
  }
  return errors;
}

/** Calls that fail validation with SECRET_VALUE in a bad attribute (or condition, id, option). */
function validationFailures(
  repo: Repository<SecretData>,
  client: DynamoDBClient,
): Record<string, () => Promise<unknown>> {
  return {
    'class-validator (@IsEmail)': () => repo.createRecord(user('v1', { email: SECRET_VALUE })),
    categorical: () => repo.createRecord(user('v1', { role: SECRET_VALUE })),
    'wrong type': () => repo.createRecord(user('v1', { pin: SECRET_VALUE })),
    'unknown attribute': () => repo.createRecord(user('v1', { api_key: SECRET_VALUE })),
    'mixed set': () => repo.createRecord(user('v1', { tokens: new Set([SECRET_VALUE, 1]) })),
    'class instance in a map': () =>
      repo.createRecord(user('v1', { profile: { token: SECRET_VALUE, gadget: new Gadget() } })),
    'bad number in a list': () => repo.createRecord(user('v1', { history: [SECRET_VALUE, NaN] })),
    'update value': () => repo.updateRecord('u1', { role: SECRET_VALUE }),
    'update action': () => repo.updateRecord('u1', { pin: add(SECRET_VALUE as never) }),
    'update set member': () => repo.updateRecord('u1', { tokens: addToSet(SECRET_VALUE, 5) }),
    'condition value': () => repo.deleteRecord('u1', { condition: where('pin').eq(SECRET_VALUE) }),
    'filter value': () => repo.query({ user_id: 'u1' }, { filter: where('pin').between(SECRET_VALUE, 3) }).page(),
    'query key value': () => repo.query({ user_id: 7 as never }, { filter: where('password').eq(7) }).page(),
    cursor: () => repo.scan().page({ cursor: SECRET_VALUE }),
    'extra id field': () => repo.getRecord({ user_id: 'u1', password: SECRET_VALUE }),
    'batch put': () => repo.batchWrite({ put: [user('v2', { role: SECRET_VALUE })] }),
    'transaction put': () =>
      transaction(client)
        .create(repo, user('v3', { pin: SECRET_VALUE }))
        .commit(),
  };
}

describe.each(engines)('security on $name', (engine: TestEngine) => {
  const client = clientWithSecrets(engine.endpoint);
  const repo = new Repository(SecretData, { client, tableName: uniqueTableName('secrets') });

  beforeAll(async () => {
    await repo.createTable();
    await repo.createRecord(user('u1', { password: SECRET_VALUE }));
  });

  afterAll(() => client.destroy());

  it('validation errors name the attribute and the type, never the value', async () => {
    const errors = await failures(validationFailures(repo, client));
    expect(errors.size).toBe(17);
    for (const [name, error] of errors) {
      expect({ name, error: (error as Error).name }).toEqual({ name, error: 'RecordValidationError' });
      const { issues, message } = error as RecordValidationError;
      for (const issue of issues) {
        expect(message).toContain(issue.attribute);
        expect(message).toContain(`(${issue.received})`);
      }
    }
    expect(leaksIn(errors, [SECRET_VALUE, ...CREDENTIALS])).toEqual([]);
  });

  it('errors of every kind, and everything printed meanwhile, hold no credential', async () => {
    const missingTable = new Repository(SecretData, { client, tableName: uniqueTableName('missing') });
    const unreachable = clientWithSecrets('http://127.0.0.1:9', { maxAttempts: 1 });
    const offline = new Repository(SecretData, { client: unreachable, tableName: 'offline' });
    const calls: Record<string, () => Promise<unknown>> = {
      ...validationFailures(repo, client),
      // RecordExistsError, RecordNotFoundError and ConditionFailedError name the key attributes;
      // the key values are in their `key` field, which inspect() shows (no secret here)
      'record exists': () => repo.createRecord(user('u1')),
      'record not found': () => repo.getRecord('nobody'),
      'update of a missing record': () => repo.updateRecord('nobody', { pin: 1 }),
      'stale version': () => repo.updateRecord('u1', { pin: 1 }, { expectedVersion: 99 }),
      'condition failed': () => repo.deleteRecord('u1', { condition: where('role').eq('ADMIN') }),
      // errors of the engine pass through unchanged
      'missing table': () => missingTable.getRecord('u1'),
      'item over 400 KB (engine ValidationException)': () =>
        repo.createRecord(user('big', { password: SECRET_VALUE.repeat(20_000) })),
      'transaction cancelled or unsupported': () => transaction(client).create(repo, user('u1')).commit(),
      'connection refused': () => offline.getRecord('u1'),
    };
    try {
      const { result: errors, output } = await capturingOutput(() => failures(calls));
      expect(errors.size).toBe(Object.keys(calls).length);
      expect(leaksIn(errors, CREDENTIALS)).toEqual([]);
      // util.inspect with showHidden goes further: into the SDK's non-enumerable `$response`,
      // whose socket holds the signed request, whose headers carry the access key id (in
      // Authorization) and the session token (X-Amz-Security-Token). That is the SDK's error,
      // kept as `cause` or passed through; the secret access key is never sent, so never there.
      expect(
        leaksIn(errors, [SECRET_ACCESS_KEY], (error) => ({
          inspectHidden: inspect(error, { depth: 8, showHidden: true }),
        })),
      ).toEqual([]);
      expect(leaks({ output: output.join('\n') }, [...CREDENTIALS, SECRET_VALUE])).toEqual([]);
      // the library logs nothing of its own
      expect(output).toEqual([]);
    } finally {
      unreachable.destroy();
    }
  });

  it('with the SDK logging every request (logger: console), no credential is logged', async () => {
    // the SDK's logger prints each command's input and output: record values appear there by the
    // caller's choice of logger (that is the SDK's behaviour, not ours); credentials must not
    const logging = clientWithSecrets(engine.endpoint, { logger: console });
    const logged = new Repository(SecretData, { client: logging, tableName: repo.tableName });
    try {
      const { output } = await capturingOutput(async () => {
        await logged.getRecord('u1');
        await logged.createRecord(user('u1')).catch((error: unknown) => error);
        await logged.updateRecord('u1', { pin: 99 });
        await new Repository(SecretData, { client: logging, tableName: uniqueTableName('missing') })
          .getRecord('u1')
          .catch((error: unknown) => error);
      });
      expect(output.length).toBeGreaterThan(0);
      expect(leaks({ output: output.join('\n') }, CREDENTIALS)).toEqual([]);
    } finally {
      logging.destroy();
    }
  });

  it("a colliding create (alone or in a transaction) does not carry the existing record's values, not even in its cause", async () => {
    // u1 is stored with a password; a caller whose create collides must not get it, nor log it
    // with console.error(error). Only the key is carried, in the error's `key` field.
    const errors = await failures({
      'record exists': () => repo.createRecord(user('u1', { password: 'mine' })),
      // dynalite has no transactions: there this is an UnsupportedCapabilityError, with nothing to carry
      'transaction cancelled': () =>
        transaction(client)
          .create(repo, user('u1', { password: 'mine' }))
          .commit(),
    });
    expect(errors.get('record exists')).toBeInstanceOf(RecordExistsError);
    expect((errors.get('transaction cancelled') as Error).name).toBe(
      engine.name === 'dynalite' ? 'UnsupportedCapabilityError' : 'TransactionCanceledError',
    );
    expect(leaksIn(errors, [SECRET_VALUE])).toEqual([]);
  });

  it('RecordNotFoundError, RecordExistsError and ConditionFailedError name the model and the key attribute, never the key', async () => {
    // a key may be an e-mail address, and messages go to logs: the values stay in `key` (and `item`)
    const taken = 'ada.lovelace@example.com';
    const absent = 'grace.hopper@example.com';
    await repo.createRecord(user(taken, { password: SECRET_VALUE }));
    const errors = await failures({
      'record not found': () => repo.getRecord(absent),
      'record exists': () => repo.createRecord(user(taken)),
      'condition failed': () => repo.deleteRecord(taken, { condition: where('role').eq('ADMIN') }),
    });
    expect(errors.get('record not found')).toBeInstanceOf(RecordNotFoundError);
    expect(errors.get('record not found')).toMatchObject({
      message: 'SecretData: no record with the given user_id.',
      key: { user_id: absent },
    });
    expect(errors.get('record exists')).toBeInstanceOf(RecordExistsError);
    expect(errors.get('record exists')).toMatchObject({
      message: 'SecretData: a record with the given user_id already exists.',
      key: { user_id: taken },
    });
    const failed = errors.get('condition failed') as ConditionFailedError;
    expect(failed).toBeInstanceOf(ConditionFailedError);
    expect(failed.message).toBe('SecretData: the condition on the write to the record with the given user_id failed.');
    expect(failed.key).toEqual({ user_id: taken });
    // `item` is the documented current record (the caller may read it); its values stay out of the message
    expect(failed.item).toMatchObject({ user_id: taken, password: SECRET_VALUE });
    const text = (error: unknown) => ({ string: String(error), stack: (error as Error).stack ?? '' });
    expect(leaksIn(errors, [taken, absent, SECRET_VALUE], text)).toEqual([]);
  });
});

// ---- no value ever enters an expression string ----

const VALUE_MARKER = 'VALUE_MARKER';
const NUMBER_MARKER = 987654321;
/** Any of these in an expression string means a name or value was written into it instead of a placeholder. */
const MARKERS = [VALUE_MARKER, 'NAME_MARKER', '98765432'];

@Table({ name: 'marker-table' })
class MarkerData {
  @PartitionKey() NAME_MARKER_pk!: string;
  @SortKey() NAME_MARKER_sk!: number;
  @Categorical(['VALUE_MARKER_A', 'VALUE_MARKER_B'])
  @GlobalIndex('byCategory', { sortKey: 'NAME_MARKER_sk' })
  'NAME_MARKER category'!: string;
  @Attribute() 'NAME_MARKER.dotted'!: string;
  @Attribute({ optional: true }) 'NAME_MARKER-count'?: number;
  @Attribute({ optional: true }) NAME_MARKER_big?: bigint;
  @Attribute({ optional: true }) NAME_MARKER_list?: unknown[];
  @Attribute({ type: 'map', optional: true }) NAME_MARKER_map?: Record<string, unknown>;
  @Attribute({ type: 'stringSet', optional: true }) NAME_MARKER_set?: Set<string>;
  @Attribute({ optional: true }) NAME_MARKER_note?: string;
  @Attribute({ optional: true }) NAME_MARKER_bytes?: Uint8Array;
  @Version() NAME_MARKER_version!: number;
  @UpdatedAt() NAME_MARKER_updated!: Date;
}

const EXPRESSION_FIELDS = [
  'ConditionExpression',
  'UpdateExpression',
  'KeyConditionExpression',
  'FilterExpression',
  'ProjectionExpression',
] as const;

/** Every expression string anywhere in a request input (transactions nest them per action). */
function expressionStrings(input: unknown): string[] {
  if (typeof input !== 'object' || input === null) return [];
  return Object.entries(input).flatMap(([key, value]) =>
    (EXPRESSION_FIELDS as readonly string[]).includes(key) && typeof value === 'string'
      ? [value]
      : expressionStrings(value),
  );
}

/** A condition touching every operator, every one with marker values. */
function markerCondition() {
  return where('NAME_MARKER category')
    .eq('VALUE_MARKER_A')
    .and(
      where('NAME_MARKER-count').between(NUMBER_MARKER, NUMBER_MARKER + 1),
      where('NAME_MARKER_note').beginsWith(`${VALUE_MARKER}_prefix`),
      where('NAME_MARKER_set').contains(`${VALUE_MARKER}_member`),
      where(['NAME_MARKER_map', 'NAME_MARKER_nested', 0]).eq(`${VALUE_MARKER}_nested`),
      or(
        where('NAME_MARKER.dotted').in([`${VALUE_MARKER}_1`, `${VALUE_MARKER}_2`]),
        not(where('NAME_MARKER_note').exists()),
      ),
      where('NAME_MARKER_list').size().gt(NUMBER_MARKER),
      where('NAME_MARKER_big').lt(98765432109876543210n),
      where('NAME_MARKER_bytes').eq(Buffer.from(VALUE_MARKER)),
      where('NAME_MARKER_note').type('S'),
    );
}

describe('no code path puts a value into an expression string', () => {
  const schema = compileSchema(MarkerData);
  const id = { NAME_MARKER_pk: `${VALUE_MARKER}_pk`, NAME_MARKER_sk: NUMBER_MARKER };
  const { key } = keyOf(schema, id);
  // never sends: only the request inputs are read
  const repo = new Repository(MarkerData, {
    client: new DynamoDBClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9' }),
    tableName: 'marker-table',
  });

  const inputs = async () => ({
    create: buildCreateRecord(
      schema,
      'marker-table',
      toItem(schema, {
        ...id,
        'NAME_MARKER category': 'VALUE_MARKER_A',
        'NAME_MARKER.dotted': `${VALUE_MARKER}_dotted`,
        NAME_MARKER_version: 1,
        NAME_MARKER_updated: new Date(),
      }),
      markerCondition(),
    ),
    update: buildUpdateRecord(
      schema,
      'marker-table',
      key,
      {
        'NAME_MARKER.dotted': `${VALUE_MARKER}_set`,
        'NAME_MARKER-count': add(NUMBER_MARKER),
        NAME_MARKER_big: ifNotExists(98765432109876543210n),
        NAME_MARKER_list: append([`${VALUE_MARKER}_appended`, NUMBER_MARKER]),
        NAME_MARKER_set: addToSet(`${VALUE_MARKER}_member`),
        NAME_MARKER_map: [setIn(['NAME_MARKER_a', 0], `${VALUE_MARKER}_in`), removeIn(['NAME_MARKER_b'])],
        NAME_MARKER_note: remove(),
      },
      { condition: markerCondition(), expectedVersion: NUMBER_MARKER, now: new Date() },
    ),
    updateSetDelete: buildUpdateRecord(
      schema,
      'marker-table',
      key,
      { NAME_MARKER_set: deleteFromSet(`${VALUE_MARKER}_gone`), NAME_MARKER_bytes: null },
      { now: new Date() },
    ),
    delete: buildDeleteRecord(schema, 'marker-table', key, {
      expectedVersion: NUMBER_MARKER,
      condition: markerCondition(),
    }),
    query: repo.query(
      { 'NAME_MARKER category': 'VALUE_MARKER_B' },
      {
        index: 'byCategory',
        sortKey: where('NAME_MARKER_sk').between(NUMBER_MARKER, NUMBER_MARKER + 5),
        filter: where('NAME_MARKER_note').eq(`${VALUE_MARKER}_f`),
        projection: ['NAME_MARKER_note', 'NAME_MARKER.dotted'],
      },
    ).input,
    queryTable: repo.query(
      { NAME_MARKER_pk: `${VALUE_MARKER}_pk` },
      { sortKey: where('NAME_MARKER_sk').ge(NUMBER_MARKER), filter: markerCondition() },
    ).input,
    scan: repo.scan({ filter: markerCondition(), projection: ['NAME_MARKER_map', 'NAME_MARKER_list'] }).input,
    transaction: buildTransaction(
      await prepareActions(
        [
          {
            kind: 'create',
            repository: repo,
            data: {
              ...id,
              NAME_MARKER_pk: `${VALUE_MARKER}_other`,
              'NAME_MARKER category': 'VALUE_MARKER_A',
              'NAME_MARKER.dotted': VALUE_MARKER,
            },
            options: { condition: markerCondition() },
          },
          {
            kind: 'update',
            repository: repo,
            id,
            changes: {
              NAME_MARKER_note: `${VALUE_MARKER}_t`,
              'NAME_MARKER-count': add(NUMBER_MARKER),
            },
            options: { expectedVersion: NUMBER_MARKER },
          },
          {
            kind: 'delete',
            repository: repo,
            id: { ...id, NAME_MARKER_sk: 1 },
            options: { expectedVersion: NUMBER_MARKER },
          },
          { kind: 'check', repository: repo, id: { ...id, NAME_MARKER_sk: 2 }, condition: markerCondition() },
        ],
        new Date(),
      ),
      { clientRequestToken: 'token-1' },
    ),
  });

  afterAll(() => repo.client.destroy());

  it('every expression of every builder holds placeholders only, the markers going to the attribute maps', async () => {
    const built = await inputs();
    for (const [name, input] of Object.entries(built)) {
      const expressions = expressionStrings(input);
      expect({ name, count: expressions.length > 0 }).toEqual({ name, count: true });
      const found = expressions.flatMap((expression) =>
        MARKERS.filter((marker) => expression.includes(marker)).map((marker) => `${marker} in ${expression}`),
      );
      expect({ name, found }).toEqual({ name, found: [] });
    }
    // the markers did go somewhere: into ExpressionAttributeNames / ExpressionAttributeValues
    const maps = JSON.stringify(built, (_key, value: unknown) => (typeof value === 'bigint' ? String(value) : value));
    for (const marker of MARKERS) expect(maps).toContain(marker);
    expect(JSON.stringify(built.update.ExpressionAttributeNames)).toContain('NAME_MARKER-count');
    expect(JSON.stringify(built.update.ExpressionAttributeValues)).toContain(`${VALUE_MARKER}_appended`);
  });
});

// ---- a grep of lib/: expressions are assembled from placeholders only ----
//
// A heuristic, deliberately simple: it reads every .ts file under lib/ and flags
//  1. a `...Expression` property or variable assigned (on one line) a template string whose
//     interpolation starts with a value-like identifier (`${value`, `${values`, `${item`,
//     `${change`, `${raw`, `${node.value`...): the way a value would be pasted into an expression;
//  2. in expressions/ and requests/ (where expression strings are built), an interpolation of a
//     value-carrying field of a condition or update node (`node.value`, `node.low`, `node.members`...)
//     or of a raw change, unless it maps each element through the placeholder function
//     (`node.values.map((each) => value(...))`);
//  3. a placeholder alias (`:v` / `#n`) minted anywhere but ExpressionContext.ts, the one place
//     that pairs every alias with its value or name.
// The dynamic test above is the proof; this only catches an obvious regression early.

const LIB = join(__dirname, '..', '..', 'lib');
const VALUE_LIKE = String.raw`(value|values|item|items|change|changes|raw|data|input|record|node\.(value|values|low|high|members))\b`;
const RULES: readonly { readonly name: string; readonly pattern: RegExp; readonly where: (file: string) => boolean }[] =
  [
    {
      name: 'an Expression assigned a template string interpolating a value',
      pattern: new RegExp(String.raw`\w*Expression\s*[:=][^;\n]*` + '`[^`]*' + String.raw`\$\{\s*` + VALUE_LIKE),
      where: () => true,
    },
    {
      name: 'a node value or raw change interpolated into an expression string',
      pattern: new RegExp(
        String.raw`\$\{\s*(node\.(value|values|low|high|members)|change|raw)\b(?!\.map\(\(\w+\) => value\()`,
      ),
      where: (file) => /^(expressions|requests)\//.test(file),
    },
    {
      name: 'a placeholder alias minted outside ExpressionContext',
      pattern: /[`'"](:v|#n)(\$\{|\d)/,
      where: (file) => file !== 'expressions/ExpressionContext.ts',
    },
  ];

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const path = join(directory, entry);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

/** The rule violations in one file's text, as `file:line: rule`. */
function violations(file: string, text: string): string[] {
  const comment = /^\s*(\/\/|\/\*|\*)/; // comments and TSDoc: their examples show aliases
  return text
    .split('\n')
    .flatMap((line, index) =>
      comment.test(line)
        ? []
        : RULES.filter((rule) => rule.where(file) && rule.pattern.test(line)).map(
            (rule) => `${file}:${index + 1}: ${rule.name}`,
          ),
    );
}

describe('lib/ builds expressions from placeholders only (grep)', () => {
  it('the heuristic flags the patterns it is meant to catch', () => {
    expect(violations('requests/bad.ts', 'const ConditionExpression = `${alias} = ${value}`;')).toHaveLength(1);
    expect(violations('requests/bad.ts', '  FilterExpression: `${context.name(a)} = ${values[0]}`,')).toHaveLength(1);
    expect(violations('expressions/bad.ts', 'return `${name} = ${node.value}`;')).toHaveLength(1);
    expect(violations('requests/bad.ts', 'const alias = `:v${count}`;')).toHaveLength(1);
    expect(
      violations(
        'expressions/ok.ts',
        "return `${operand} IN (${node.values.map((each) => value(path, each, role)).join(', ')})`;",
      ),
    ).toEqual([]);
    expect(violations('requests/ok.ts', "const KeyConditionExpression = keyConditions.join(' AND ');")).toEqual([]);
  });

  it('no file of lib/ matches it', () => {
    const files = sourceFiles(LIB);
    expect(files.length).toBeGreaterThan(50);
    const found = files.flatMap((path) =>
      violations(relative(LIB, path).split('\\').join('/'), readFileSync(path, 'utf8')),
    );
    expect(found).toEqual([]);
  });
});
