import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { RecordValidationError, where } from '../../../lib';
import { toItem } from '../../../lib/marshalling/codec';
import { keyOf } from '../../helpers/keyOf';
import { buildConditionCheck } from '../../../lib/requests/buildConditionCheck';
import { buildCreateRecord } from '../../../lib/requests/buildCreateRecord';
import { buildDeleteRecord } from '../../../lib/requests/buildDeleteRecord';
import {
  buildTransaction,
  MAX_TRANSACTION_ACTIONS,
  type TransactionWrite,
} from '../../../lib/requests/buildTransaction';
import { buildUpdateRecord } from '../../../lib/requests/buildUpdateRecord';
import { compileSchema } from '../../../lib/schema/compileSchema';
import { EdgeData, EventData, PhoneData } from '../../fixtures/models';

const phone = compileSchema(PhoneData);
const events = compileSchema(EventData);
const edge = compileSchema(EdgeData);
const ada = { person_id: 1, name: 'Ada', phone_number: '555', relationship: 'FRIEND', timestamp: 't' };
const now = new Date('2026-11-24T10:00:00Z');

function thrown(action: () => unknown): RecordValidationError {
  try {
    action();
  } catch (error) {
    if (error instanceof RecordValidationError) return error;
    throw error;
  }
  throw new Error('expected a RecordValidationError');
}

function putOf(index: number, values: typeof ada, tableName = 'phones'): TransactionWrite {
  const item = toItem(phone, values);
  const key: Record<string, AttributeValue> = { person_id: item['person_id']! };
  return {
    index,
    modelName: 'PhoneData',
    key,
    keyValues: { person_id: values.person_id },
    checked: false,
    action: 'create',
    input: buildCreateRecord(phone, tableName, item),
  };
}

function deleteOf(index: number, id: unknown, tableName = 'phones'): TransactionWrite {
  const { key, values } = keyOf(phone, id);
  return {
    index,
    modelName: 'PhoneData',
    key,
    keyValues: values,
    checked: false,
    action: 'delete',
    input: buildDeleteRecord(phone, tableName, key),
  };
}

function checkOf(index: number, id: unknown): TransactionWrite {
  const { key, values } = keyOf(events, id);
  return {
    index,
    modelName: 'EventData',
    key,
    keyValues: values,
    checked: true,
    action: 'check',
    input: buildConditionCheck(events, 'events', key),
  };
}

