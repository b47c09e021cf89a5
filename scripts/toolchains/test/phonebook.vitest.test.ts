// The walk-through as a user's vitest test: the engine from the package's vitest global set-up, its
// endpoint by inject(), and the table from testTables (created in beforeAll, deleted in afterAll).
import { afterAll, beforeAll, expect, inject, it } from 'vitest';
import { testTables } from 'dynamodb-decorators/testing';
import { PhoneData, PhoneRepository } from '../src/models-explicit.js';
import { createTable, decoratorMode, walkthrough } from '../src/walkthrough.js';

const tables = testTables({ phones: PhoneRepository }, { endpoint: inject('dynamodbEndpoint') });
beforeAll(() => tables.create());
afterAll(() => tables.delete());

it('runs on the engine of the global set-up, on a table of its own', () => {
  expect(inject('dynamodbEngine')).toBe('dynalite');
  expect(tables.tableNames['phonebook-table']).toMatch(/^phonebook-table_\d+_\d+_[0-9a-f]{8}$/);
});

it('runs the phonebook walk-through', async () => {
  const { phones } = tables.repositories;
  const lines = [
    `decorators: ${decoratorMode(PhoneData)}`,
    await createTable(phones),
    ...(await walkthrough(phones, PhoneData)),
  ];
  expect(lines).toEqual(JSON.parse(process.env['TOOLCHAIN_EXPECTED']!));
});

declare module 'vitest' {
  export interface ProvidedContext {
    dynamodbEndpoint: string;
    dynamodbEngine: 'dynamodb-local' | 'dynalite';
  }
}
