import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { RecordValidationError } from '../../../lib';
import { batchWriteInput, buildBatchWrite, MAX_BATCH_WRITE_REQUESTS } from '../../../lib/requests/buildBatchWrite';
import { compileSchema } from '../../../lib/schema/compileSchema';
import { EventData, PhoneData, UserData } from '../../fixtures/models';

const phone = compileSchema(PhoneData);
const item = (id: number): Record<string, AttributeValue> => ({ person_id: { N: String(id) }, name: { S: `n${id}` } });
const key = (id: number): Record<string, AttributeValue> => ({ person_id: { N: String(id) } });
const range = (from: number, count: number): number[] => Array.from({ length: count }, (_, index) => from + index);
const requestsOf = (input: ReturnType<typeof batchWriteInput>): unknown[] => input.RequestItems?.['t'] ?? [];

function thrown(action: () => unknown): RecordValidationError {
  try {
    action();
  } catch (error) {
    if (error instanceof RecordValidationError) return error;
    throw error;
  }
  throw new Error('expected a RecordValidationError');
}

describe('buildBatchWrite', () => {
  it.each([
    [0, 0, []],
    [25, 0, [25]],
    [26, 0, [25, 1]],
    [0, 60, [25, 25, 10]],
    [30, 30, [25, 25, 10]],
  ])('splits %i puts and %i deletes into requests of at most 25: %j', (puts, deletes, sizes) => {
    const inputs = buildBatchWrite(phone, 't', {
      put: range(0, puts).map(item),
      delete: range(1000, deletes).map(key),
    });
    expect(inputs.map((input) => requestsOf(input).length)).toEqual(sizes);
    expect(MAX_BATCH_WRITE_REQUESTS).toBe(25);
  });

  it('puts whole items and deletes keys, puts first, for the named table', () => {
    expect(buildBatchWrite(phone, 'phones', { put: [item(1)], delete: [key(2)] })).toEqual([
      { RequestItems: { phones: [{ PutRequest: { Item: item(1) } }, { DeleteRequest: { Key: key(2) } }] } },
    ]);
    expect(buildBatchWrite(phone, 'phones', {})).toEqual([]);
  });

  it.each([
    ['two puts', { put: [item(1), item(2), item(1)] }, 'put[2]', 'put[0]'],
    ['two deletes', { delete: [key(5), key(5)] }, 'delete[1]', 'delete[0]'],
    ['a put and a delete', { put: [item(7)], delete: [key(7)] }, 'delete[0]', 'put[0]'],
    ['numbers equal by value', { delete: [key(1), { person_id: { N: '1.0' } }] }, 'delete[1]', 'delete[0]'],
  ])('rejects %s on one key, naming the repeat, the first and the key attribute', (_case, items, repeat, first) => {
    const error = thrown(() => buildBatchWrite(phone, 't', items));
    expect(error.modelName).toBe('PhoneData');
    expect(error.issues).toEqual([
      {
        attribute: repeat,
        received: 'key',
        constraint: `has the same person_id as ${first} (one operation per key in a batch write)`,
        key: { person_id: expect.any(Number) as unknown },
      },
    ]);
  });

  it('lists every repeat at once', () => {
    const error = thrown(() =>
      buildBatchWrite(phone, 't', { put: [item(1), item(2), item(1)], delete: [key(2), key(3)] }),
    );
    expect(error.issues.map((issue) => issue.attribute)).toEqual(['put[2]', 'delete[0]']);
    expect(error.issues[1]?.key).toEqual({ person_id: 2 });
  });

  it('tells composite keys apart by their sort key', () => {
    const events = compileSchema(EventData);
    const event = (at: number): Record<string, AttributeValue> => ({
      device_id: { S: 'd' },
      at: { N: String(at) },
      kind: { S: 'k' },
    });
    expect(buildBatchWrite(events, 't', { put: [event(1), event(2)] }).flatMap(requestsOf)).toHaveLength(2);
    const error = thrown(() =>
      buildBatchWrite(events, 't', { put: [event(1)], delete: [{ at: { N: '1' }, device_id: { S: 'd' } }] }),
    );
    expect(error.issues[0]).toMatchObject({
      constraint: 'has the same device_id and at as put[0] (one operation per key in a batch write)',
      key: { device_id: 'd', at: 1 },
    });
  });

  it('keeps a repeated key out of the message: an e-mail address stays in the issue', () => {
    const users = compileSchema(UserData);
    const email = 'ada.lovelace@example.com';
    const user: Record<string, AttributeValue> = { user_id: { S: email }, email: { S: email }, timestamp: { S: 't' } };
    const error = thrown(() => buildBatchWrite(users, 't', { put: [user], delete: [{ user_id: { S: email } }] }));
    expect(error.message).toBe(
      'UserData: 1 invalid attribute: delete[0] (key) has the same user_id as put[0] (one operation per key in a batch write).',
    );
    expect(error.message).not.toContain(email);
    expect(error.issues[0]?.key).toEqual({ user_id: email });
  });
});
