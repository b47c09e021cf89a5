import { itemSize, itemSizeIssue, MAX_ITEM_BYTES } from '../../../lib/validation/itemSize';

describe('itemSize', () => {
  it('counts UTF-8 bytes of names and strings, exactly', () => {
    expect(itemSize({ ab: { S: 'é😀' } })).toBe(2 + 2 + 4);
  });

  it('weighs an item of many short strings exactly before refusing it (the cheap bound alone would overstate it)', () => {
    const list = Array.from({ length: 3000 }, () => ({ S: 'x'.repeat(60) }));
    const item = { id: { S: 'i' }, list: { L: list } };
    expect(itemSize(item, true)).toBeGreaterThan(MAX_ITEM_BYTES);
    expect(itemSize(item)).toBeLessThan(MAX_ITEM_BYTES);
    expect(itemSizeIssue(item)).toBeUndefined();
  });

  it('names the largest attribute of an item over 400 KB', () => {
    const issue = itemSizeIssue({ id: { S: 'i' }, body: { S: 'é'.repeat(210 * 1024) } }, 'put[1].');
    expect(issue).toMatchObject({
      attribute: 'put[1].body',
      constraint: expect.stringMatching(/over DynamoDB's limit of 409600/),
    });
  });
});
