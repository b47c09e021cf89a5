import { DynamoDBClient, TransactionCanceledException, type CancellationReason } from '@aws-sdk/client-dynamodb';
import {
  ConditionFailedError,
  OrmError,
  RecordExistsError,
  RecordNotFoundError,
  Repository,
  TransactionActionError,
  TransactionCanceledError,
  where,
} from '../../../lib';
import { Pipeline } from '../../../lib/pipeline/Pipeline';
import { prepareActions, type PreparedAction } from '../../../lib/transactions/prepareActions';
import {
  isTransactionCanceled,
  reasonFor,
  translateCancellation,
} from '../../../lib/transactions/translateCancellation';
import { PhoneData, UserData } from '../../fixtures/models';

const offline = new DynamoDBClient({
  region: 'us-east-1',
  endpoint: 'http://127.0.0.1:9',
  credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
});
afterAll(() => offline.destroy());
const phones = new Repository(PhoneData, { client: offline, tableName: 'phones' });
const users = new Repository(UserData, { client: offline, tableName: 'users' });
const ada = { person_id: 1, name: 'Ada', phone_number: '555', relationship: 'FRIEND', timestamp: 't' } as const;
const adaItem = {
  person_id: { N: '1' },
  name: { S: 'Ada' },
  phone_number: { S: '555' },
  relationship: { S: 'FRIEND' },
  timestamp: { S: 't' },
};

let actions: PreparedAction[];
beforeAll(async () => {
  actions = await prepareActions(
    [
      { kind: 'create', repository: phones, data: ada, options: undefined },
      { kind: 'update', repository: users, id: 'u1', changes: { email: 'a@b.co' }, options: undefined },
      { kind: 'delete', repository: phones, id: 2, options: { condition: where('name').eq('Bob') } },
      { kind: 'check', repository: users, id: 'u2', condition: where('email').exists() },
      {
        kind: 'create',
        repository: phones,
        data: { ...ada, person_id: 3 },
        options: { condition: where('name').exists() },
      },
    ],
    new Date(),
  );
});

const action = (index: number): PreparedAction => actions[index]!;
const sdkError = (reasons?: CancellationReason[]) =>
  new TransactionCanceledException({
    message: 'Transaction cancelled, please refer cancellation reasons for specific reasons',
    $metadata: {},
    CancellationReasons: reasons,
  });
const failed = (Item?: CancellationReason['Item']): CancellationReason => ({
  Code: 'ConditionalCheckFailed',
  Message: 'The conditional request failed',
  ...(Item && { Item }),
});

/** A client whose GetItem answers from `found` (by table), recording each read. */
function readingClient(found: Record<string, CancellationReason['Item'] | undefined>): {
  client: DynamoDBClient;
  reads: string[];
} {
  const reads: string[] = [];
  const send = async (command: { input: { TableName?: string } }) => {
    const table = command.input.TableName ?? '';
    reads.push(table);
    return { Item: found[table] };
  };
  return { client: { send } as unknown as DynamoDBClient, reads };
}