describe('buildTransaction', () => {
  it('turns each kind of write into its transaction action, in order, each but an unconditional put asking for ALL_OLD on a failed condition', () => {
    const put = putOf(0, ada);
    const { key } = keyOf(phone, 2);
    const update: TransactionWrite = {
      index: 1,
      modelName: 'PhoneData',
      key,
      keyValues: { person_id: 2 },
      checked: false,
      action: 'update',
      input: buildUpdateRecord(phone, 'phones', key, { name: 'Grace' }, { now }),
    };
    const del = deleteOf(2, 3);
    const check = checkOf(3, { device_id: 'd', at: 1 });
    expect(buildTransaction([put, update, del, check])).toEqual({
      TransactItems: [
        {
          Put: {
            TableName: 'phones',
            Item: toItem(phone, ada),
            ConditionExpression: 'attribute_not_exists(#n0)',
            ExpressionAttributeNames: { '#n0': 'person_id' },
          },
        },
        {
          Update: {
            TableName: 'phones',
            Key: { person_id: { N: '2' } },
            UpdateExpression: 'SET #n0 = :v0',
            ConditionExpression: 'attribute_exists(#n1)',
            ExpressionAttributeNames: { '#n0': 'name', '#n1': 'person_id' },
            ExpressionAttributeValues: { ':v0': { S: 'Grace' } },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        {
          Delete: {
            TableName: 'phones',
            Key: { person_id: { N: '3' } },
            ConditionExpression: 'attribute_exists(#n0)',
            ExpressionAttributeNames: { '#n0': 'person_id' },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
        {
          ConditionCheck: {
            TableName: 'events',
            Key: { device_id: { S: 'd' }, at: { N: '1' } },
            ConditionExpression: 'attribute_exists(#n0)',
            ExpressionAttributeNames: { '#n0': 'device_id' },
            ReturnValuesOnConditionCheckFailure: 'ALL_OLD',
          },
        },
      ],
    });
  });

  it('keeps only the members a transaction action takes', () => {
    const put = { ...putOf(0, ada), checked: true };
    const withExtras = {
      ...put,
      input: { ...put.input, ReturnValues: 'ALL_OLD', ReturnConsumedCapacity: 'TOTAL' },
    } as TransactionWrite;
    expect(Object.keys(buildTransaction([withExtras]).TransactItems?.[0]?.Put ?? {}).sort()).toEqual([
      'ConditionExpression',
      'ExpressionAttributeNames',
      'Item',
      'ReturnValuesOnConditionCheckFailure',
      'TableName',
    ]);
  });

  it('asks for the existing record on a put only when the put carries a condition (a plain create must not return it)', () => {
    expect(buildTransaction([putOf(0, ada)]).TransactItems?.[0]?.Put).not.toHaveProperty(
      'ReturnValuesOnConditionCheckFailure',
    );
    expect(buildTransaction([{ ...putOf(0, ada), checked: true }]).TransactItems?.[0]?.Put).toHaveProperty(
      'ReturnValuesOnConditionCheckFailure',
      'ALL_OLD',
    );
  });

  it('passes a client request token, and sends none of its own', () => {
    expect(buildTransaction([putOf(0, ada)], { clientRequestToken: 'tok-1' }).ClientRequestToken).toBe('tok-1');
    expect(buildTransaction([putOf(0, ada)])).not.toHaveProperty('ClientRequestToken');
  });

  it.each([0, MAX_TRANSACTION_ACTIONS + 1])('rejects %i actions, naming the count', (count) => {
    const writes = Array.from({ length: count }, (_, index) => deleteOf(index, index));
    const error = thrown(() => buildTransaction(writes));
    expect(error.modelName).toBe('Transaction');
    expect(error.issues).toEqual([
      { attribute: 'actions', received: `${count} actions`, constraint: 'a transaction takes 1 to 100 actions' },
    ]);
    expect(error.message).toContain(`${count} actions`);
  });

  it('takes exactly 100 actions', () => {
    const writes = Array.from({ length: MAX_TRANSACTION_ACTIONS }, (_, index) => deleteOf(index, index));
    expect(buildTransaction(writes).TransactItems).toHaveLength(100);
  });

  it('rejects two actions on one item, naming each repeat and the action it repeats', () => {
    const error = thrown(() => buildTransaction([putOf(0, ada), deleteOf(1, 2), deleteOf(2, 1), deleteOf(3, 2)]));
    expect(error.issues).toEqual([
      {
        attribute: 'actions[2]',
        received: 'PhoneData key',
        constraint: 'has the same person_id in table phones as actions[0] (one action per item in a transaction)',
        key: { person_id: 1 },
      },
      {
        attribute: 'actions[3]',
        received: 'PhoneData key',
        constraint: 'has the same person_id in table phones as actions[1] (one action per item in a transaction)',
        key: { person_id: 2 },
      },
    ]);
  });

  it('keeps a repeated key out of the message: an e-mail address stays in the issue', () => {
    const email = 'ada.lovelace@example.com';
    const id = { device_id: email, at: 5 };
    const error = thrown(() => buildTransaction([checkOf(0, id), checkOf(1, id)]));
    expect(error.message).toBe(
      'Transaction: 1 invalid attribute: actions[1] (EventData key) has the same device_id and at in table events as actions[0] (one action per item in a transaction).',
    );
    expect(error.message).not.toContain(email);
    expect(error.issues[0]?.key).toEqual({ device_id: email, at: 5 });
  });

  it('compares keys as DynamoDB does: numbers by value, whole composite keys, per table', () => {
    const spelled = (index: number, n: string): TransactionWrite => ({
      ...deleteOf(index, 1),
      key: { person_id: { N: n } },
    });
    expect(thrown(() => buildTransaction([spelled(0, '1'), spelled(1, '1.0')])).issues).toHaveLength(1);
    expect(thrown(() => buildTransaction([spelled(0, '100'), spelled(1, '1e2')])).issues).toHaveLength(1);
    expect(() => buildTransaction([deleteOf(0, 1, 'phones'), deleteOf(1, 1, 'other-phones')])).not.toThrow();
    expect(() =>
      buildTransaction([checkOf(0, { device_id: 'd', at: 1 }), checkOf(1, { device_id: 'd', at: 2 })]),
    ).not.toThrow();
    expect(() =>
      buildTransaction([checkOf(0, { device_id: 'd', at: 1 }), checkOf(1, { at: 1, device_id: 'd' })]),
    ).toThrow(RecordValidationError);
  });
});

describe('buildConditionCheck', () => {
  it('requires the record to exist and meet the condition, every name and value aliased', () => {
    const { key } = keyOf(edge, 'e1');
    const condition = where('status').eq('DONE').and(where('first-name').exists());
    expect(buildConditionCheck(edge, 'edges', key, condition)).toEqual({
      TableName: 'edges',
      Key: { id: { S: 'e1' } },
      ConditionExpression: 'attribute_exists(#n0) AND ((#n1 = :v0) AND (attribute_exists(#n2)))',
      ExpressionAttributeNames: { '#n0': 'id', '#n1': 'status', '#n2': 'first-name' },
      ExpressionAttributeValues: { ':v0': { S: 'DONE' } },
    });
  });

  it('without a condition, checks only that the record exists', () => {
    const { key } = keyOf(phone, 7);
    expect(buildConditionCheck(phone, 'phones', key)).toEqual({
      TableName: 'phones',
      Key: { person_id: { N: '7' } },
      ConditionExpression: 'attribute_exists(#n0)',
      ExpressionAttributeNames: { '#n0': 'person_id' },
    });
  });
});
