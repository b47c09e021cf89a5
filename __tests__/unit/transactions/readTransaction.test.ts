import { DynamoDBClient, TransactionCanceledException, type CancellationReason } from '@aws-sdk/client-dynamodb';
import {
  readTransaction,
  RecordValidationError,
  Repository,
  TransactionActionError,
  TransactionCanceledError,
  type ReadTransaction,
} from '../../../lib';
import { buildReadTransaction } from '../../../lib/requests/buildReadTransaction';
import { prepareGets } from '../../../lib/transactions/prepareGets';
import { translateReadCancellation } from '../../../lib/transactions/translateCancellation';
import { EventData, PhoneData, UserData } from '../../fixtures/models';
import { captureSyncError } from '../captureError';

// never used to send: these tests stop before commit, or call its parts
const client = new DynamoDBClient({
  region: 'us-east-1',
  endpoint: 'http://127.0.0.1:9',
  credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
});
afterAll(() => client.destroy());

const phones = new Repository(PhoneData, { client, tableName: 'phones' });
const users = new Repository(UserData, { client, tableName: 'users' });
const events = new Repository(EventData, { client, tableName: 'events' });

describe('readTransaction', () => {
  it("types each position as its repository's model or undefined, in the order of the gets", () => {
    const read = readTransaction(client).get(phones, 1).get(users, 'u1');
    const typed: ReadTransaction<[PhoneData | undefined, UserData | undefined]> = read;
    // @ts-expect-error the positions are in the order of the gets
    const swapped: ReadTransaction<[UserData | undefined, PhoneData | undefined]> = read;
    // @ts-expect-error a position may be undefined: the record may not exist
    const present: ReadTransaction<[PhoneData, UserData]> = read;
    const destructure = async () => {
      const [phone, user] = await read.commit();
      // @ts-expect-error possibly undefined
      return [phone.name, user?.email];
    };
    expect([typed, swapped, present, destructure].every(Boolean)).toBe(true); // compiled, never run
  });

  it('get returns a new builder: the one it was called on is unchanged, usable as a shared prefix', () => {
    const prefix = readTransaction(client).get(phones, 1);
    const withUser = prefix.get(users, 'u1');
    const withEvent = prefix.get(events, { device_id: 'd', at: 2 });
    expect([prefix.size, withUser.size, withEvent.size]).toEqual([1, 2, 2]);
    expect(prefix.client).toBe(client);
  });
});

describe('prepareGets', () => {
  it('checks each id and encodes its key, with its table and position', () => {
    const prepared = prepareGets([
      { repository: phones, id: 1 },
      { repository: events, id: { device_id: 'd', at: 2 } },
    ]);
    expect(
      prepared.map(({ index, modelName, tableName, key, keyValues }) => ({
        index,
        modelName,
        tableName,
        key,
        keyValues,
      })),
    ).toEqual([
      {
        index: 0,
        modelName: 'PhoneData',
        tableName: 'phones',
        key: { person_id: { N: '1' } },
        keyValues: { person_id: 1 },
      },
      {
        index: 1,
        modelName: 'EventData',
        tableName: 'events',
        key: { device_id: { S: 'd' }, at: { N: '2' } },
        keyValues: { device_id: 'd', at: 2 },
      },
    ]);
  });

  it('names every issue at once: bad ids, a non-repository, the same item again (in the object form)', () => {
    const error = captureSyncError(() =>
      prepareGets([
        { repository: phones, id: 1.5 },
        { repository: events, id: 'd' },
        { repository: 'phones', id: 1 },
        { repository: phones, id: { person_id: 1.5 } },
        { repository: users, id: null },
      ]),
    );
    expect(error).toBeInstanceOf(RecordValidationError);
    expect((error as RecordValidationError).modelName).toBe('ReadTransaction');
    expect((error as RecordValidationError).issues.map((issue) => issue.attribute)).toEqual([
      'gets[1].at',
      'gets[2].repository',
      'gets[4].user_id',
      'gets[3]',
    ]);
  });

  it.each([0, 101])('%i gets are refused', (count) => {
    const gets = Array.from({ length: count }, (_, id) => ({ repository: phones, id }));
    const error = captureSyncError(() => prepareGets(gets));
    expect((error as RecordValidationError).issues).toEqual([
      { attribute: 'gets', received: `${count} gets`, constraint: 'a transaction takes 1 to 100 gets' },
    ]);
  });

  it('the same key in two tables is two items', () => {
    const other = new Repository(PhoneData, { client, tableName: 'other-phones' });
    expect(
      prepareGets([
        { repository: phones, id: 1 },
        { repository: other, id: 1 },
      ]),
    ).toHaveLength(2);
  });
});

describe('buildReadTransaction', () => {
  it('one Get per get, in order, and nothing else', () => {
    const prepared = prepareGets([
      { repository: users, id: 'u1' },
      { repository: phones, id: 3 },
    ]);
    expect(buildReadTransaction(prepared)).toEqual({
      TransactItems: [
        { Get: { TableName: 'users', Key: { user_id: { S: 'u1' } } } },
        { Get: { TableName: 'phones', Key: { person_id: { N: '3' } } } },
      ],
    });
  });
});

describe('translateReadCancellation', () => {
  const gets = prepareGets([
    { repository: users, id: 'u1' },
    { repository: phones, id: 3 },
  ]);
  const cancellation = (reasons?: CancellationReason[]) =>
    new TransactionCanceledException({ message: 'Transaction cancelled', $metadata: {}, CancellationReasons: reasons });

  it("one reason per get: a TransactionActionError where the engine names a code, none for 'None'", () => {
    const cause = cancellation([
      { Code: 'None' },
      { Code: 'TransactionConflict', Message: 'Transaction is ongoing for the item' },
    ]);
    const error = translateReadCancellation(gets, cause);
    expect(error).toBeInstanceOf(TransactionCanceledError);
    expect(error.cause).toBe(cause);
    expect(error.reasons[0]).toEqual({
      index: 0,
      action: 'get',
      modelName: 'UserData',
      key: { user_id: 'u1' },
      code: 'None',
    });
    expect(error.reasons[1]?.error).toBeInstanceOf(TransactionActionError);
    expect(error.reasons[1]?.error).toMatchObject({
      modelName: 'PhoneData',
      key: { person_id: 3 },
      code: 'TransactionConflict',
    });
    expect(error.message).toBe(
      'Transaction cancelled: gets[1] (get PhoneData with the given person_id): TransactionConflict (Transaction is ongoing for the item).',
    );
  });

  it.each([
    ['no reasons', undefined],
    ['fewer reasons than gets', [{ Code: 'TransactionConflict' }]],
  ])("%s: no get is blamed, the engine's words are kept", (_label, reasons) => {
    const error = translateReadCancellation(gets, cancellation(reasons));
    expect(error.reasons.map((reason) => [reason.code, reason.error])).toEqual([
      ['Unknown', undefined],
      ['Unknown', undefined],
    ]);
    expect(error.message).toBe('Transaction cancelled: Transaction cancelled');
  });
});