describe('reasonFor', () => {
  it.each([
    ['put, item returned', 0, adaItem, RecordExistsError],
    ['put, nothing returned (existence only)', 0, undefined, RecordExistsError],
    ['update, nothing returned (existence only)', 1, undefined, RecordNotFoundError],
    ['delete with a condition, item returned', 2, adaItem, ConditionFailedError],
    ['check, item returned', 3, { user_id: { S: 'u2' } }, ConditionFailedError],
  ] as const)('a failed condition on a %s → %p', (_label, index, item, ErrorClass) => {
    const cause = sdkError();
    const current = item ? {} : undefined;
    const reason = reasonFor(action(index), failed(item), current, cause);
    expect(reason.error).toBeInstanceOf(ErrorClass);
    expect(reason.error).toBeInstanceOf(OrmError);
    expect(reason).toMatchObject({
      index,
      action: action(index).action,
      code: 'ConditionalCheckFailed',
      modelName: action(index).modelName,
      key: action(index).keyValues,
    });
    expect((reason.error?.cause as Error).name).toBe('ConditionalCheckFailedException');
    expect((reason.error?.cause as Error).cause).toBe(cause);
  });

  it('a checked action whose record is known absent: RecordNotFoundError, or ConditionFailedError for a put', () => {
    expect(reasonFor(action(2), failed(), null, sdkError()).error).toBeInstanceOf(RecordNotFoundError);
    expect(reasonFor(action(3), failed(), null, sdkError()).error).toBeInstanceOf(RecordNotFoundError);
    expect(reasonFor(action(4), failed(), null, sdkError()).error).toBeInstanceOf(ConditionFailedError);
  });

  it("no error for 'None'; a TransactionActionError carrying any other code", () => {
    expect(reasonFor(action(0), { Code: 'None' }, undefined, sdkError())).toEqual({
      index: 0,
      action: 'create',
      modelName: 'PhoneData',
      key: { person_id: 1 },
      code: 'None',
    });
    const conflict = reasonFor(
      action(1),
      { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' },
      undefined,
      sdkError(),
    );
    expect(conflict.error).toBeInstanceOf(TransactionActionError);
    expect(conflict.error).toMatchObject({
      code: 'TransactionConflict',
      detail: 'Transaction is ongoing for the item',
      modelName: 'UserData',
      key: { user_id: 'u1' },
    });
  });
});

describe('translateCancellation', () => {
  it('types each failure from the returned items, reads nothing, and names the failures in the message', async () => {
    const { client, reads } = readingClient({});
    const cause = sdkError([
      failed(adaItem),
      { Code: 'None' },
      { Code: 'None' },
      failed({ user_id: { S: 'u2' }, email: { S: 'x@y.z' } }),
      { Code: 'None' },
    ]);
    const error = await translateCancellation(new Pipeline(client), actions, cause);
    expect(reads).toEqual([]);
    expect(error).toBeInstanceOf(TransactionCanceledError);
    expect(error.cause).toBe(cause);
    expect(error.reasons.map((reason) => reason.error?.name)).toEqual([
      'RecordExistsError',
      undefined,
      undefined,
      'ConditionFailedError',
      undefined,
    ]);
    expect((error.reasons[3]?.error as ConditionFailedError).item).toBeInstanceOf(UserData);
    expect(error.failures.map((reason) => reason.index)).toEqual([0, 3]);
    expect(error.message).toBe(
      'Transaction cancelled: actions[0] (create PhoneData with the given person_id): RecordExistsError; actions[3] (check UserData with the given user_id): ConditionFailedError.',
    );
  });

  it('reads a checked action’s record when the engine returned none, to tell absent from not matching', async () => {
    const { client, reads } = readingClient({ phones: { ...adaItem, person_id: { N: '2' } } });
    const error = await translateCancellation(
      new Pipeline(client),
      actions,
      sdkError([{ Code: 'None' }, failed(), failed(), failed(), { Code: 'None' }]),
    );
    expect(reads.sort()).toEqual(['phones', 'users']); // the update checks existence only: no read
    expect(error.reasons.map((reason) => reason.error?.name)).toEqual([
      undefined,
      'RecordNotFoundError',
      'ConditionFailedError',
      'RecordNotFoundError',
      undefined,
    ]);
  });

  it('keeps the cancellation when a read fails: the failure stays a ConditionFailedError without item', async () => {
    const client = { send: async () => Promise.reject(new Error('socket hang up')) } as unknown as DynamoDBClient;
    const error = await translateCancellation(
      new Pipeline(client),
      actions,
      sdkError([{ Code: 'None' }, { Code: 'None' }, failed(), { Code: 'None' }, { Code: 'None' }]),
    );
    expect(error.reasons[2]?.error).toBeInstanceOf(ConditionFailedError);
    expect((error.reasons[2]?.error as ConditionFailedError).item).toBeUndefined();
  });

  it('without per-action reasons, says what the engine said and blames no action', async () => {
    const error = await translateCancellation(new Pipeline(offline), actions, sdkError());
    expect(error.reasons.map((reason) => reason.code)).toEqual(['Unknown', 'Unknown', 'Unknown', 'Unknown', 'Unknown']);
    expect(error.failures).toEqual([]);
    expect(error.message).toBe(
      'Transaction cancelled: Transaction cancelled, please refer cancellation reasons for specific reasons',
    );
  });

  it('names other codes with their message', async () => {
    const reasons = [
      { Code: 'None' },
      { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' },
      { Code: 'None' },
      { Code: 'None' },
      { Code: 'None' },
    ];
    const error = await translateCancellation(new Pipeline(offline), actions, sdkError(reasons));
    expect(error.message).toBe(
      'Transaction cancelled: actions[1] (update UserData with the given user_id): TransactionConflict (Transaction is ongoing for the item).',
    );
  });

  it('recognises the SDK error by name', () => {
    expect(isTransactionCanceled(sdkError())).toBe(true);
    expect(isTransactionCanceled(Object.assign(new Error('x'), { name: 'TransactionCanceledException' }))).toBe(true);
    expect(isTransactionCanceled(new Error('x'))).toBe(false);
  });
});

describe('TransactionCanceledError', () => {
  it('is an OrmError with its name, frozen reasons and the cause', () => {
    const cause = new Error('sdk');
    const error = new TransactionCanceledError(
      [{ index: 0, action: 'create', modelName: 'PhoneData', key: { person_id: 1 }, code: 'None' }],
      'why',
      { cause },
    );
    expect(error).toBeInstanceOf(OrmError);
    expect(error.name).toBe('TransactionCanceledError');
    expect(String(error)).toBe('TransactionCanceledError: Transaction cancelled: why');
    expect(Object.isFrozen(error.reasons)).toBe(true);
    expect(error.cause).toBe(cause);
  });

  it('TransactionActionError: an OrmError naming the code', () => {
    const error = new TransactionActionError('UserData', { user_id: 'u1' }, 'ThrottlingError', undefined);
    expect(error).toBeInstanceOf(OrmError);
    expect(error.message).toBe(
      "UserData: the transaction's action on the record with the given user_id failed with ThrottlingError.",
    );
  });
});
