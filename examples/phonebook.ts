import './quiet';
import {
  Attribute,
  Categorical,
  enumsOf,
  PartitionKey,
  RecordExistsError,
  RecordNotFoundError,
  RecordValidationError,
  Repository,
  Table,
  UnsupportedCapabilityError,
  where,
  type RepositoryOptions,
} from 'dynamodb-decorators';
import { reportFailure, startEngine } from './engine';
import { removeLeftovers } from './leftovers';

// The phonebook of the wiki page (phonebook_db.py), with decorators in place of the dataclass,
// @enumclass and @changevar.

const RELATIONSHIPS = ['PARENT', 'SIBLING', 'FRIEND', 'COLLEAGUE', 'ACQUAINTANCE'] as const;

@Table({ name: 'phonebook-table' })
export class PhoneData {
  @PartitionKey() person_id!: number;
  @Attribute() name!: string;
  @Attribute() phone_number!: string;
  // Typed as the union of the values, so PhoneEnums.Relationship is typed exactly.
  @Categorical(RELATIONSHIPS) relationship!: (typeof RELATIONSHIPS)[number];
  @Attribute() timestamp!: string;
}

export const PhoneEnums = enumsOf(PhoneData);

export class PhoneRepository extends Repository<PhoneData> {
  constructor(options?: RepositoryOptions) {
    super(PhoneData, options);
  }
}

const { Attribute: Attr, Relationship } = PhoneEnums;
const now = (): string => new Date().toISOString();

async function main(): Promise<void> {
  const engine = await startEngine();
  try {
    let step = 0;
    const say = (text: string): void => console.log(`${++step}. ${text}`);
    const show = (label: string, record: PhoneData): void => console.log(`   ${label.padEnd(8)} ${describe(record)}`);
    const phones = new PhoneRepository({ client: engine.client });

    say(`Engine: ${engine.engineName}`);

    const { created } = await phones.createTable();
    say(`createTable('${phones.tableName}'): created ${created}`);
    await removeLeftovers(phones, [1, 2, 3]);

    say('createRecord from a model instance, then from plain attributes');
    const ada = Object.assign(new PhoneData(), {
      person_id: 1,
      name: 'Ada Lovelace',
      phone_number: '+44 20 7946 0001',
      relationship: Relationship.FRIEND,
      timestamp: now(),
    });
    show('created', await phones.createRecord(ada));
    show(
      'created',
      await phones.createRecord({
        person_id: 2,
        name: 'Alan Turing',
        phone_number: '+44 20 7946 0002',
        relationship: Relationship.ACQUAINTANCE,
        timestamp: now(),
      }),
    );
    show(
      'created',
      await phones.createRecord({
        person_id: 3,
        name: 'Grace Hopper',
        phone_number: '+1 212 555 0003',
        relationship: Relationship.FRIEND,
        timestamp: now(),
      }),
    );

    say('getRecord(1)');
    const fetched = await phones.getRecord(1);
    show('got', fetched);
    console.log(`   an instance of PhoneData: ${fetched instanceof PhoneData}`);

    say('updateRecord(2, { phone_number, relationship }): only these attributes change');
    show('before', await phones.getRecord(2));
    show(
      'after',
      await phones.updateRecord(2, { phone_number: '+44 20 7946 0022', relationship: Relationship.COLLEAGUE }),
    );

    say(`createGsi(PhoneEnums.Attribute.RELATIONSHIP), then list the ${Relationship.FRIEND} contacts through it`);
    await listByRelationship(phones, Relationship.FRIEND);

    say('deleteRecord(3)');
    show('deleted', await phones.deleteRecord(3));

    say('What the repository refuses');
    await refused('create id 1 again', RecordExistsError, () => phones.createRecord({ ...ada, name: 'Someone Else' }));
    // TypeScript rejects this value in code; input from outside (a form, a queue) is checked at run time.
    const fromForm = JSON.parse(
      '{"person_id":4,"name":"Ed","phone_number":"555","relationship":"COWORKER","timestamp":"2026-01-01"}',
    ) as PhoneData;
    await refused('bad relationship', RecordValidationError, () => phones.createRecord(fromForm));
    await refused('get id 3', RecordNotFoundError, () => phones.getRecord(3));
  } finally {
    await engine.stop();
  }
}

/** One line per record: `#1 Ada Lovelace, +44 20 7946 0001, FRIEND, 2026-05-01T09:30:00.000Z`. */
function describe(record: PhoneData): string {
  return `#${record.person_id} ${record.name}, ${record.phone_number}, ${record.relationship}, ${record.timestamp}`;
}

async function listByRelationship(phones: PhoneRepository, relationship: PhoneData['relationship']): Promise<void> {
  let found: AsyncIterable<PhoneData>;
  try {
    const { created } = await phones.createGsi(Attr.RELATIONSHIP);
    console.log(
      `   index '${Attr.RELATIONSHIP}' created ${created}, ACTIVE; query({ relationship: '${relationship}' }) on it`,
    );
    found = phones.query({ relationship }, { index: Attr.RELATIONSHIP });
  } catch (error) {
    if (!(error instanceof UnsupportedCapabilityError)) throw error;
    console.log(
      `   no index on this engine (${error.name}: it never builds one on an existing table); a filtered scan instead`,
    );
    found = phones.scan({ filter: where(Attr.RELATIONSHIP).eq(relationship) });
  }
  const records: PhoneData[] = [];
  for await (const record of found) records.push(record);
  for (const record of records.sort((a, b) => a.person_id - b.person_id))
    console.log(`   ${'found'.padEnd(8)} ${describe(record)}`);
}

/** Runs an action that must fail with `ErrorClass`, and prints the error's message. */
async function refused(
  what: string,
  ErrorClass: new (...args: never[]) => Error,
  action: () => Promise<unknown>,
): Promise<void> {
  try {
    await action();
  } catch (error) {
    if (!(error instanceof ErrorClass)) throw error;
    console.log(`   ${what}: ${error.name}: ${error.message}`);
    return;
  }
  throw new Error(`${what}: expected a ${ErrorClass.name}, but it succeeded.`);
}

main().catch(reportFailure);
