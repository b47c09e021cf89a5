import { Attribute, PartitionKey, RecordValidationError, SortKey, Table, where } from '../../../lib';
import { parseTemplateText, renderTemplate } from '../../../lib/marshalling/templates';
import { toKey } from '../../../lib/marshalling/toKey';
import { fromKey } from '../../../lib/marshalling/fromKey';
import { buildQuery } from '../../../lib/requests/buildQuery';
import { compileSchema } from '../../../lib/schema/compileSchema';
import { checkQueryOptions } from '../../../lib/validation/checkQueryOptions';
import { validateKey } from '../../../lib/validation/validateKey';
import { validateChanges, validateRecord } from '../../../lib/validation/validateRecord';
import { withTemplates } from '../../../lib/validation/checkTemplates';
import { ownSortKeyCondition } from '../../../lib/validation/checkTemplateKeys';
import { ShopLineItem, ShopOrder, ShopUser } from '../../fixtures/shop';
import { captureSyncError } from '../captureError';

const orders = compileSchema(ShopOrder);
const lines = compileSchema(ShopLineItem);
const users = compileSchema(ShopUser);

function issuesOf(run: () => unknown): string[] {
  const error = captureSyncError(run);
  expect(error).toBeInstanceOf(RecordValidationError);
  return (error as RecordValidationError).issues.map((issue) => `${issue.attribute}: ${issue.constraint}`);
}

describe('templated keys as ids', () => {
  it("takes the templates' parts as the id and renders the stored key from them", () => {
    const values = validateKey(orders, { user_id: 'u1', placed_at: '2026-03-01', order_id: 'o1' });
    expect(toKey(orders, values)).toEqual({ pk: { S: 'USER#u1' }, sk: { S: 'ORDER#2026-03-01#o1' } });
    expect(fromKey(orders, toKey(orders, values))).toEqual(values);
    expect(validateKey(users, 'u1')).toEqual({ user_id: 'u1' }); // one part: the bare value will do
  });

  it.each<[string, Record<string, unknown>, string]>([
    [
      'a separator inside a part',
      { user_id: 'u1', placed_at: '2026#03', order_id: 'o1' },
      'placed_at: must not hold "#"',
    ],
    ['an empty part', { user_id: 'u1', placed_at: '', order_id: 'o1' }, 'placed_at: must not be empty'],
    ['the computed key itself', { pk: 'USER#u1', placed_at: 'p', order_id: 'o1' }, 'pk: is computed from its template'],
    ['a missing part', { user_id: 'u1', order_id: 'o1' }, 'placed_at: required'],
  ])('refuses %s, naming the attribute', (_, id, issue) => {
    expect(issuesOf(() => validateKey(orders, id)).join('\n')).toContain(issue);
  });

  it('reads a number part back only from the text it prints as', () => {
    const template = lines.sortKey!.template!;
    expect(parseTemplateText(template, 'LINE#o1#12')).toEqual({ order_id: 'o1', line_no: 12 });
    expect(() => parseTemplateText(template, 'LINE#o1#012')).toThrow(/not text the template/);
    expect(() => parseTemplateText(template, 'ORDER#o1#1')).toThrow(/not text the template/);
    expect(renderTemplate(template, { order_id: 'o1', line_no: 12 })).toBe('LINE#o1#12');
  });
});

describe('templated attributes on writes', () => {
  it('computes every templated attribute of a record', () => {
    const values = validateRecord(orders, { user_id: 'u1', order_id: 'o1', placed_at: '2026-03-01', total: 3 });
    expect(values).toMatchObject({ pk: 'USER#u1', sk: 'ORDER#2026-03-01#o1', gsi1pk: 'ORDER#o1' });
  });

  it('accepts a computed value given as it would be computed (a record read back), and refuses any other', () => {
    const record = { user_id: 'u1', order_id: 'o1', placed_at: '2026-03-01', total: 3 };
    expect(validateRecord(orders, { ...record, pk: 'USER#u1' })).toMatchObject({ pk: 'USER#u1' });
    expect(issuesOf(() => validateRecord(orders, { ...record, pk: 'USER#u2' }))).toEqual([
      'pk: is computed from its template "USER#{user_id}" and it differs: leave it out',
    ]);
  });

  it("refuses changes to a key's parts and to computed attributes, and recomputes a changed index key", () => {
    expect(issuesOf(() => validateChanges(orders, { placed_at: '2026-03-02' }))[0]).toMatch(
      /^placed_at: cannot be updated: it is a part of the sort key's template/,
    );
    expect(issuesOf(() => validateChanges(orders, { gsi1pk: 'ORDER#o2' }))[0]).toMatch(/^gsi1pk: is computed/);
  });

  it('recomputes a templated attribute whose parts change, from the changes and the id, or names the part it lacks', () => {
    @Table({ name: 'app', entity: 'Doc' })
    class Doc {
      @PartitionKey() id!: string;
      @Attribute() status!: string;
      @Attribute() owner!: string;
      @Attribute({ template: 'STATUS#{status}#{owner}' }) gsi1pk!: string;
    }
    const docs = compileSchema(Doc);
    expect(withTemplates(docs, { id: 'd1' }, { status: 'DONE', owner: 'ada' })).toEqual({
      status: 'DONE',
      owner: 'ada',
      gsi1pk: 'STATUS#DONE#ada',
    });
    expect(withTemplates(docs, { id: 'd1' }, { note: 'x' })).toEqual({ note: 'x' });
    const error = captureSyncError(() => withTemplates(docs, { id: 'd1' }, { status: 'DONE' }));
    expect((error as RecordValidationError).issues.map((issue) => issue.attribute)).toEqual(['owner']);
  });
});

