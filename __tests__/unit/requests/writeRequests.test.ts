import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { keyOf } from '../../helpers/keyOf';
import { toItem } from '../../../lib/marshalling/codec';
import { buildCreateRecord } from '../../../lib/requests/buildCreateRecord';
import { buildDeleteRecord } from '../../../lib/requests/buildDeleteRecord';
import { buildGetRecord } from '../../../lib/requests/buildGetRecord';
import { buildUpdateRecord } from '../../../lib/requests/buildUpdateRecord';
import { compileSchema } from '../../../lib/schema/compileSchema';
import { validateChanges } from '../../../lib/validation/validateRecord';
import { EdgeData, EventData, PhoneData } from '../../fixtures/models';

const phone = { person_id: 1, name: 'Ada', phone_number: '555', relationship: 'FRIEND', timestamp: 't' };

/** Every #alias and :alias used in an expression, which must all be defined, and nothing else. */
function aliasesIn(...expressions: (string | undefined)[]): { names: string[]; values: string[] } {
  const text = expressions.join(' ');
  return {
    names: [...new Set(text.match(/#n\d+/g) ?? [])].sort(),
    values: [...new Set(text.match(/:v\d+/g) ?? [])].sort(),
  };
}

describe('buildCreateRecord', () => {
  it('puts the item only if no item has its key', () => {
    const schema = compileSchema(PhoneData);
    const item = toItem(schema, phone);
    expect(buildCreateRecord(schema, 'phonebook-table', item)).toEqual({
      TableName: 'phonebook-table',
      Item: item,
      ConditionExpression: 'attribute_not_exists(#n0)',
      ExpressionAttributeNames: { '#n0': 'person_id' },
    });
  });

  it('checks the partition key of a composite key (enough: an item always has both)', () => {
    const schema = compileSchema(EventData);
    const input = buildCreateRecord(schema, 'events-table', toItem(schema, { device_id: 'd', at: 1, kind: 'k' }));
    expect(input.ConditionExpression).toBe('attribute_not_exists(#n0)');
    expect(input.ExpressionAttributeNames).toEqual({ '#n0': 'device_id' });
  });
});

describe('buildGetRecord', () => {
  it('gets by key, eventually or strongly consistent', () => {
    const { key } = keyOf(compileSchema(PhoneData), 1);
    expect(buildGetRecord('phonebook-table', key, false)).toEqual({
      TableName: 'phonebook-table',
      Key: { person_id: { N: '1' } },
      ConsistentRead: false,
    });
    expect(buildGetRecord('phonebook-table', key, true).ConsistentRead).toBe(true);
  });
});

describe('buildUpdateRecord', () => {
  const schema = compileSchema(EdgeData);
  const { key } = keyOf(schema, 'e1');
  const changes = {
    name: 'N',
    status: 'DONE',
    'first-name': 'Ada',
    'a.b': 'dotted',
    'x y': 'spaced',
    count: null,
    tags: null,
  };
  const build = async (given: Record<string, unknown>) => {
    const checked = await validateChanges(schema, given);
    return buildUpdateRecord(schema, 'edge-table', key, checked, { now: new Date(0) });
  };

  it('uses only placeholders in its expressions: reserved words and odd names are aliased, values never inlined', async () => {
    const input = await build(changes);
    expect(input.UpdateExpression).toMatch(/^SET #n\d+ = :v\d+(, #n\d+ = :v\d+)* REMOVE #n\d+(, #n\d+)*$/);
    expect(input.ConditionExpression).toMatch(/^attribute_exists\(#n\d+\)$/);
    // take away the aliases and keywords: only punctuation may remain, no name and no value
    const expressions = `${input.UpdateExpression} ${input.ConditionExpression}`;
    expect(expressions.replace(/#n\d+|:v\d+|\battribute_exists\b|\bSET\b|\bREMOVE\b/g, '')).toMatch(/^[\s=,()]*$/);
  });

  it('maps every alias to the attribute or value it stands for, and defines nothing unused', async () => {
    const input = await build(changes);
    const names = input.ExpressionAttributeNames ?? {};
    const values = input.ExpressionAttributeValues ?? {};
    const used = aliasesIn(input.UpdateExpression, input.ConditionExpression);
    expect(used.names).toEqual(Object.keys(names).sort());
    expect(used.values).toEqual(Object.keys(values).sort());

    const sets = Object.fromEntries(
      [...(input.UpdateExpression ?? '').matchAll(/(#n\d+) = (:v\d+)/g)].map(([, name, value]) => [
        names[name!],
        values[value!],
      ]),
    );
    expect(sets).toEqual({
      name: { S: 'N' },
      status: { S: 'DONE' },
      'first-name': { S: 'Ada' },
      'a.b': { S: 'dotted' },
      'x y': { S: 'spaced' },
    });
    const removed = / REMOVE (.*)$/
      .exec(input.UpdateExpression ?? '')![1]!
      .split(', ')
      .map((alias) => names[alias]);
    expect(removed).toEqual(['count', 'tags']);
  });

  it('requires the record to exist (never an upsert), checked on the partition key', async () => {
    const input = await build({ name: 'N' });
    const alias = /^attribute_exists\((#n\d+)\)$/.exec(input.ConditionExpression ?? '')![1]!;
    expect(input.ExpressionAttributeNames?.[alias]).toBe('id');
    expect(input.TableName).toBe('edge-table');
    expect(input.Key).toEqual({ id: { S: 'e1' } });
  });

  it('writes a SET alone when nothing is removed, and a REMOVE alone when nothing is set', async () => {
    expect((await build({ name: 'N' })).UpdateExpression).toMatch(/^SET #n\d+ = :v\d+$/);
    expect((await build({ count: null })).UpdateExpression).toMatch(/^REMOVE #n\d+$/);
    expect((await build({ count: null })).ExpressionAttributeValues).toBeUndefined();
  });

  it('encodes each value with its attribute type', async () => {
    const input = await build({ big: 2n ** 64n, when: new Date(0), scores: new Set([1, 2]), map: { a: [1] } });
    const values = Object.values<AttributeValue>(input.ExpressionAttributeValues ?? {});
    expect(values).toEqual(
      expect.arrayContaining([
        { N: '18446744073709551616' },
        { S: '1970-01-01T00:00:00.000Z' },
        { NS: ['1', '2'] },
        { M: { a: { L: [{ N: '1' }] } } },
      ]),
    );
  });
});

describe('buildDeleteRecord', () => {
  // ReturnValues is the repository's to add (a transaction item takes none): see Repository.test.ts
  it('deletes only an existing record', () => {
    const schema = compileSchema(EventData);
    const { key } = keyOf(schema, { device_id: 'd1', at: 5 });
    const input = buildDeleteRecord(schema, 'events-table', key);
    expect(input).toMatchObject({ TableName: 'events-table', ConditionExpression: 'attribute_exists(#n0)' });
    expect(input.Key).toEqual({ device_id: { S: 'd1' }, at: { N: '5' } });
    expect(input.ExpressionAttributeNames).toEqual({ '#n0': 'device_id' });
    expect(input.ExpressionAttributeValues).toBeUndefined();
  });
});
