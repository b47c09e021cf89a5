// Models written with TC39 standard decorators (this file and its fixtures compile with swc's
// decoratorVersion 2022-03 and no metadata, see jest.config.js) work end to end on each engine:
// createTable with a declared GSI, create, get, update, delete, a GSI query, and lifecycle
// attributes whose types only their decorators imply.
import {
  Attribute,
  ConditionFailedError,
  CreatedAt,
  PartitionKey,
  RecordExistsError,
  RecordNotFoundError,
  Repository,
  Table,
  UpdatedAt,
  Version,
} from '../../lib';
import { PhoneData, StatusQueryData } from '../fixtures/models.standard';
import { engines, uniqueTableName } from '../helpers/engines';
import { collect } from '../helpers/queryData';

@Table({ name: 'standard-tasks' })
class TaskData {
  @PartitionKey({ type: 'string' }) task_id!: string;
  @Attribute({ type: 'string' }) title!: string;
  @Version() version!: number;
  @CreatedAt() created_at!: Date;
  @UpdatedAt() updated_at!: Date;
}

const ada = {
  person_id: 1,
  name: 'Ada',
  phone_number: '555-0100',
  relationship: 'FRIEND',
  timestamp: '2026-11-24T10:00:00Z',
} as const;

describe.each(engines)('standard-decorator models on $name', (engine) => {
  let phones: Repository<PhoneData>;
  let statuses: Repository<StatusQueryData>;
  let tasks: Repository<TaskData>;

  beforeAll(async () => {
    const client = engine.client();
    phones = new Repository(PhoneData, { client, tableName: uniqueTableName('standard_phones') });
    statuses = new Repository(StatusQueryData, { client, tableName: uniqueTableName('standard_statuses') });
    tasks = new Repository(TaskData, { client, tableName: uniqueTableName('standard_tasks') });
    await Promise.all([phones.createTable(), statuses.createTable(), tasks.createTable()]);
  });

  it('creates the table with the keys and the GSI the decorators declare', () => {
    expect(phones.tableDefinition()).toMatchObject({
      KeySchema: [{ AttributeName: 'person_id', KeyType: 'HASH' }],
      AttributeDefinitions: [{ AttributeName: 'person_id', AttributeType: 'N' }],
    });
    expect(statuses.tableDefinition().GlobalSecondaryIndexes?.map((index) => index.IndexName)).toEqual([
      'byStatus',
      'byName',
    ]);
  });

  it('creates, gets, updates and deletes records as model instances', async () => {
    const created = await phones.createRecord(ada);
    expect(created).toBeInstanceOf(PhoneData);
    expect({ ...created }).toEqual(ada);
    await expect(phones.createRecord({ ...ada, name: 'Mallory' })).rejects.toBeInstanceOf(RecordExistsError);

    const read = await phones.getRecord(1);
    expect(read).toBeInstanceOf(PhoneData);
    expect({ ...read }).toEqual(ada);

    const updated = await phones.updateRecord(1, { phone_number: '555-0199', relationship: 'COLLEAGUE' });
    expect({ ...updated }).toEqual({ ...ada, phone_number: '555-0199', relationship: 'COLLEAGUE' });

    const deleted = await phones.deleteRecord(1);
    expect(deleted.phone_number).toBe('555-0199');
    await expect(phones.getRecord(1)).rejects.toBeInstanceOf(RecordNotFoundError);
  });

  it('checks values against the explicit types before sending', async () => {
    await expect(
      phones.createRecord({ ...ada, person_id: 'one' as unknown as number, relationship: 'ENEMY' as never }),
    ).rejects.toMatchObject({
      name: 'RecordValidationError',
      issues: [
        expect.objectContaining({ attribute: 'person_id', received: 'string' }),
        expect.objectContaining({ attribute: 'relationship' }),
      ],
    });
  });

  it('queries the declared GSI in sort key order', async () => {
    const rows = [
      { request_id: 'r1', status: 'STARTED', timestamp: '2026-01-01T00:00:03Z', name: 'c' },
      { request_id: 'r2', status: 'FAILED', timestamp: '2026-01-01T00:00:02Z', name: 'b' },
      { request_id: 'r3', status: 'STARTED', timestamp: '2026-01-01T00:00:01Z', name: 'a', retries: 2 },
    ] as const;
    for (const row of rows) await statuses.createRecord(row);
    const started = await collect(statuses.query({ status: 'STARTED' }, { index: 'byStatus' }));
    expect(started.map((record) => record.request_id)).toEqual(['r3', 'r1']);
    expect(started.every((record) => record instanceof StatusQueryData)).toBe(true);
    expect(started[0]?.retries).toBe(2);
  });

  it('writes lifecycle attributes with the types their decorators imply', async () => {
    const created = await tasks.createRecord({ task_id: 't1', title: 'write tests' });
    expect(created.version).toBe(1);
    expect(created.created_at).toBeInstanceOf(Date);
    expect(created.updated_at).toBeInstanceOf(Date);
    const updated = await tasks.updateRecord('t1', { title: 'run tests' }, { expectedVersion: 1 });
    expect(updated.version).toBe(2);
    expect(updated.created_at).toEqual(created.created_at);
    await expect(tasks.updateRecord('t1', { title: 'stale' }, { expectedVersion: 1 })).rejects.toBeInstanceOf(
      ConditionFailedError,
    );
  });
});
