// The walk-through as a user's jest test: the engine from the package's jest global set-up, the table
// from useTestTables (created before the tests, under a name of this file's own, deleted after).
import { useTestTables } from 'dynamodb-decorators/testing';
import { PhoneData, PhoneRepository } from '../src/models-inferred.js';
import { createTable, decoratorMode, walkthrough } from '../src/walkthrough.js';

const { repositories, tableNames } = useTestTables({ phones: PhoneRepository });

it('runs on the engine of the global set-up, on a table of its own', () => {
  expect(process.env['DYNAMODB_TEST_ENGINE']).toBe('dynalite');
  expect(tableNames['phonebook-table']).toMatch(/^phonebook-table_\d+_\d+_[0-9a-f]{8}$/);
  expect(repositories.phones.tableName).toBe(tableNames['phonebook-table']);
});

it('runs the phonebook walk-through', async () => {
  const lines = [
    `decorators: ${decoratorMode(PhoneData)}`,
    await createTable(repositories.phones),
    ...(await walkthrough(repositories.phones, PhoneData)),
  ];
  expect(lines).toEqual(JSON.parse(process.env['TOOLCHAIN_EXPECTED']!));
});
