import { RecordValidationError, Repository, Scan, where } from '../../lib';
import { IndexedEventData, StatusQueryData } from '../fixtures/models';
import { engines, uniqueTableName } from '../helpers/engines';
import { collect, eventRows, itemsOf, putAll, statusRows } from '../helpers/queryData';
import { recordingClient } from '../helpers/recordRequests';

const EVENT_ROWS = [...eventRows('d1', 150), ...eventRows('d2', 20), ...eventRows('d3', 33)];
const STATUS_ROWS = statusRows();
const keyOf = (event: { device_id?: string; at?: number }) => `${event.device_id}/${event.at}`;
const ALL_KEYS = EVENT_ROWS.map(keyOf).sort();

describe.each(engines)('scan on $name', (engine) => {
  let events: Repository<IndexedEventData>;
  let statuses: Repository<StatusQueryData>;

  beforeAll(async () => {
    events = new Repository(IndexedEventData, { client: engine.client(), tableName: uniqueTableName('scan_events') });
    statuses = new Repository(StatusQueryData, { client: engine.client(), tableName: uniqueTableName('scan_status') });
    await Promise.all([events.createTable(), statuses.createTable()]);
    await Promise.all([
      putAll(engine.client(), events.tableName, itemsOf(IndexedEventData, EVENT_ROWS)),
      putAll(engine.client(), statuses.tableName, itemsOf(StatusQueryData, STATUS_ROWS)),
    ]);
  });

  it('scans the whole table as model instances, and with a filter on key and other attributes', async () => {
    const all = await collect(events.scan({ consistent: true }));
    expect(all.map(keyOf).sort()).toEqual(ALL_KEYS);
    expect(all[0]).toBeInstanceOf(IndexedEventData);
    const filter = where('device_id')
      .eq('d2')
      .and(where('kind').in(['view', 'error']), where('at').ge(5));
    const want = EVENT_ROWS.filter((row) => row.device_id === 'd2' && row.kind !== 'click' && row.at >= 5)
      .map(keyOf)
      .sort();
    expect((await collect(events.scan({ filter }))).map(keyOf).sort()).toEqual(want);
  });

  it.each([1, 2, 4, 7])('a parallel scan in %i segments returns each item exactly once', async (segments) => {
    const { client, sent } = recordingClient(engine.endpoint);
    const repo = new Repository(IndexedEventData, { client, tableName: events.tableName });
    const found = (await collect(repo.scan({ segments, pageSize: 5 }))).map(keyOf);
    expect(found).toHaveLength(EVENT_ROWS.length);
    expect(found.sort()).toEqual(ALL_KEYS);
    expect(sent.length).toBeGreaterThanOrEqual(Math.ceil(EVENT_ROWS.length / 5));
    client.destroy();
  });

  it('a parallel scan with a filter and a projection on reserved words', async () => {
    const found = await collect(
      statuses.scan({
        segments: 4,
        filter: where('status').eq('FAILED').and(where('name').contains('1')),
        projection: ['name', 'status'],
      }),
    );
    const want = STATUS_ROWS.filter((row) => row.status === 'FAILED' && row.name.includes('1'));
    expect(found.map((record) => record.name).sort()).toEqual(want.map((row) => row.name).sort());
    expect(found.every((record) => Object.keys(record).sort().join() === 'name,status')).toBe(true);
  });

  it('stops a parallel scan at limit, and an early exit leaves nothing running', async () => {
    const limited = (await collect(events.scan({ segments: 4, limit: 17, pageSize: 3 }))).map(keyOf);
    expect(limited).toHaveLength(17);
    expect(new Set(limited).size).toBe(17);
    let seen = 0;
    for await (const event of events.scan({ segments: 4, pageSize: 2 })) {
      expect(event).toBeInstanceOf(IndexedEventData);
      if (++seen === 5) break;
    }
    expect(await collect(events.scan({ limit: 3 }))).toHaveLength(3);
  });

  it('scans a global index (only the items it holds) and a local index', async () => {
    const started = await collect(statuses.scan({ index: 'byStatus', filter: where('status').eq('STARTED') }));
    expect(started).toHaveLength(30);
    const digests = await collect(events.scan({ index: 'byDigest', segments: 3 }));
    expect(digests.map(keyOf).sort()).toEqual(ALL_KEYS);
  });

  it('is a Scan, built without sending, and refuses bad options before any request', async () => {
    const { client, sent } = recordingClient(engine.endpoint);
    const repo = new Repository(StatusQueryData, { client, tableName: statuses.tableName });
    const scan = repo.scan({ segments: 3, filter: where('timestamp').beginsWith('2026') });
    expect(scan).toBeInstanceOf(Scan);
    expect(scan.input).toMatchObject({ Segment: 0, TotalSegments: 3, FilterExpression: 'begins_with(#n0, :v0)' });
    const refuse = (options: object) => {
      try {
        repo.scan(options as never);
      } catch (error) {
        expect(error).toBeInstanceOf(RecordValidationError);
        return (error as RecordValidationError).issues.map((issue) => issue.attribute);
      }
      throw new Error('expected a RecordValidationError');
    };
    expect(refuse({ segments: 0 })).toEqual(['segments']);
    expect(refuse({ segments: 1_000_001 })).toEqual(['segments']);
    expect(refuse({ segments: 2.5 })).toEqual(['segments']);
    expect(refuse({ reverse: true })).toEqual(['reverse']);
    expect(refuse({ index: 'byStatus', consistent: true })).toEqual(['consistent']);
    expect(refuse({ index: 'nope' })).toEqual(['index']);
    expect(refuse({ filter: where('bogus').eq(1) })).toEqual(['bogus']);
    await expect(repo.scan({ segments: 2 }).page({})).rejects.toThrow(RecordValidationError);
    expect(sent).toEqual([]);
    client.destroy();
  });
});
