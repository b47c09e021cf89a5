import { toItem } from '../../../lib/marshalling/codec';
import { toKey } from '../../../lib/marshalling/toKey';
import { buildCreateRecord } from '../../../lib/requests/buildCreateRecord';
import { buildDeleteRecord, buildEntityDelete } from '../../../lib/requests/buildDeleteRecord';
import { buildPutRecord } from '../../../lib/requests/buildPutRecord';
import { buildUpdateRecord } from '../../../lib/requests/buildUpdateRecord';
import { compileSchema } from '../../../lib/schema/compileSchema';
import { validateRecord } from '../../../lib/validation/validateRecord';
import { ShopUser } from '../../fixtures/shop';

// Every write of a model with an entity stores its name and touches no other entity's item.

const users = compileSchema(ShopUser);
const key = toKey(users, { user_id: 'u1' });
// a model without class-validator decorators is checked synchronously
const values = validateRecord(users, { user_id: 'u1', email: 'ada@example.com' }) as Record<string, unknown>;

describe('writes of a model with an entity', () => {
  it('a create stores the entity name and requires only that the key is free', () => {
    const input = buildCreateRecord(users, 'shop', toItem(users, values));
    expect(input.Item).toMatchObject({ _entity: { S: 'User' }, pk: { S: 'USER#u1' }, sk: { S: 'PROFILE' } });
    expect(input.ConditionExpression).toBe('attribute_not_exists(#n0)');
  });

  it('an update and a delete require the item to be the entity’s own', () => {
    const update = buildUpdateRecord(users, 'shop', key, { email: 'b@example.com' }, { now: new Date(0) });
    expect(update.ConditionExpression).toMatch(/^attribute_exists\(#n\d+\) AND #n(\d+) = :v(\d+)$/);
    expect(Object.values(update.ExpressionAttributeNames ?? {})).toContain('_entity');
    expect(Object.values(update.ExpressionAttributeValues ?? {})).toContainEqual({ S: 'User' });
    const remove = buildDeleteRecord(users, 'shop', key);
    expect(remove).toMatchObject({
      ConditionExpression: 'attribute_exists(#n0) AND #n1 = :v0',
      ExpressionAttributeNames: { '#n0': 'pk', '#n1': '_entity' },
      ExpressionAttributeValues: { ':v0': { S: 'User' } },
    });
  });

  it('a put sets the entity name and replaces only an absent item or one of its own', () => {
    const put = buildPutRecord(users, 'shop', key, values, { now: new Date(0) });
    expect(put.UpdateExpression).toContain('#n');
    expect(put.ConditionExpression).toMatch(/^\(attribute_not_exists\(#n\d+\) OR #n\d+ = :v\d+\)$/);
    expect(Object.values(put.ExpressionAttributeValues ?? {}).filter((value) => value.S === 'User')).toHaveLength(2);
  });

  it("a batch's delete removes the entity's own item or none", () => {
    expect(buildEntityDelete(users, 'shop', key)).toMatchObject({
      ConditionExpression: '(attribute_not_exists(#n0) OR #n1 = :v0)',
      ExpressionAttributeNames: { '#n0': 'pk', '#n1': '_entity' },
    });
  });
});
