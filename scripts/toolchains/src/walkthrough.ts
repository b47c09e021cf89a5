// The phonebook walk-through every entry of the toolchain matrix runs, as lines to compare with
// scripts/toolchains/expected.txt: whatever compiled it, the output must be the same.
import 'reflect-metadata';
import { RecordNotFoundError, RecordValidationError, type Repository } from 'dynamodb-decorators';
import type { Relationship } from './relationships.js';

/** The shape both models share. */
export interface Phone {
  person_id: number;
  name: string;
  phone_number: string;
  relationship: Relationship;
  timestamp: string;
}

const TIMESTAMP = '2026-05-01T09:30:00.000Z';

/** How the compiler in use recorded the model's decorators: the line the matrix checks per toolchain. */
export function decoratorMode(Model: abstract new () => Phone): string {
  const metadataKey = (Symbol as { metadata?: symbol }).metadata ?? Symbol.for('Symbol.metadata');
  if (Object.hasOwn(Model, metadataKey) && (Model as unknown as Record<symbol, unknown>)[metadataKey] != null) {
    return 'standard';
  }
  const emitted = Reflect.getMetadata('design:type', Model.prototype, 'name') === String;
  return emitted ? 'legacy, design:type emitted' : 'legacy, no design:type';
}

/** Whether this code runs as CommonJS or as an ES module (where Node defines no `require`). */
export function moduleKind(): string {
  return typeof require === 'function' ? 'commonjs' : 'esm';
}

/** Creates the table, or says the test helpers did: the walk-through's createTable line. */
export async function createTable(phones: Repository<Phone>): Promise<string> {
  const { created } = await phones.createTable();
  return `createTable: ${created ? 'created' : 'exists'}`;
}

/** createRecord, getRecord, updateRecord, a query through the declared GSI, deleteRecord, and what is refused. */
export async function walkthrough(phones: Repository<Phone>, Model: abstract new () => Phone): Promise<string[]> {
  const lines = [`table: ${describeTable(phones)}`];
  const people: Phone[] = [
    {
      person_id: 1,
      name: 'Ada Lovelace',
      phone_number: '+44 20 7946 0001',
      relationship: 'FRIEND',
      timestamp: TIMESTAMP,
    },
    {
      person_id: 2,
      name: 'Alan Turing',
      phone_number: '+44 20 7946 0002',
      relationship: 'ACQUAINTANCE',
      timestamp: TIMESTAMP,
    },
    {
      person_id: 3,
      name: 'Grace Hopper',
      phone_number: '+1 212 555 0003',
      relationship: 'FRIEND',
      timestamp: TIMESTAMP,
    },
  ];
  for (const person of people) lines.push(`createRecord: ${describe(await phones.createRecord(person))}`);

  const ada = await phones.getRecord(1);
  lines.push(`getRecord(1): ${ada instanceof Model ? 'a PhoneData' : 'NOT a PhoneData'}, ${describe(ada)}`);
  const alan = await phones.updateRecord(2, { phone_number: '+44 20 7946 0022', relationship: 'COLLEAGUE' });
  lines.push(`updateRecord(2): ${describe(alan)}`);

  const friends: Phone[] = [];
  for await (const friend of phones.query({ relationship: 'FRIEND' }, { index: 'byRelationship' }))
    friends.push(friend);
  friends.sort((a, b) => a.person_id - b.person_id);
  lines.push(`query byRelationship FRIEND: ${friends.map((f) => `#${f.person_id} ${f.name}`).join(', ')}`);

  lines.push(`deleteRecord(3): ${describe(await phones.deleteRecord(3))}`);
  lines.push(`getRecord(3): ${await failure(() => phones.getRecord(3), RecordNotFoundError)}`);
  // Input from outside (a form, a queue) is checked at run time against every attribute's type, inferred
  // or given, whatever the compiler let through: each attribute here has a value of another type.
  const fromForm = JSON.parse(
    '{"person_id":"4","name":42,"phone_number":true,"relationship":"COWORKER","timestamp":5}',
  ) as Phone;
  lines.push(`createRecord(form): ${await failure(() => phones.createRecord(fromForm), RecordValidationError)}`);
  return lines;
}

function describe(phone: Phone): string {
  return `#${phone.person_id} ${phone.name}, ${phone.phone_number}, ${phone.relationship}`;
}

/** The keys and indexes of the table definition createTable sends, with their DynamoDB types. */
function describeTable(phones: Repository<Phone>): string {
  const { KeySchema = [], AttributeDefinitions = [], GlobalSecondaryIndexes = [] } = phones.tableDefinition();
  const keys = (schema: typeof KeySchema): string =>
    schema
      .map(({ AttributeName, KeyType }) => {
        const type = AttributeDefinitions.find(
          (definition) => definition.AttributeName === AttributeName,
        )?.AttributeType;
        return `${AttributeName} ${KeyType} ${type}`;
      })
      .join(', ');
  const indexes = GlobalSecondaryIndexes.map((index) => `index ${index.IndexName} on ${keys(index.KeySchema ?? [])}`);
  return [`key ${keys(KeySchema)}`, ...indexes].join('; ');
}

/**
 * The error's name (as the package sets it, whatever a bundler renamed its classes to) and the
 * attributes it names, when `action` fails with an instance of the package's `ErrorClass`.
 */
async function failure(
  action: () => Promise<unknown>,
  ErrorClass: abstract new (...args: never[]) => Error,
): Promise<string> {
  try {
    await action();
  } catch (error) {
    if (!(error instanceof Error)) throw error;
    const issues =
      error instanceof RecordValidationError ? ` on ${error.issues.map((i) => i.attribute).join(', ')}` : '';
    const kind =
      error instanceof ErrorClass ? "an instance of the package's class" : 'NOT an instance of the expected class';
    return `${error.name}${issues}, ${kind}`;
  }
  throw new Error('expected an error, but the call succeeded');
}