describe('templated keys in queries', () => {
  const query = (schema: typeof orders, key: unknown, options?: unknown) =>
    buildQuery(schema, 'shop', checkQueryOptions(schema, key, options, new Map()));

  it('takes the partition by its parts', () => {
    const input = query(orders, { user_id: 'u1' });
    expect(input.ExpressionAttributeValues).toEqual({ ':v0': { S: 'USER#u1' } });
  });

  it.each<[string, unknown, string, string]>([
    ['beginsWith on the leading part', where('placed_at').beginsWith('2026-'), 'begins_with', 'ORDER#2026-'],
    ['eq on the leading part', where('placed_at').eq('2026-03-01'), 'begins_with', 'ORDER#2026-03-01#'],
    [
      'eq on every part',
      where('placed_at').eq('2026-03-01').and(where('order_id').eq('o1')),
      '=',
      'ORDER#2026-03-01#o1',
    ],
    [
      'eq, then beginsWith on the next part',
      where('placed_at').eq('2026-03-01').and(where('order_id').beginsWith('o')),
      'begins_with',
      'ORDER#2026-03-01#o',
    ],
  ])('turns %s into a condition on the sort key', (_, sortKey, operator, text) => {
    const input = query(orders, { user_id: 'u1' }, { sortKey });
    expect(input.KeyConditionExpression).toContain(operator);
    expect(input.ExpressionAttributeNames).toMatchObject({ '#n1': 'sk' });
    expect(input.ExpressionAttributeValues).toEqual({ ':v0': { S: 'USER#u1' }, ':v1': { S: text } });
  });

  it("narrows a model's own query to the text before the first part, or the whole text of a template without parts", () => {
    const ownOrders = query(orders, { user_id: 'u1' }, { sortKey: ownSortKeyCondition(orders.sortKey!) });
    expect(ownOrders.KeyConditionExpression).toContain('begins_with');
    expect(ownOrders.ExpressionAttributeValues).toEqual({ ':v0': { S: 'USER#u1' }, ':v1': { S: 'ORDER#' } });
    const ownUsers = buildQuery(
      users,
      'shop',
      checkQueryOptions(users, { user_id: 'u1' }, { sortKey: ownSortKeyCondition(users.sortKey!) }, new Map()),
    );
    expect(ownUsers.KeyConditionExpression).toMatch(/#n1 = :v1/);
    expect(ownUsers.ExpressionAttributeValues).toEqual({ ':v0': { S: 'USER#u1' }, ':v1': { S: 'PROFILE' } });
  });

  it('does not narrow by a template that starts with a part, nor by a key without one', () => {
    @Table({ name: 'app', entity: 'Event' })
    class Event {
      @PartitionKey() pk!: string;
      @SortKey({ template: '{day}#EVENT' }) sk!: string;
      @Attribute() day!: string;
    }
    expect(ownSortKeyCondition(compileSchema(Event).sortKey!)).toBeUndefined();
    expect(ownSortKeyCondition(compileSchema(Event).partitionKey)).toBeUndefined();
  });

  it.each<[string, unknown, unknown, string]>([
    ['a key naming the computed key', { pk: 'USER#u1' }, undefined, 'pk: is not a part of'],
    ['a part of the wrong type', { user_id: 5 }, undefined, 'user_id: must be a string'],
    [
      'a trailing part without the ones before it',
      { user_id: 'u1' },
      { sortKey: where('order_id').eq('o1') },
      'order_id: needs every part before it',
    ],
    [
      'a range on a part',
      { user_id: 'u1' },
      { sortKey: where('placed_at').gt('2026') },
      'placed_at: must be eq on leading parts',
    ],
    [
      'a separator in a beginsWith prefix',
      { user_id: 'u1' },
      { sortKey: where('placed_at').beginsWith('2026#') },
      'placed_at: must not hold "#"',
    ],
  ])('refuses %s', (_, key, options, issue) => {
    expect(issuesOf(() => checkQueryOptions(orders, key, options, new Map())).join('\n')).toContain(issue);
  });
});
