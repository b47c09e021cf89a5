import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { RecordValidationError, Repository, transaction, where } from '../../../lib';
import { EdgeData, PhoneData, UserData } from '../../fixtures/models';
import { captureError } from '../captureError';

// Validation fails before any request: nothing listens here, so a call that got past it would fail otherwise.
const client = new DynamoDBClient({ region: 'us-east-1', endpoint: 'http://127.0.0.1:9', maxAttempts: 1 });
const phones = new Repository(PhoneData, { client });
const users = new Repository(UserData, { client });
const edges = new Repository(EdgeData, { client });
const email = 'ada.lovelace@example.com';
const phone = { person_id: 1, name: 'Ada', phone_number: '555', relationship: 'FRIEND', timestamp: 't' } as const;
const user = { user_id: 'u1', email, timestamp: 't' };

describe('RecordValidationError names attributes and value types, never the values given', () => {
  it.each<[string, () => unknown, string]>([
    ['a categorical value', () => phones.createRecord({ ...phone, relationship: email as 'FRIEND' }), 'relationship'],
    ['a value of the wrong type', () => phones.createRecord({ ...phone, person_id: email as never }), 'person_id'],
    ['an id of the wrong type', () => phones.getRecord(email), 'person_id'],
    ['an option of the wrong type', () => phones.getRecord(1, { consistent: email as never }), 'consistent'],
    [
      'an expected version of the wrong type',
      () => phones.deleteRecord(1, { expectedVersion: email as never }),
      'expectedVersion',
    ],
    ['a categorical change', () => phones.updateRecord(1, { relationship: email as 'FRIEND' }), 'relationship'],
    ['a class-validator constraint', () => users.createRecord({ ...user, email: 'ada.lovelace@example' }), 'email'],
    [
      'a condition value of the wrong type',
      () => phones.deleteRecord(1, { condition: where('person_id').eq(email) }),
      'person_id',
    ],
    [
      'a condition on a categorical',
      () => phones.deleteRecord(1, { condition: where('relationship').eq(email) }),
      'relationship',
    ],
    ['an id of a batch read', () => phones.batchGet([1, email]), 'ids[1].person_id'],
    ['a record of a batch write', () => edges.batchWrite({ put: [{ id: email, count: email as never }] }), 'put[0]'],
    [
      'an action of a transaction',
      () => transaction(client).update(phones, email, { name: 'x' }).commit(),
      'actions[0]',
    ],
  ])('%s', async (_case, call, attribute) => {
    const error = await captureError(call);
    expect(error).toBeInstanceOf(RecordValidationError);
    const { message, issues } = error as RecordValidationError;
    expect(issues.map((issue) => issue.attribute).join(' ')).toContain(attribute);
    expect(message).not.toContain(email);
    expect(message).not.toContain('ada.lovelace');
  });

  it('quotes the values the schema declares: the categorical list', async () => {
    const error = await captureError(() => phones.createRecord({ ...phone, relationship: email as 'FRIEND' }));
    expect((error as Error).message).toBe(
      'PhoneData: 1 invalid attribute: relationship (string) must be one of PARENT, SIBLING, FRIEND, COLLEAGUE, ACQUAINTANCE.',
    );
  });
});
