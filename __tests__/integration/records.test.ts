import { GetItemCommand, PutItemCommand } from '@aws-sdk/client-dynamodb';
import {
  Attribute,
  enumsOf,
  OrmError,
  PartitionKey,
  RecordExistsError,
  RecordNotFoundError,
  RecordValidationError,
  Repository,
  SchemaError,
  SortKey,
  Table,
} from '../../lib';
import { AccountData, DerivedRecord, EdgeData, EventData, PhoneData, UserData } from '../fixtures/models';
import { engines, uniqueTableName } from '../helpers/engines';
import { recordingClient } from '../helpers/recordRequests';

/** userId and user_id both give the enum key USER_ID: an error of enumsOf alone. */
@Table({ name: 'clashing-enums' })
class ClashingEnumsData {
  @PartitionKey() userId!: string;
  @SortKey() user_id!: string;
  @Attribute() note!: string;
}

const ada = {
  person_id: 1,
  name: 'Ada',
  phone_number: '555-0100',
  relationship: 'FRIEND',
  timestamp: '2026-11-24T10:00:00Z',
} as const;

describe.each(engines)('records on $name', (engine) => {
  let phones: Repository<PhoneData>;

  beforeAll(async () => {
    phones = new Repository(PhoneData, { client: engine.client(), tableName: uniqueTableName('records') });
    await phones.createTable();
  });

  async function repoFor<M extends object>(model: new () => M): Promise<Repository<M>> {
    const repo = new Repository(model, { client: engine.client(), tableName: uniqueTableName(model.name) });
    await repo.createTable();
    return repo;
  }

  describe('createRecord', () => {
    it('stores a plain object and returns a model instance', async () => {
      const stored = await phones.createRecord({ ...ada, person_id: 101 });
      expect(stored).toBeInstanceOf(PhoneData);
      expect({ ...stored }).toEqual({ ...ada, person_id: 101 });
      expect({ ...(await phones.getRecord(101)) }).toEqual({ ...ada, person_id: 101 });
    });

    it('stores a model instance, own undefined fields and all', async () => {
      const instance = Object.assign(new PhoneData(), { ...ada, person_id: 102 });
      const stored = await phones.createRecord(instance);
      expect(stored).toBeInstanceOf(PhoneData);
      expect(stored).not.toBe(instance);
      expect((await phones.getRecord(102)).name).toBe('Ada');
    });

    it('never overwrites: a taken key is RecordExistsError and the stored record is unchanged', async () => {
      await phones.createRecord({ ...ada, person_id: 103 });
      const error = await phones
        .createRecord({ ...ada, person_id: 103, name: 'Mallory' })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RecordExistsError);
      expect(error).toBeInstanceOf(OrmError);
      expect(error).toMatchObject({ modelName: 'PhoneData', key: { person_id: 103 } });
      expect((error as Error).cause).toMatchObject({ name: 'ConditionalCheckFailedException' });
      expect((await phones.getRecord(103)).name).toBe('Ada');
    });

    it('sends nothing when the record is invalid, and lists every failing attribute', async () => {
      const { client, sent } = recordingClient(engine.endpoint);
      const repo = new Repository(PhoneData, { client, tableName: phones.tableName });
      const bad = { person_id: '104', name: null, relationship: 'ENEMY', timestamp: 't', nickname: 'x' };
      const error = await repo.createRecord(bad as never).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RecordValidationError);
      expect((error as RecordValidationError).issues.map((issue) => issue.attribute).sort()).toEqual(
        ['name', 'nickname', 'person_id', 'phone_number', 'relationship'].sort(),
      );
      expect(sent).toEqual([]);
      await expect(phones.getRecord(104)).rejects.toThrow(RecordNotFoundError);
      client.destroy();
    });

    it("runs the model's class-validator constraints", async () => {
      const users = await repoFor(UserData);
      await expect(users.createRecord({ user_id: 'u1', email: 'not-an-email', timestamp: 't' })).rejects.toThrow(
        /email.*email/,
      );
      await expect(users.getRecord('u1')).rejects.toThrow(RecordNotFoundError);
      expect((await users.createRecord({ user_id: 'u1', email: 'ada@example.com', timestamp: 't' })).email).toBe(
        'ada@example.com',
      );
      const accounts = await repoFor(AccountData);
      await expect(
        accounts.createRecord({ account_id: 'a', email: 'a@example.com', nickname: 'x' }),
      ).rejects.toMatchObject({
        issues: [expect.objectContaining({ attribute: 'nickname' })],
      });
    });
  });

  describe('getRecord', () => {
    it('a missing id is RecordNotFoundError naming the key', async () => {
      await expect(phones.getRecord(999)).rejects.toThrow(new RecordNotFoundError('PhoneData', { person_id: 999 }));
    });

    it('an id of the wrong type is RecordValidationError, and nothing is sent', async () => {
      const { client, sent } = recordingClient(engine.endpoint);
      const repo = new Repository(PhoneData, { client, tableName: phones.tableName });
      await expect(repo.getRecord('1')).rejects.toMatchObject({
        issues: [{ attribute: 'person_id', received: 'string' }],
      });
      await expect(repo.getRecord({ person_id: 1, name: 'Ada' })).rejects.toThrow(/name .*not a key attribute/);
      expect(sent).toEqual([]);
      client.destroy();
    });

    it('reads strongly consistent when asked', async () => {
      await phones.createRecord({ ...ada, person_id: 105 });
      expect((await phones.getRecord(105, { consistent: true })).name).toBe('Ada');
    });
  });

  describe('updateRecord', () => {
    it('sets only the given attributes and returns the updated record', async () => {
      await phones.createRecord({ ...ada, person_id: 201 });
      const updated = await phones.updateRecord(201, { phone_number: '555-0199' });
      expect(updated).toBeInstanceOf(PhoneData);
      expect({ ...updated }).toEqual({ ...ada, person_id: 201, phone_number: '555-0199' });
      expect({ ...(await phones.getRecord(201)) }).toEqual({ ...ada, person_id: 201, phone_number: '555-0199' });
    });

    it('never upserts: a missing id is RecordNotFoundError and no record appears', async () => {
      await expect(phones.updateRecord(202, { name: 'Ghost' })).rejects.toThrow(RecordNotFoundError);
      await expect(phones.getRecord(202)).rejects.toThrow(RecordNotFoundError);
    });

    it('rejects empty changes, a key change, unknown attributes and bad values before sending', async () => {
      const { client, sent } = recordingClient(engine.endpoint);
      const repo = new Repository(PhoneData, { client, tableName: phones.tableName });
      await expect(repo.updateRecord(1, {})).rejects.toThrow(RecordValidationError);
      await expect(repo.updateRecord(1, { name: undefined })).rejects.toThrow(/at least one/);
      await expect(repo.updateRecord(1, { person_id: 2 })).rejects.toThrow(/person_id .*partition key/);
      await expect(repo.updateRecord(1, { relationship: 'ENEMY' } as never)).rejects.toThrow(
        /relationship .*one of PARENT/,
      );
      await expect(repo.updateRecord(1, { name: null })).rejects.toThrow(/name .*required/);
      await expect(repo.updateRecord(1, { shoe_size: 9 } as never)).rejects.toThrow(/shoe_size .*not an attribute/);
      expect(sent).toEqual([]);
      client.destroy();
    });

    it('refuses an update whose values alone exceed 400 KB, naming the attribute, before sending', async () => {
      const { client, sent } = recordingClient(engine.endpoint);
      const repo = new Repository(PhoneData, { client, tableName: phones.tableName });
      await expect(repo.updateRecord(1, { name: 'x'.repeat(400 * 1024) })).rejects.toMatchObject({
        issues: [expect.objectContaining({ attribute: 'name' })],
      });
      expect(sent).toEqual([]);
      client.destroy();
    });

    it('checks class-validator constraints on the changed attributes only', async () => {
      const users = await repoFor(UserData);
      await users.createRecord({ user_id: 'u2', email: 'bo@example.com', timestamp: 't' });
      await expect(users.updateRecord('u2', { email: 'nope' })).rejects.toThrow(RecordValidationError);
      expect((await users.updateRecord('u2', { timestamp: 't2' })).email).toBe('bo@example.com');
    });
  });

  describe('deleteRecord', () => {
    it('returns the deleted record, after which it is gone', async () => {
      await phones.createRecord({ ...ada, person_id: 301 });
      const deleted = await phones.deleteRecord(301);
      expect(deleted).toBeInstanceOf(PhoneData);
      expect(deleted.name).toBe('Ada');
      await expect(phones.getRecord(301)).rejects.toThrow(RecordNotFoundError);
    });

    it('a missing id is RecordNotFoundError', async () => {
      await expect(phones.deleteRecord(302)).rejects.toThrow(RecordNotFoundError);
    });
  });

  describe('attribute names and types', () => {
    it('reserved words and names with -, . and spaces work in create, update and get', async () => {
      const edges = await repoFor(EdgeData);
      await edges.createRecord({ id: 'e1', name: 'n', status: 's', 'first-name': 'f', 'a.b': 'ab', 'x y': 'xy' });
      const updated = await edges.updateRecord('e1', {
        name: 'n2',
        status: 's2',
        'first-name': 'f2',
        'a.b': 'ab2',
        'x y': 'xy2',
      });
      expect(updated).toMatchObject({ name: 'n2', status: 's2', 'first-name': 'f2', 'a.b': 'ab2', 'x y': 'xy2' });
      const { Item: raw } = await engine
        .client()
        .send(new GetItemCommand({ TableName: edges.tableName, Key: { id: { S: 'e1' } } }));
      expect(Object.keys(raw ?? {}).sort()).toEqual(['a.b', 'first-name', 'id', 'name', 'status', 'x y']);
    });

    it('every declared type round-trips exactly, numbers without precision loss', async () => {
      const edges = await repoFor(EdgeData);
      const record = {
        id: 'e2',
        name: 'ñ 名前 🎉',
        status: '',
        'first-name': 'f',
        'a.b': 'ab',
        'x y': 'xy',
        count: 0.1 + 0.2,
        big: 123456789012345678901234567890123456n,
        flag: false,
        when: new Date('2026-11-24T12:34:56.789Z'),
        bytes: new Uint8Array([0, 1, 255]),
        list: [1, 'two', null, { three: [3] }, true],
        map: { nested: { deeper: 'x', n: -1.5 }, empty: {} },
        tags: new Set(['a', 'b']),
        scores: new Set([1, 2.5]),
        data_source: 'HIGH',
      };
      await edges.createRecord(record);
      const read = await edges.getRecord('e2');
      expect(read).toBeInstanceOf(EdgeData);
      expect({ ...read, bytes: Array.from(read.bytes ?? []) }).toEqual({ ...record, bytes: [0, 1, 255] });
    });

    it('null removes an optional attribute; undefined leaves it alone', async () => {
      const edges = await repoFor(EdgeData);
      await edges.createRecord({
        id: 'e3',
        name: 'n',
        status: 's',
        'first-name': 'f',
        'a.b': 'ab',
        'x y': 'xy',
        count: 3,
        flag: true,
      });
      const updated = await edges.updateRecord('e3', { count: null, flag: undefined, name: 'n2' });
      expect(updated).not.toHaveProperty('count');
      expect(updated.flag).toBe(true);
    });
  });

  it('composite keys: the id names both key attributes; a missing sort key is a validation error', async () => {
    const events = await repoFor(EventData);
    await events.createRecord({ device_id: 'd1', at: 1, kind: 'boot' });
    await events.createRecord({ device_id: 'd1', at: 2, kind: 'ping' });
    expect((await events.getRecord({ device_id: 'd1', at: 2 })).kind).toBe('ping');
    expect((await events.updateRecord({ device_id: 'd1', at: 1 }, { kind: 'reboot' })).kind).toBe('reboot');
    await expect(events.getRecord('d1')).rejects.toThrow(/at is required \(the table has a sort key/);
    await expect(events.createRecord({ device_id: 'd1', at: 2, kind: 'again' })).rejects.toThrow(RecordExistsError);
    await expect(events.deleteRecord({ device_id: 'd1', at: 3 })).rejects.toThrow(RecordNotFoundError);
    expect((await events.deleteRecord({ device_id: 'd1', at: 1 })).kind).toBe('reboot');
  });

  it('attributes the model does not declare are not read, and survive updates in the table', async () => {
    await engine.client().send(
      new PutItemCommand({
        TableName: phones.tableName,
        Item: {
          person_id: { N: '401' },
          name: { S: 'Ada' },
          phone_number: { S: '1' },
          relationship: { S: 'FRIEND' },
          timestamp: { S: 't' },
          legacy_note: { S: 'keep me' },
        },
      }),
    );
    const read = await phones.getRecord(401);
    expect(read).not.toHaveProperty('legacy_note');
    await phones.updateRecord(401, { name: 'Ada L.' });
    const { Item: raw } = await engine
      .client()
      .send(new GetItemCommand({ TableName: phones.tableName, Key: { person_id: { N: '401' } } }));
    expect(raw?.['legacy_note']).toEqual({ S: 'keep me' });
    expect(raw?.['name']).toEqual({ S: 'Ada L.' });
  });

  it('a model that extends another stores the inherited attributes too', async () => {
    const derived = await repoFor(DerivedRecord);
    const stored = await derived.createRecord({ id: 'd', created: 'c', extra: 7 });
    expect(stored).toBeInstanceOf(DerivedRecord);
    expect({ ...(await derived.getRecord('d')) }).toEqual({ id: 'd', created: 'c', extra: 7 });
  });

  it('a model whose enum names clash (userId, user_id) does CRUD and queries; only enumsOf fails, naming both', async () => {
    const clashing = await repoFor(ClashingEnumsData);
    const id = { userId: 'u1', user_id: 'a' };
    expect(await clashing.createRecord({ ...id, note: 'first' })).toBeInstanceOf(ClashingEnumsData);
    await clashing.createRecord({ userId: 'u1', user_id: 'b', note: 'second' });
    expect({ ...(await clashing.getRecord(id)) }).toEqual({ ...id, note: 'first' });
    expect(await clashing.updateRecord(id, { note: 'changed' })).toMatchObject({ note: 'changed' });
    const found: string[] = [];
    for await (const record of clashing.query({ userId: 'u1' })) found.push(record.user_id);
    expect(found).toEqual(['a', 'b']);
    expect({ ...(await clashing.deleteRecord(id)) }).toEqual({ ...id, note: 'changed' });
    await expect(clashing.getRecord(id)).rejects.toBeInstanceOf(RecordNotFoundError);
    const reason =
      'attributes userId and user_id give the same enum key USER_ID in enumsOf(ClashingEnumsData).Attribute.';
    expect(() => enumsOf(ClashingEnumsData)).toThrow(SchemaError);
    expect(() => enumsOf(ClashingEnumsData)).toThrow(`ClashingEnumsData.user_id: ${reason}`);
    expect(() => clashing.enums).toThrow(`ClashingEnumsData.user_id: ${reason}`);
  });
});
