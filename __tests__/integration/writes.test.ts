import { DescribeTableCommand, DescribeTimeToLiveCommand, GetItemCommand } from '@aws-sdk/client-dynamodb';
import 'reflect-metadata';
import {
  add,
  addToSet,
  append,
  Attribute,
  Categorical,
  ConditionFailedError,
  CreatedAt,
  deleteFromSet,
  GlobalIndex,
  ifNotExists,
  LocalIndex,
  not,
  or,
  PartitionKey,
  prepend,
  RecordExistsError,
  RecordNotFoundError,
  RecordValidationError,
  remove,
  removeIn,
  Repository,
  SchemaError,
  setIn,
  SortKey,
  Table,
  Ttl,
  UnsupportedCapabilityError,
  UpdatedAt,
  Version,
  where,
} from '../../lib';
import { engines, uniqueTableName } from '../helpers/engines';
import { recordingClient } from '../helpers/recordRequests';

const STATUSES = ['STARTED', 'IN_PROGRESS', 'SUCCESS', 'FAILED'] as const;

@Table({ name: 'jobs' })
class JobData {
  @PartitionKey() job_id!: string;
  @Categorical(STATUSES) @GlobalIndex('byStatus', { sortKey: 'timestamp' }) status!: (typeof STATUSES)[number];
  @Attribute() timestamp!: string;
  @Attribute({ optional: true }) retries?: number;
  @Attribute({ optional: true }) note?: string;
  @Attribute({ type: 'stringSet', optional: true }) tags?: Set<string>;
  @Attribute({ optional: true }) history?: string[];
  @Attribute({ type: 'map', optional: true }) meta?: Record<string, unknown>;
  @Version() version!: number;
  @CreatedAt() created_at!: Date;
  @UpdatedAt() updated_at!: Date;
}

@Table({ name: 'sessions' })
class SessionData {
  @PartitionKey() session_id!: string;
  @Ttl() expires_at?: Date;
}

@Table({ name: 'readings' })
class ReadingData {
  @PartitionKey() sensor!: string;
  @SortKey() at!: number;
  @LocalIndex('byValue') value!: number; // an index key is an attribute without @Attribute()
}

const job = (job_id: string) => ({ job_id, status: 'STARTED' as const, timestamp: '2026-11-24T10:00:00Z' });

