import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { RecordValidationError, Repository, transaction, where } from '../../../lib';
import { prepareActions, type TransactionAction } from '../../../lib/transactions/prepareActions';
import { captureError } from '../captureError';
import { EventData, PhoneData, UserData } from '../../fixtures/models';

// never used to send: validation fails, or the test stops before commit
const client = new DynamoDBClient({
  region: 'us-east-1',
  endpoint: 'http://127.0.0.1:9',
  credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
});
afterAll(() => client.destroy());

const phones = new Repository(PhoneData, { client, tableName: 'phones' });
const users = new Repository(UserData, { client, tableName: 'users' });
const events = new Repository(EventData, { client, tableName: 'events' });
const ada = { person_id: 1, name: 'Ada', phone_number: '555', relationship: 'FRIEND', timestamp: 't' } as const;
const now = new Date('2026-11-24T10:00:00Z');

async function issuesOf(actions: TransactionAction[]): Promise<RecordValidationError> {
  const error = await captureError(() => prepareActions(actions, now));
  expect(error).toBeInstanceOf(RecordValidationError);
  return error as RecordValidationError;
}

describe('prepareActions', () => {
  it('prepares each kind of action against its own repository, with its index, key and table', async () => {
    const prepared = await prepareActions(
      [
        { kind: 'create', repository: phones, data: ada, options: undefined },
        { kind: 'update', repository: users, id: 'u1', changes: { email: 'a@b.co' }, options: undefined },
        { kind: 'delete', repository: phones, id: 2, options: { condition: where('name').eq('Bob') } },
        { kind: 'check', repository: events, id: { device_id: 'd', at: 1 }, condition: where('kind').eq('boot') },
        { kind: 'check', repository: users, id: 'u2', condition: undefined },
      ],
      now,
    );
    expect(
      prepared.map(({ index, action, modelName, tableName, keyValues, checked }) => ({
        index,
        action,
        modelName,
        tableName,
        keyValues,
        checked,
      })),
    ).toEqual([
      {
        index: 0,
        action: 'create',
        modelName: 'PhoneData',
        tableName: 'phones',
        keyValues: { person_id: 1 },
        checked: false,
      },
      {
        index: 1,
        action: 'update',
        modelName: 'UserData',
        tableName: 'users',
        keyValues: { user_id: 'u1' },
        checked: false,
      },
      {
        index: 2,
        action: 'delete',
        modelName: 'PhoneData',
        tableName: 'phones',
        keyValues: { person_id: 2 },
        checked: true,
      },
      {
        index: 3,
        action: 'check',
        modelName: 'EventData',
        tableName: 'events',
        keyValues: { device_id: 'd', at: 1 },
        checked: true,
      },
      {
        index: 4,
        action: 'check',
        modelName: 'UserData',
        tableName: 'users',
        keyValues: { user_id: 'u2' },
        checked: false,
      },
    ]);
    expect(prepared[3]?.input).toMatchObject({
      TableName: 'events',
      ConditionExpression: 'attribute_exists(#n0) AND (#n1 = :v0)',
    });
  });

  it('reports every issue of every action at once, under actions[i]', async () => {
    const error = await issuesOf([
      { kind: 'create', repository: phones, data: ada, options: undefined },
      {
        kind: 'create',
        repository: users,
        data: { user_id: 'u1', email: 'not-an-email', timestamp: 't' },
        options: undefined,
      },
      { kind: 'update', repository: users, id: 'u7', changes: {}, options: undefined },
      { kind: 'delete', repository: phones, id: 3, options: { expectedVersion: 1 } },
      { kind: 'check', repository: events, id: 'd', condition: where('colour').eq('red') },
    ]);
    expect(error.modelName).toBe('Transaction');
    expect(error.issues.map((issue) => issue.attribute)).toEqual([
      'actions[1].email',
      'actions[2].changes',
      'actions[3].expectedVersion',
      'actions[4].at',
      'actions[4].colour',
    ]);
    expect(error.message).toMatch(/^Transaction: 5 invalid attributes: actions\[1\]\.email/);
  });

  it('rejects something that is not a repository, and a condition that is not a Condition', async () => {
    const error = await issuesOf([
      { kind: 'check', repository: { tableName: 'phones' }, id: 1, condition: undefined },
      { kind: 'check', repository: phones, id: 1, condition: 'person_id = 1' },
    ]);
    expect(error.issues).toEqual([
      { attribute: 'actions[0].repository', received: 'object', constraint: 'must be a Repository' },
      {
        attribute: 'actions[1].condition',
        received: 'string',
        constraint: 'must be built with where(), and(), or() or not()',
      },
    ]);
  });

  it('reports the count, and two actions on one item, together with the actions’ own issues', async () => {
    const error = await issuesOf([
      { kind: 'create', repository: phones, data: ada, options: undefined },
      { kind: 'check', repository: phones, id: 1, condition: undefined },
      { kind: 'update', repository: phones, id: 2, changes: { relationship: 'ENEMY' }, options: undefined },
    ]);
    expect(error.issues.map((issue) => issue.attribute)).toEqual(['actions[2].relationship', 'actions[1]']);
    const tooMany = await issuesOf(
      Array.from({ length: 101 }, (_, id) => ({ kind: 'delete' as const, repository: phones, id, options: undefined })),
    );
    expect(tooMany.issues).toEqual([
      { attribute: 'actions', received: '101 actions', constraint: 'a transaction takes 1 to 100 actions' },
    ]);
  });
});

describe('Transaction builder', () => {
  it('records actions fluently and validates nothing until commit', () => {
    const tx = transaction(client)
      .create(phones, ada)
      .update(users, 'u1', { email: 'x' })
      .delete(phones, 2)
      .check(users, 'u1', where('email').exists());
    expect(tx.size).toBe(4);
  });

  it('rejects bad commit options before anything else', async () => {
    const error = await captureError(() =>
      transaction(client).commit({ clientRequestToken: 'x'.repeat(37), retries: 3 } as never),
    );
    expect(error).toBeInstanceOf(RecordValidationError);
    expect((error as RecordValidationError).issues.map((issue) => issue.attribute)).toEqual([
      'retries',
      'clientRequestToken',
    ]);
  });

  it('rejects an empty transaction at commit', async () => {
    const error = await captureError(() => transaction(client).commit());
    expect(error).toBeInstanceOf(RecordValidationError);
    expect((error as Error).message).toBe(
      'Transaction: 1 invalid attribute: actions (0 actions) a transaction takes 1 to 100 actions.',
    );
  });
});
