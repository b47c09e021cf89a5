import {
  ConditionFailedError,
  EndpointUnreachableError,
  EntityMismatchError,
  MissingCredentialsError,
  MissingRegionError,
  OrmError,
  TableNotFoundError,
  RecordExistsError,
  RecordNotFoundError,
  RecordValidationError,
  SchemaError,
  StoredValueError,
  TransactionActionError,
  TransactionCanceledError,
  UnsupportedCapabilityError,
  WaitTimeoutError,
} from '../../../lib';
import { EngineError } from '../../../lib/testing';
import { describeKey } from '../../../lib/errors/describeKey';

const cause = new Error('engine said no');

describe('error classes', () => {
  it.each<[string, OrmError, Record<string, unknown>, string]>([
    [
      'SchemaError',
      new SchemaError('PhoneData', 'relationship', '@Categorical needs at least one value.'),
      { modelName: 'PhoneData', property: 'relationship', reason: '@Categorical needs at least one value.' },
      'PhoneData.relationship: @Categorical needs at least one value.',
    ],
    [
      'SchemaError',
      new SchemaError('PhoneData', undefined, 'no partition key.'),
      { modelName: 'PhoneData', property: undefined },
      'PhoneData: no partition key.',
    ],
    [
      'RecordValidationError',
      new RecordValidationError('PhoneData', [
        { attribute: 'relationship', received: 'string', constraint: 'must be one of PARENT, FRIEND' },
        { attribute: 'person_id', received: 'undefined', constraint: 'required' },
      ]),
      {
        modelName: 'PhoneData',
        issues: [
          { attribute: 'relationship', received: 'string', constraint: 'must be one of PARENT, FRIEND' },
          { attribute: 'person_id', received: 'undefined', constraint: 'required' },
        ],
      },
      'PhoneData: 2 invalid attributes: relationship (string) must be one of PARENT, FRIEND; person_id is required.',
    ],
    [
      'RecordNotFoundError',
      new RecordNotFoundError('EventData', { device_id: 'd1', at: 5 }, { cause }),
      { modelName: 'EventData', key: { device_id: 'd1', at: 5 }, cause },
      'EventData: no record with the given device_id and at.',
    ],
    [
      'EntityMismatchError',
      new EntityMismatchError('Order', { user_id: 'u1', order_id: 'o1' }, 'Order', 'User', '_entity'),
      { modelName: 'Order', key: { user_id: 'u1', order_id: 'o1' }, entity: 'Order', foundEntity: 'User' },
      "Order: the item with the given user_id and order_id is another entity's (its _entity is not Order).",
    ],
    [
      'EntityMismatchError',
      new EntityMismatchError('Order', { user_id: 'u1' }, 'Order', undefined, 'kind'),
      { modelName: 'Order', foundEntity: undefined, entityAttribute: 'kind' },
      'Order: the item with the given user_id has no kind.',
    ],
    [
      'RecordExistsError',
      new RecordExistsError('PhoneData', { person_id: 1 }),
      { modelName: 'PhoneData', key: { person_id: 1 } },
      'PhoneData: a record with the given person_id already exists.',
    ],
    [
      'ConditionFailedError',
      new ConditionFailedError('StatusData', { request_id: 'r1' }, { request_id: 'r1', status: 'FAILED' }, { cause }),
      { modelName: 'StatusData', key: { request_id: 'r1' }, item: { request_id: 'r1', status: 'FAILED' }, cause },
      'StatusData: the condition on the write to the record with the given request_id failed.',
    ],
    [
      'UnsupportedCapabilityError',
      new UnsupportedCapabilityError('transactions', 'dynalite has none.'),
      { capability: 'transactions', detail: 'dynalite has none.' },
      'This DynamoDB engine does not support transactions: dynalite has none.',
    ],
    [
      'WaitTimeoutError',
      new WaitTimeoutError('status-table', 'byStatus', 'CREATING', 5000),
      { tableName: 'status-table', indexName: 'byStatus', lastStatus: 'CREATING', timeoutMs: 5000 },
      'The index byStatus of table status-table was not ACTIVE after 5000 ms (last status: CREATING).',
    ],
    [
      'WaitTimeoutError',
      new WaitTimeoutError('status-table', undefined, undefined, 10),
      { tableName: 'status-table', indexName: undefined, lastStatus: undefined },
      'The table status-table was not ACTIVE after 10 ms (last status: absent).',
    ],
    [
      'TableNotFoundError',
      new TableNotFoundError(['phones'], 'us-east-1', 'http://127.0.0.1:8000', { cause }),
      { tableNames: ['phones'], region: 'us-east-1', endpoint: 'http://127.0.0.1:8000', cause },
      'Table phones does not exist in region us-east-1 at http://127.0.0.1:8000: call createTable() on its repository ' +
        "first, or check the tableName option and the client's region and endpoint.",
    ],
    [
      'EndpointUnreachableError',
      new EndpointUnreachableError('http://127.0.0.1:9', 'ECONNREFUSED', { cause }),
      { endpoint: 'http://127.0.0.1:9', code: 'ECONNREFUSED', cause },
      'Cannot reach DynamoDB at http://127.0.0.1:9 (ECONNREFUSED): nothing accepts connections there: start the ' +
        'engine, or give the DynamoDBClient the endpoint of one that runs.',
    ],
    [
      'MissingRegionError',
      new MissingRegionError({ cause }),
      { setting: 'region', environmentVariables: ['AWS_REGION'], cause },
      "No AWS region is configured: set the AWS_REGION environment variable, a region in your profile's ~/.aws/config, " +
        "or the region option of the DynamoDBClient (new DynamoDBClient({ region: 'eu-west-1' })); a local engine takes any region.",
    ],
    [
      'MissingCredentialsError',
      new MissingCredentialsError('Could not load credentials from any providers', { cause }),
      { setting: 'credentials', detail: 'Could not load credentials from any providers', cause },
      'No AWS credentials (the SDK\'s provider: "Could not load credentials from any providers"): set AWS_ACCESS_KEY_ID ' +
        'and AWS_SECRET_ACCESS_KEY (and AWS_SESSION_TOKEN for temporary ones), or AWS_PROFILE naming a profile of ' +
        '~/.aws/credentials or ~/.aws/config (aws configure, aws sso login), or the credentials option of the ' +
        'DynamoDBClient; a local engine takes any values.',
    ],
  ])('%s: instanceof OrmError and Error, named, with structured fields', (className, error, fields, message) => {
    expect(error).toBeInstanceOf(OrmError);
    expect(error).toBeInstanceOf(Error);
    expect(error.constructor.name).toBe(className);
    expect(error.name).toBe(className);
    expect(error).toMatchObject(fields);
    expect(error.message).toBe(message);
    expect(String(error)).toBe(`${className}: ${message}`);
    expect(error.stack).toContain(className);
  });

  it('is caught by its own class and not by a sibling', () => {
    const error: unknown = new RecordNotFoundError('PhoneData', { person_id: 1 });
    expect(error instanceof RecordNotFoundError).toBe(true);
    expect(error instanceof RecordExistsError).toBe(false);
    expect(error instanceof SchemaError).toBe(false);
  });

  it('freezes the issues of a RecordValidationError, copied from the caller', () => {
    const issues = [{ attribute: 'a', received: 'null', constraint: 'required' }];
    const error = new RecordValidationError('M', issues);
    issues.push({ attribute: 'b', received: 'null', constraint: 'required' });
    expect(error.issues).toHaveLength(1);
    expect(Object.isFrozen(error.issues)).toBe(true);
    expect(error.message).toBe('M: 1 invalid attribute: a is required.');
  });

  it('keeps a subclass name for a user subclass', () => {
    class TenantNotFoundError extends RecordNotFoundError {}
    expect(new TenantNotFoundError('M', {}).name).toBe('TenantNotFoundError');
  });

  // esbuild bundles `class RecordNotFoundError` as `var RecordNotFoundError2 = class ...`, and a minifier
  // renames it to a letter: error.name (what logs show and code compares) must not follow.
  it.each<[string, abstract new (...args: never[]) => OrmError, () => OrmError]>([
    ['OrmError', OrmError, () => new OrmError('m')],
    ['SchemaError', SchemaError, () => new SchemaError('M', undefined, 'r')],
    ['RecordValidationError', RecordValidationError, () => new RecordValidationError('M', [])],
    ['RecordNotFoundError', RecordNotFoundError, () => new RecordNotFoundError('M', {})],
    ['RecordExistsError', RecordExistsError, () => new RecordExistsError('M', {})],
    ['StoredValueError', StoredValueError, () => new StoredValueError('M', 'a', {}, { S: 'x' }, 'r')],
    ['ConditionFailedError', ConditionFailedError, () => new ConditionFailedError('M', {}, undefined)],
    ['UnsupportedCapabilityError', UnsupportedCapabilityError, () => new UnsupportedCapabilityError('ttl', 'd')],
    ['WaitTimeoutError', WaitTimeoutError, () => new WaitTimeoutError('t', undefined, undefined, 1)],
    ['TransactionCanceledError', TransactionCanceledError, () => new TransactionCanceledError([], 'd')],
    ['TransactionActionError', TransactionActionError, () => new TransactionActionError('M', {}, 'C', 'd')],
    ['EngineError', EngineError, () => new EngineError('m')],
  ])('%s keeps its name when a bundler renames the class', (className, errorClass, create) => {
    const renamed = `${className}2`;
    Object.defineProperty(errorClass, 'name', { value: renamed, configurable: true });
    try {
      expect(errorClass.name).toBe(renamed);
      const error = create();
      expect(error.name).toBe(className);
      expect(String(error)).toMatch(new RegExp(`^${className}: `));
    } finally {
      Object.defineProperty(errorClass, 'name', { value: className, configurable: true });
    }
  });
});