describe.each(engines)('writes on $name', (engine) => {
  let jobs: Repository<JobData>;

  beforeAll(async () => {
    jobs = new Repository(JobData, { client: engine.client(), tableName: uniqueTableName('jobs') });
    await jobs.createTable();
  });

  describe('conditions on writes', () => {
    it('a condition that holds lets the write through; one that fails is ConditionFailedError with the current record', async () => {
      await jobs.createRecord(job('c1'));
      const moved = await jobs.updateRecord(
        'c1',
        { status: 'IN_PROGRESS' },
        { condition: where('status').eq('STARTED') },
      );
      expect(moved.status).toBe('IN_PROGRESS');
      const error = await jobs
        .updateRecord('c1', { status: 'IN_PROGRESS' }, { condition: where('status').eq('STARTED') })
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(ConditionFailedError);
      expect((error as ConditionFailedError).item).toBeInstanceOf(JobData);
      expect((error as ConditionFailedError).item).toMatchObject({ job_id: 'c1', status: 'IN_PROGRESS' });
    });

    it('a FAILED job can never go back to IN_PROGRESS', async () => {
      await jobs.createRecord(job('c2'));
      await jobs.updateRecord('c2', { status: 'FAILED' });
      const guard = not(where('status').in(['SUCCESS', 'FAILED']));
      await expect(jobs.updateRecord('c2', { status: 'IN_PROGRESS' }, { condition: guard })).rejects.toThrow(
        ConditionFailedError,
      );
      expect((await jobs.getRecord('c2')).status).toBe('FAILED');
    });

    it('a conditional update of a missing record is still RecordNotFoundError, and creates nothing', async () => {
      await expect(
        jobs.updateRecord('c3', { note: 'x' }, { condition: where('status').eq('STARTED') }),
      ).rejects.toThrow(RecordNotFoundError);
      await expect(jobs.getRecord('c3')).rejects.toThrow(RecordNotFoundError);
    });

    it('conditional create: a taken key is RecordExistsError, a failed condition on a new key ConditionFailedError', async () => {
      await jobs.createRecord(job('c4'));
      await expect(jobs.createRecord(job('c4'), { condition: where('note').notExists() })).rejects.toThrow(
        RecordExistsError,
      );
      await expect(jobs.createRecord(job('c5'), { condition: where('note').exists() })).rejects.toThrow(
        ConditionFailedError,
      );
      await expect(jobs.getRecord('c5')).rejects.toThrow(RecordNotFoundError);
    });

    it('conditional delete keeps the record when the condition fails', async () => {
      await jobs.createRecord(job('c6'));
      await expect(jobs.deleteRecord('c6', { condition: where('status').eq('FAILED') })).rejects.toThrow(
        ConditionFailedError,
      );
      await jobs.updateRecord('c6', { status: 'FAILED' });
      expect(
        (await jobs.deleteRecord('c6', { condition: or(where('status').eq('FAILED'), where('retries').gt(3)) })).status,
      ).toBe('FAILED');
    });

    it('conditions on size, contains, begins_with, between and attribute_type', async () => {
      await jobs.createRecord({ ...job('c7'), tags: new Set(['gpu', 'big']), note: 'hello world', retries: 2 });
      const ok = (
        condition: Parameters<typeof where>[0] extends never
          ? never
          : ReturnType<typeof where> extends never
            ? never
            : import('../../lib').Condition,
      ) => jobs.updateRecord('c7', { retries: add(0) }, { condition });
      await expect(ok(where('tags').contains('gpu'))).resolves.toBeInstanceOf(JobData);
      await expect(ok(where('tags').size().eq(2))).resolves.toBeInstanceOf(JobData);
      await expect(ok(where('note').beginsWith('hello'))).resolves.toBeInstanceOf(JobData);
      await expect(ok(where('retries').between(1, 3))).resolves.toBeInstanceOf(JobData);
      await expect(ok(where('note').type('S'))).resolves.toBeInstanceOf(JobData);
      await expect(ok(where('note').contains('mars'))).rejects.toThrow(ConditionFailedError);
    });

    it('a bad condition is a RecordValidationError, and nothing is sent', async () => {
      const { client, sent } = recordingClient(engine.endpoint);
      const repo = new Repository(JobData, { client, tableName: jobs.tableName });
      await expect(repo.updateRecord('x', { note: 'n' }, { condition: where('nope').eq(1) })).rejects.toThrow(
        /nope .*not an attribute/,
      );
      await expect(repo.updateRecord('x', { note: 'n' }, { condition: where('retries').eq('3') })).rejects.toThrow(
        /retries .*must be a number/,
      );
      await expect(repo.updateRecord('x', { note: 'n' }, { condition: where('status').eq('STRATED') })).rejects.toThrow(
        /status .*one of/,
      );
      await expect(repo.deleteRecord('x', { condition: where(['note', 'deep']).exists() })).rejects.toThrow(
        /note\.deep .*no nested/,
      );
      await expect(repo.deleteRecord('x', { bogus: 1 } as never)).rejects.toThrow(/bogus .*not an option/);
      expect(sent).toEqual([]);
      client.destroy();
    });
  });

  describe('updates beyond SET', () => {
    it('add, addToSet, deleteFromSet, append, prepend, remove, ifNotExists and nested paths', async () => {
      await jobs.createRecord({
        ...job('u1'),
        retries: 1,
        tags: new Set(['a', 'b']),
        history: ['created'],
        note: 'n',
        meta: { owner: { name: 'ada' }, zip: '1' },
      });
      const updated = await jobs.updateRecord('u1', {
        retries: add(2),
        tags: addToSet('c'),
        history: append(['started']),
        note: remove(),
        meta: [setIn(['owner', 'name'], 'bo'), removeIn(['zip'])],
      });
      expect(updated.retries).toBe(3);
      expect(updated.tags).toEqual(new Set(['a', 'b', 'c']));
      expect(updated.history).toEqual(['created', 'started']);
      expect(updated).not.toHaveProperty('note');
      expect(updated.meta).toEqual({ owner: { name: 'bo' } });
      const again = await jobs.updateRecord('u1', {
        note: ifNotExists('first'),
        history: prepend(['queued']),
        tags: deleteFromSet('a'),
      });
      expect(again.note).toBe('first');
      expect(again.history).toEqual(['queued', 'created', 'started']);
      expect(again.tags).toEqual(new Set(['b', 'c']));
      expect((await jobs.updateRecord('u1', { note: ifNotExists('second') })).note).toBe('first');
    });

    it('append to an absent list and add to an absent counter start from empty and zero', async () => {
      await jobs.createRecord(job('u2'));
      const updated = await jobs.updateRecord('u2', { history: append(['x']), retries: add(5), tags: addToSet('t') });
      expect(updated).toMatchObject({ history: ['x'], retries: 5, tags: new Set(['t']) });
    });

    it('concurrent atomic counters sum exactly', async () => {
      await jobs.createRecord({ ...job('u3'), retries: 0 });
      await Promise.all(Array.from({ length: 40 }, () => jobs.updateRecord('u3', { retries: add(1) })));
      expect((await jobs.getRecord('u3', { consistent: true })).retries).toBe(40);
    });

    it('an action that does not fit the attribute is rejected before sending', async () => {
      const { client, sent } = recordingClient(engine.endpoint);
      const repo = new Repository(JobData, { client, tableName: jobs.tableName });
      await expect(repo.updateRecord('x', { note: add(1) })).rejects.toThrow(/note .*add\(\) needs a number or set/);
      await expect(repo.updateRecord('x', { tags: addToSet(1) })).rejects.toThrow(/tags .*Set of strings/);
      await expect(repo.updateRecord('x', { timestamp: remove() })).rejects.toThrow(/timestamp .*required/);
      await expect(repo.updateRecord('x', { history: append([]) })).rejects.toThrow(/at least one element/);
      await expect(repo.updateRecord('x', { tags: [addToSet('a'), deleteFromSet('b')] })).rejects.toThrow(
        /tags .*overlapping/,
      );
      await expect(repo.updateRecord('x', { meta: [setIn(['a'], 1), removeIn(['a', 'b'])] })).rejects.toThrow(
        /meta .*overlap/,
      );
      expect(sent).toEqual([]);
      client.destroy();
    });
  });

  describe('@Version, @CreatedAt, @UpdatedAt', () => {
    it('create sets version 1 and both times; update increments and moves updated_at only', async () => {
      const before = Date.now();
      const created = await jobs.createRecord(job('v1'));
      expect(created.version).toBe(1);
      expect(created.created_at).toBeInstanceOf(Date);
      expect(created.created_at.getTime()).toBeGreaterThanOrEqual(before);
      await new Promise((resolve) => setTimeout(resolve, 5));
      const updated = await jobs.updateRecord('v1', { note: 'x' });
      expect(updated.version).toBe(2);
      expect(updated.created_at).toEqual(created.created_at);
      expect(updated.updated_at.getTime()).toBeGreaterThan(created.updated_at.getTime());
    });

    it('an update carrying the version read succeeds once; a stale version is ConditionFailedError', async () => {
      await jobs.createRecord(job('v2'));
      const read = await jobs.getRecord('v2', { consistent: true });
      expect((await jobs.updateRecord('v2', { note: 'first' }, { expectedVersion: read.version })).version).toBe(2);
      const stale = await jobs
        .updateRecord('v2', { note: 'second' }, { expectedVersion: read.version })
        .catch((caught: unknown) => caught);
      expect(stale).toBeInstanceOf(ConditionFailedError);
      expect((stale as ConditionFailedError).item).toMatchObject({ version: 2, note: 'first' });
      await expect(jobs.deleteRecord('v2', { expectedVersion: 1 })).rejects.toThrow(ConditionFailedError);
      expect((await jobs.deleteRecord('v2', { expectedVersion: 2 })).note).toBe('first');
    });

    it('50 concurrent writers on one versioned record lose no update', async () => {
      await jobs.createRecord({ ...job('v3'), history: [] });
      const writers = Array.from({ length: 50 }, async (_, writer) => {
        const read = await jobs.getRecord('v3', { consistent: true });
        return jobs.updateRecord('v3', { history: append([`w${writer}`]) }, { expectedVersion: read.version });
      });
      const results = await Promise.allSettled(writers);
      const succeeded = results.filter((result) => result.status === 'fulfilled').length;
      const failed = results.filter((result) => result.status === 'rejected');
      expect(failed.every((result) => result.reason instanceof ConditionFailedError)).toBe(true);
      expect(succeeded).toBeGreaterThanOrEqual(1);
      const final = await jobs.getRecord('v3', { consistent: true });
      // the create wrote version 1; each successful update wrote the next one and one history entry
      expect(final.version).toBe(1 + succeeded);
      expect(final.history).toHaveLength(succeeded);
      expect(succeeded + failed.length).toBe(50);
    });

    it('the library owns the version and the creation time', async () => {
      await expect(jobs.createRecord({ ...job('v4'), version: 7 })).rejects.toThrow(/version .*@Version/);
      await expect(jobs.updateRecord('v4', { created_at: new Date() })).rejects.toThrow(/created_at .*@CreatedAt/);
      await expect(jobs.updateRecord('v4', { note: 'x' }, { expectedVersion: 1.5 })).rejects.toThrow(
        /expectedVersion .*whole number/,
      );
      await expect(jobs.updateRecord('v4', { version: 2 })).rejects.toThrow(/version .*expectedVersion option/);
    });
  });

  describe('createTable with declared indexes and TTL', () => {
    it('creates the declared global and local indexes with the table', async () => {
      const { Table: table } = await engine.client().send(new DescribeTableCommand({ TableName: jobs.tableName }));
      expect(
        table?.GlobalSecondaryIndexes?.map((index) => [
          index.IndexName,
          index.KeySchema?.map((key) => key.AttributeName),
        ]),
      ).toEqual([['byStatus', ['status', 'timestamp']]]);
      const readings = new Repository(ReadingData, { client: engine.client(), tableName: uniqueTableName('readings') });
      await readings.createTable();
      const { Table: withLocal } = await engine
        .client()
        .send(new DescribeTableCommand({ TableName: readings.tableName }));
      expect(withLocal?.LocalSecondaryIndexes?.map((index) => index.IndexName)).toEqual(['byValue']);
    });

    it('on an existing table: reports undeclared indexes, deletes nothing, and adds missing declared ones where the engine can', async () => {
      @Table({ name: 'jobs-lite' })
      class BareJob {
        @PartitionKey() job_id!: string;
        @Attribute() status!: string;
        @Attribute() timestamp!: string;
        @GlobalIndex('byTimestamp') @Attribute() owner!: string;
      }
      const tableName = uniqueTableName('reconcile');
      await new Repository(JobData, { client: engine.client(), tableName }).createTable();
      const bare = new Repository(BareJob, { client: engine.client(), tableName });
      if (engine.name === 'dynalite') {
        await expect(bare.createTable()).rejects.toThrow(UnsupportedCapabilityError);
      } else {
        expect(await bare.createTable()).toEqual({
          created: false,
          addedIndexes: ['byTimestamp'],
          undeclaredIndexes: ['byStatus'],
        });
        const { Table: table } = await engine.client().send(new DescribeTableCommand({ TableName: tableName }));
        expect(table?.GlobalSecondaryIndexes?.map((index) => index.IndexName).sort()).toEqual([
          'byStatus',
          'byTimestamp',
        ]);
        expect(await bare.createTable()).toEqual({ created: false, addedIndexes: [], undeclaredIndexes: ['byStatus'] });
      }
    });

    it('a declared local index missing from an existing table is a SchemaError', async () => {
      @Table({ name: 'readings-bare' })
      class BareReading {
        @PartitionKey() sensor!: string;
        @SortKey() at!: number;
      }
      const tableName = uniqueTableName('lsi');
      await new Repository(BareReading, { client: engine.client(), tableName }).createTable();
      await expect(new Repository(ReadingData, { client: engine.client(), tableName }).createTable()).rejects.toThrow(
        SchemaError,
      );
    });

    it('@Ttl: stored as epoch seconds, and createTable enables TTL (or names the missing capability before creating anything)', async () => {
      const sessions = new Repository(SessionData, { client: engine.client(), tableName: uniqueTableName('sessions') });
      if (engine.name === 'dynalite') {
        await expect(sessions.createTable()).rejects.toThrow(/time to live \(TTL\)/);
        await expect(
          engine.client().send(new DescribeTableCommand({ TableName: sessions.tableName })),
        ).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
        return;
      }
      await sessions.createTable();
      const { TimeToLiveDescription: ttl } = await engine
        .client()
        .send(new DescribeTimeToLiveCommand({ TableName: sessions.tableName }));
      expect(ttl).toMatchObject({ TimeToLiveStatus: 'ENABLED', AttributeName: 'expires_at' });
      const expires = new Date('2030-01-01T00:00:00.999Z');
      await sessions.createRecord({ session_id: 's1', expires_at: expires });
      const { Item: raw } = await engine
        .client()
        .send(new GetItemCommand({ TableName: sessions.tableName, Key: { session_id: { S: 's1' } } }));
      expect(raw?.['expires_at']).toEqual({ N: String(Math.floor(expires.getTime() / 1000)) });
      expect((await sessions.getRecord('s1')).expires_at).toEqual(new Date('2030-01-01T00:00:00Z'));
      expect(await sessions.createTable()).toMatchObject({ created: false });
    });
  });

  it('validation of writes still names every bad attribute at once', async () => {
    const error = await jobs
      .createRecord({ job_id: 'z', status: 'NOPE', timestamp: 1 } as never)
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RecordValidationError);
    expect((error as RecordValidationError).issues.map((issue) => issue.attribute).sort()).toEqual([
      'status',
      'timestamp',
    ]);
  });
});
