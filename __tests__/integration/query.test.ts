import { QueryCommand } from '@aws-sdk/client-dynamodb';
import {
  and,
  Condition,
  not,
  or,
  Query,
  RecordValidationError,
  Repository,
  UnsupportedCapabilityError,
  where,
} from '../../lib';
import { IndexedEventData, StatusQueryData } from '../fixtures/models';
import { engines, uniqueTableName } from '../helpers/engines';
import { collect, eventRows, itemsOf, putAll, statusRows, type StatusRow } from '../helpers/queryData';
import { recordingClient } from '../helpers/recordRequests';

const STATUS_ROWS = statusRows();
const EVENT_ROWS = [...eventRows('d1', 150), ...eventRows('d2', 20)];
const ids = (records: readonly { request_id?: string }[]) => records.map((record) => record.request_id);
const byTimestamp = (a: StatusRow, b: StatusRow) => a.timestamp.localeCompare(b.timestamp);

/** The issues of the RecordValidationError that `run` throws, as `attribute: constraint`. */
function issuesOf(run: () => unknown): string[] {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RecordValidationError);
    return (error as RecordValidationError).issues.map((issue) => `${issue.attribute}: ${issue.constraint}`);
  }
  throw new Error('expected a RecordValidationError');
}

describe.each(engines)('query on $name', (engine) => {
  let statuses: Repository<StatusQueryData>;
  let events: Repository<IndexedEventData>;

  beforeAll(async () => {
    statuses = new Repository(StatusQueryData, { client: engine.client(), tableName: uniqueTableName('query_status') });
    events = new Repository(IndexedEventData, { client: engine.client(), tableName: uniqueTableName('query_events') });
    await Promise.all([statuses.createTable(), events.createTable()]);
    await Promise.all([
      putAll(engine.client(), statuses.tableName, itemsOf(StatusQueryData, STATUS_ROWS)),
      putAll(engine.client(), events.tableName, itemsOf(IndexedEventData, EVENT_ROWS)),
    ]);
  });

  describe('by key', () => {
    it('reads a partition of the table as model instances', async () => {
      const found = await collect(statuses.query({ request_id: 'r007' }));
      expect(found).toHaveLength(1);
      expect(found[0]).toBeInstanceOf(StatusQueryData);
      expect({ ...found[0] }).toEqual(STATUS_ROWS[7]);
      expect(await collect(statuses.query({ request_id: 'nobody' }))).toEqual([]);
    });

    it('reads a partition of a global index declared at table creation, in sort key order and reversed', async () => {
      const started = STATUS_ROWS.filter((row) => row.status === 'STARTED').sort(byTimestamp);
      const found = await collect(statuses.query({ status: 'STARTED' }, { index: 'byStatus' }));
      expect(ids(found)).toEqual(ids(started));
      expect(found.every((record) => record instanceof StatusQueryData)).toBe(true);
      const reversed = await collect(statuses.query({ status: 'STARTED' }, { index: 'byStatus', reverse: true }));
      expect(ids(reversed)).toEqual(ids(started).reverse());
    });

    it('takes key conditions on the sort key: beginsWith, between, gt, eq, le', async () => {
      const failed = STATUS_ROWS.filter((row) => row.status === 'FAILED').sort(byTimestamp);
      const query = (sortKey: Condition) =>
        collect(statuses.query({ status: 'FAILED' }, { index: 'byStatus', sortKey }));
      expect(ids(await query(where('timestamp').beginsWith('2026-')))).toEqual(
        ids(failed.filter((row) => row.timestamp.startsWith('2026-'))),
      );
      const low = '2026-01-01T00:00:30Z';
      const high = '2026-01-01T00:01:10Z';
      expect(ids(await query(where('timestamp').between(low, high)))).toEqual(
        ids(failed.filter((row) => row.timestamp >= low && row.timestamp <= high)),
      );
      expect(ids(await query(where('timestamp').gt(low)))).toEqual(ids(failed.filter((row) => row.timestamp > low)));
      expect(ids(await query(where('timestamp').eq(failed[2]!.timestamp)))).toEqual([failed[2]!.request_id]);
      expect(ids(await query(where('timestamp').le(failed[2]!.timestamp)))).toEqual(ids(failed.slice(0, 3)));
    });

    it('takes key conditions on a number sort key of the table, forwards and reversed', async () => {
      const ats = async (options: Parameters<typeof events.query>[1]) =>
        (await collect(events.query({ device_id: 'd1' }, options))).map((event) => event.at);
      expect(await ats({ sortKey: where('at').between(10, 19) })).toEqual([10, 11, 12, 13, 14, 15, 16, 17, 18, 19]);
      expect(await ats({ sortKey: where('at').gt(145) })).toEqual([146, 147, 148, 149]);
      expect(await ats({ sortKey: where('at').lt(3), reverse: true })).toEqual([2, 1, 0]);
      expect(await ats({})).toHaveLength(150);
    });

    it('reads a local index in its own sort key order, with a strongly consistent read', async () => {
      const found = await collect(events.query({ device_id: 'd2' }, { index: 'byTimestamp', consistent: true }));
      expect(found.map((event) => event.at)).toEqual(Array.from({ length: 20 }, (_, at) => 19 - at));
      expect(found[0]).toBeInstanceOf(IndexedEventData);
      expect(found[0]?.digest).toEqual(new Uint8Array([19 % 7, 19, 0]));
    });
  });

  describe('filters', () => {
    const started = () => STATUS_ROWS.filter((row) => row.status === 'STARTED').sort(byTimestamp);
    const run = (filter: Condition) => collect(statuses.query({ status: 'STARTED' }, { index: 'byStatus', filter }));

    it.each([
      ['eq on a reserved word (name)', where('name').eq('name-8'), (row: StatusRow) => row.name === 'name-8'],
      ['in', where('retries').in([1, 2]), (row: StatusRow) => row.retries === 1 || row.retries === 2],
      ['contains on a set', where('tags').contains('gpu'), (row: StatusRow) => row.tags?.has('gpu') === true],
      ['contains on a string', where('name').contains('1'), (row: StatusRow) => row.name.includes('1')],
      ['size', where('name').size().gt(6), (row: StatusRow) => row.name.length > 6],
      ['exists', where('note').exists(), (row: StatusRow) => row.note !== undefined],
      ['notExists', where('note').notExists(), (row: StatusRow) => row.note === undefined],
      [
        'and / or / not',
        and(or(where('retries').eq(0), where('retries').ge(3)), not(where('name').beginsWith('name-1'))),
        (row: StatusRow) => (row.retries === 0 || (row.retries ?? 0) >= 3) && !row.name.startsWith('name-1'),
      ],
      [
        'a table key attribute on an index query',
        where('request_id').lt('r050'),
        (row: StatusRow) => row.request_id < 'r050',
      ],
    ])('%s', async (_label, filter, expected) => {
      const want = ids(started().filter(expected));
      expect(want.length).toBeGreaterThan(0);
      expect(ids(await run(filter))).toEqual(want);
    });
  });

  describe('projection and limit', () => {
    it('returns partial instances holding exactly the attributes asked for, reserved words included', async () => {
      const found = await collect(
        statuses.query({ status: 'SUCCESS' }, { index: 'byStatus', projection: ['name', 'timestamp'] }),
      );
      expect(found).toHaveLength(30);
      expect(found[0]).toBeInstanceOf(StatusQueryData);
      for (const record of found) expect(Object.keys(record).sort()).toEqual(['name', 'timestamp']);
      const one = await collect(
        statuses.query({ request_id: 'r005' }, { projection: ['status', 'request_id', 'status'] }),
      );
      expect(one.map((record) => ({ ...record }))).toEqual([{ request_id: 'r005', status: 'IN_PROGRESS' }]);
    });

    it('reads only what an index with an INCLUDE projection holds, and refuses the rest before sending', async () => {
      const found = await collect(statuses.query({ name: 'name-3' }, { index: 'byName', projection: ['status'] }));
      expect(found.map((record) => ({ ...record }))).toEqual([{ status: 'FAILED' }]);
      expect(issuesOf(() => statuses.query({ name: 'name-3' }, { index: 'byName', projection: ['note'] }))).toEqual([
        'note: is not projected into the global index byName (projection)',
      ]);
    });

    it('stops at limit, with and without a filter, and sends no more requests than needed', async () => {
      const { client, sent } = recordingClient(engine.endpoint);
      const repo = new Repository(IndexedEventData, { client, tableName: events.tableName });
      expect((await collect(repo.query({ device_id: 'd1' }, { limit: 5 }))).map((event) => event.at)).toEqual([
        0, 1, 2, 3, 4,
      ]);
      expect(sent).toEqual(['QueryCommand']);
      const clicks = await collect(
        repo.query({ device_id: 'd1' }, { limit: 4, filter: where('kind').eq('view'), pageSize: 5 }),
      );
      expect(clicks.map((event) => event.at)).toEqual([1, 4, 7, 10]);
      client.destroy();
    });
  });

  describe('checks before any request', () => {
    it.each<[string, () => unknown, string[]]>([
      [
        'an unknown index, named',
        () => statuses.query({ status: 'STARTED' }, { index: 'byNothing' }),
        [expect.stringMatching(/^index: "byNothing" is neither declared/)] as never,
      ],
      [
        'a key naming another attribute',
        () => statuses.query({ status: 'STARTED' }),
        [
          'status: is not the partition key of the table (request_id)',
          'request_id: required (the partition key of the table)',
        ],
      ],
      ['a key of the wrong type', () => events.query({ device_id: 7 as never }), ['device_id: must be a string']],
      [
        'a key with the sort key',
        () => events.query({ device_id: 'd1', at: 3 }),
        [expect.stringMatching(/^at: is the sort key of the table: put it in the sortKey option/)] as never,
      ],
      [
        'consistent on a global index',
        () => statuses.query({ status: 'STARTED' }, { index: 'byStatus', consistent: true }),
        [expect.stringMatching(/^consistent: cannot be used with the global index byStatus/)] as never,
      ],
      [
        'a filter on a key of the query',
        () => events.query({ device_id: 'd1' }, { filter: where('at').gt(3) }),
        [expect.stringMatching(/^at: is a key attribute of the table/)] as never,
      ],
      [
        'a sortKey on another attribute',
        () => events.query({ device_id: 'd1' }, { sortKey: where('size').gt(3) }),
        ['size: is not the sort key of the table (at)'],
      ],
      [
        'a sortKey that is no key condition',
        () => events.query({ device_id: 'd1' }, { sortKey: where('at').ne(3) }),
        [expect.stringMatching(/^sortKey: must be one of eq, lt, le, gt, ge, between or beginsWith/)] as never,
      ],
      [
        'an unknown projected attribute',
        () => statuses.query({ request_id: 'r1' }, { projection: ['nope' as never] }),
        ['nope: is not an attribute of the model (projection)'],
      ],
      [
        'a bad limit and pageSize',
        () => statuses.query({ request_id: 'r1' }, { limit: 0, pageSize: 1.5 }),
        ['limit: must be a whole number ≥ 1', 'pageSize: must be a whole number ≥ 1'],
      ],
    ])('refuses %s', (_label, run, issues) => {
      expect(issuesOf(run)).toEqual(issues);
    });

    it('sends nothing for a refused query', async () => {
      const { client, sent } = recordingClient(engine.endpoint);
      const repo = new Repository(StatusQueryData, { client, tableName: statuses.tableName });
      expect(() => repo.query({ status: 'STARTED' }, { index: 'byNothing' })).toThrow(RecordValidationError);
      await expect(repo.query({ request_id: 'r1' }).page({ cursor: 'not-a-cursor' })).rejects.toThrow(/cursor/);
      expect(sent).toEqual([]);
      client.destroy();
    });

    it('is a Query whose first request is built without being sent', () => {
      const query = statuses.query(
        { status: 'STARTED' },
        { index: 'byStatus', filter: where('name').eq('x'), projection: ['timestamp'] },
      );
      expect(query).toBeInstanceOf(Query);
      const text = [
        query.input.KeyConditionExpression,
        query.input.FilterExpression,
        query.input.ProjectionExpression,
      ].join(' ');
      expect(text).not.toMatch(/status|name|timestamp|STARTED/);
      expect(query.input).toMatchObject({ TableName: statuses.tableName, IndexName: 'byStatus' });
    });
  });

  describe('indexes created with createGsi', () => {
    if (engine.name === 'dynamodb-local') {
      it('queries an index this repository just created', async () => {
        const repo = new Repository(StatusQueryData, { client: engine.client(), tableName: statuses.tableName });
        expect(() => repo.query({ note: 'note 3' }, { index: 'byNote' })).toThrow(/byNote/);
        await repo.createGsi('note', { name: 'byNote', sortKey: 'request_id' });
        const found = await collect(repo.query({ note: 'note 3' }, { index: 'byNote' }));
        expect(ids(found)).toEqual(['r003']);
        const direct = await engine
          .client()
          .send(new QueryCommand(repo.query({ note: 'note 3' }, { index: 'byNote' }).input));
        expect(direct.Count).toBe(1);
      });
    } else {
      it('names the missing capability on dynalite; the index stays unknown to query', async () => {
        const repo = new Repository(StatusQueryData, { client: engine.client(), tableName: statuses.tableName });
        await expect(repo.createGsi('note', { name: 'byNote' })).rejects.toThrow(UnsupportedCapabilityError);
        expect(() => repo.query({ note: 'note 3' }, { index: 'byNote' })).toThrow(/"byNote" is neither declared/);
      });
    }
  });
});
