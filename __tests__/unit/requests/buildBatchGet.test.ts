import 'reflect-metadata';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { PartitionKey, Table } from '../../../lib';
import { batchGetInput, buildBatchGet, MAX_BATCH_GET_KEYS } from '../../../lib/requests/buildBatchGet';
import { compileSchema } from '../../../lib/schema/compileSchema';
import { EventData, PhoneData } from '../../fixtures/models';

@Table({ name: 'binary-table' })
class BinaryKeyed {
  @PartitionKey() id!: Uint8Array;
}

const phone = compileSchema(PhoneData);
const personKeys = (ids: readonly number[]): Record<string, AttributeValue>[] =>
  ids.map((id) => ({ person_id: { N: String(id) } }));
const keysOf = (input: ReturnType<typeof batchGetInput>): unknown[] => input.RequestItems?.['t']?.Keys ?? [];

describe('buildBatchGet', () => {
  it.each([
    [0, []],
    [1, [1]],
    [100, [100]],
    [101, [100, 1]],
    [250, [100, 100, 50]],
  ])('splits %i keys into requests of at most 100: %j', (count, sizes) => {
    const ids = Array.from({ length: count }, (_, index) => index);
    const inputs = buildBatchGet(phone, 't', personKeys(ids), false);
    expect(inputs.map((input) => keysOf(input).length)).toEqual(sizes);
    expect(inputs.flatMap(keysOf)).toEqual(personKeys(ids));
    expect(MAX_BATCH_GET_KEYS).toBe(100);
  });

  it('names the table and the read consistency in every request', () => {
    expect(buildBatchGet(phone, 'phones', personKeys([1]), true)).toEqual([
      { RequestItems: { phones: { Keys: [{ person_id: { N: '1' } }], ConsistentRead: true } } },
    ]);
    expect(buildBatchGet(phone, 'phones', personKeys([1]), false)[0]?.RequestItems?.['phones']?.ConsistentRead).toBe(
      false,
    );
  });

  it('removes repeated keys, keeping the first occurrence and the order', () => {
    const inputs = buildBatchGet(phone, 't', personKeys([3, 1, 3, 2, 1]), false);
    expect(inputs.flatMap(keysOf)).toEqual(personKeys([3, 1, 2]));
  });

  it('counts only distinct keys towards the 100: 150 keys with 60 repeats are one request', () => {
    const ids = [
      ...Array.from({ length: 90 }, (_, index) => index),
      ...Array.from({ length: 60 }, (_, index) => index),
    ];
    expect(buildBatchGet(phone, 't', personKeys(ids), false).map((input) => keysOf(input).length)).toEqual([90]);
  });

  it('compares numbers by value, as DynamoDB does ("1.50" and "1.5" are one key)', () => {
    const keys = [
      { person_id: { N: '1.5' } },
      { person_id: { N: '1.50' } },
      { person_id: { N: '15e-1' } },
      { person_id: { N: '15' } },
    ];
    expect(buildBatchGet(phone, 't', keys, false).flatMap(keysOf)).toEqual([
      { person_id: { N: '1.5' } },
      { person_id: { N: '15' } },
    ]);
  });

  it('compares composite keys on both parts and binary keys by their bytes', () => {
    const events = compileSchema(EventData);
    const eventKeys = [
      { device_id: { S: 'd' }, at: { N: '1' } },
      { device_id: { S: 'd' }, at: { N: '2' } },
      { at: { N: '1' }, device_id: { S: 'd' } },
    ];
    expect(buildBatchGet(events, 't', eventKeys, false).flatMap(keysOf)).toHaveLength(2);
    const binary = compileSchema(BinaryKeyed);
    const binaryKeys = [
      { id: { B: new Uint8Array([1, 2]) } },
      { id: { B: Buffer.from([1, 2]) } },
      { id: { B: new Uint8Array([2, 1]) } },
    ];
    expect(buildBatchGet(binary, 't', binaryKeys, false).flatMap(keysOf)).toHaveLength(2);
  });

  it('does not change the keys it is given', () => {
    const keys = personKeys([1, 1]);
    const input = batchGetInput('t', keys, false);
    buildBatchGet(phone, 't', keys, false);
    expect(keys).toHaveLength(2);
    expect(keysOf(input)).not.toBe(keys);
  });
});
