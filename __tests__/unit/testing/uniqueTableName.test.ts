import { uniqueTableName } from '../../../lib/testing/uniqueTableName';
import { isValidTableName } from '../../../lib/validation/checks';

describe('uniqueTableName', () => {
  it('keeps the prefix, and gives a new valid name on every call', () => {
    const names = Array.from({ length: 50 }, () => uniqueTableName('phonebook-table'));

    expect(new Set(names).size).toBe(names.length);
    for (const name of names) {
      expect(name).toMatch(/^phonebook-table_\d+_\d+_[0-9a-f]{8}$/);
      expect(isValidTableName(name)).toBe(true);
    }
  });

  it.each([
    ['a name with spaces and ü', /^a_name_with_spaces_and___/],
    ['', /^t_/],
    ['x'.repeat(300), /^x{200,}_/],
  ])('makes a valid table name of the prefix %j', (prefix, start) => {
    const name = uniqueTableName(prefix);

    expect(name).toMatch(start);
    expect(isValidTableName(name)).toBe(true);
  });

  it('differs between test files, though each file loads the module afresh (its counter starts again)', () => {
    // jest and vitest give every test file its own module registry, in the same worker process.
    const names: string[] = [];
    for (let file = 0; file < 2; file += 1) {
      jest.isolateModules(() => {
        const fresh = jest.requireActual<typeof import('../../../lib/testing/uniqueTableName')>(
          '../../../lib/testing/uniqueTableName',
        );
        names.push(fresh.uniqueTableName('phonebook-table'));
      });
    }

    expect(names[0]?.replace(/_[0-9a-f]{8}$/, '')).toBe(names[1]?.replace(/_[0-9a-f]{8}$/, ''));
    expect(names[0]).not.toBe(names[1]);
  });
});