describe('describeKey', () => {
  it('names the key attributes, never their values', () => {
    expect(describeKey({ person_id: 1 })).toBe('person_id');
    expect(describeKey({ device_id: 'ada@example.com', at: 5 })).toBe('device_id and at');
    expect(describeKey({ a: 12345678901234567890n, b: new Uint8Array(3), c: new Date(0) })).toBe('a, b and c');
    expect(describeKey({})).toBe('key');
  });
});

describe('messages carry no key values: an e-mail address stays in `key` (and `item`)', () => {
  const email = 'ada.lovelace@example.com';
  const key = { user_id: email };
  const item = { user_id: email, email, timestamp: 't' };
  const notFound = new RecordNotFoundError('UserData', key, { cause });
  const exists = new RecordExistsError('UserData', key);
  const conditionFailed = new ConditionFailedError('UserData', key, item, { cause });
  const actionFailed = new TransactionActionError('UserData', key, 'TransactionConflict', 'Transaction is ongoing');
  const cancelled = new TransactionCanceledError(
    [
      { index: 0, action: 'create', modelName: 'UserData', key, code: 'ConditionalCheckFailed', error: exists },
      { index: 1, action: 'update', modelName: 'UserData', key: { user_id: 'x' }, code: 'None' },
      { index: 2, action: 'check', modelName: 'UserData', key, code: 'TransactionConflict', error: actionFailed },
    ],
    'Transaction cancelled, please refer cancellation reasons for specific reasons',
  );

  it.each<[string, OrmError, string]>([
    ['RecordNotFoundError', notFound, 'UserData: no record with the given user_id.'],
    ['RecordExistsError', exists, 'UserData: a record with the given user_id already exists.'],
    [
      'ConditionFailedError',
      conditionFailed,
      'UserData: the condition on the write to the record with the given user_id failed.',
    ],
    [
      'TransactionActionError',
      actionFailed,
      "UserData: the transaction's action on the record with the given user_id failed with TransactionConflict: Transaction is ongoing",
    ],
    [
      'TransactionCanceledError',
      cancelled,
      'Transaction cancelled: actions[0] (create UserData with the given user_id): RecordExistsError; ' +
        'actions[2] (check UserData with the given user_id): TransactionConflict (Transaction is ongoing).',
    ],
  ])('%s names the model and the key attribute only', (_className, error, message) => {
    expect(error.message).toBe(message);
    expect(error.message).not.toContain(email);
    expect(String(error)).not.toContain(email);
    expect(error.stack).not.toContain(email);
  });

  it('keeps the values in the structured fields', () => {
    for (const error of [notFound, exists, conditionFailed, actionFailed]) expect(error.key).toEqual(key);
    expect(conditionFailed.item).toEqual(item);
    expect(cancelled.reasons.map((reason) => reason.key)).toEqual([key, { user_id: 'x' }, key]);
  });

  it('RecordValidationError prints a repeated key by its attribute names; the issue keeps the values', () => {
    const error = new RecordValidationError('UserData', [
      {
        attribute: 'put[1]',
        received: 'key',
        constraint: 'has the same user_id as put[0] (one operation per key in a batch write)',
        key,
      },
    ]);
    expect(error.message).toBe(
      'UserData: 1 invalid attribute: put[1] (key) has the same user_id as put[0] (one operation per key in a batch write).',
    );
    expect(error.message).not.toContain(email);
    expect(error.issues[0]?.key).toEqual(key);
  });
});
