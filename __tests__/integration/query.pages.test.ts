import { RecordValidationError, Repository, where, type Page, type PageOptions } from '../../lib';
import { IndexedEventData, StatusQueryData } from '../fixtures/models';
import { engines, uniqueTableName } from '../helpers/engines';
import { collect, eventRows, itemsOf, putAll, statusRows } from '../helpers/queryData';
import { recordingClient } from '../helpers/recordRequests';

const EVENT_ROWS = [...eventRows('d1', 150), ...eventRows('d2', 20)];
const STATUS_ROWS = statusRows();

/** Reads pages until the cursor runs out, checking each page's length against `limit`. */
async function allPages<T>(read: { page(options: PageOptions): Promise<Page<T>> }, limit: number): Promise<T[][]> {
  const pages: T[][] = [];
  let cursor: string | undefined;
  do {
    const page = await read.page({ limit, ...(cursor !== undefined && { cursor }) });
    expect(page.items.length).toBeLessThanOrEqual(limit);
    expect(typeof page.cursor === 'string' || page.cursor === undefined).toBe(true);
    if (page.cursor !== undefined) expect(page.cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    pages.push(page.items);
    cursor = page.cursor;
    if (pages.length > 1000) throw new Error('the cursor never ran out');
  } while (cursor !== undefined);
  return pages;
}

describe.each(engines)('query pages on $name', (engine) => {
  let events: Repository<IndexedEventData>;
  let statuses: Repository<StatusQueryData>;
  const d1 = () => events.query({ device_id: 'd1' });

  beforeAll(async () => {
    events = new Repository(IndexedEventData, { client: engine.client(), tableName: uniqueTableName('pages_events') });
    statuses = new Repository(StatusQueryData, { client: engine.client(), tableName: uniqueTableName('pages_status') });
    await Promise.all([events.createTable(), statuses.createTable()]);
    await Promise.all([
      putAll(engine.client(), events.tableName, itemsOf(IndexedEventData, EVENT_ROWS)),
      putAll(engine.client(), statuses.tableName, itemsOf(StatusQueryData, STATUS_ROWS)),
    ]);
  });

  it('iterates 150 items through pages of 7: in order, no duplicate, no gap, one request per page', async () => {
    const { client, sent } = recordingClient(engine.endpoint);
    const repo = new Repository(IndexedEventData, { client, tableName: events.tableName });
    const query = repo.query({ device_id: 'd1' }, { pageSize: 7 });
    const ats = (await collect(query)).map((event) => event.at);
    expect(ats).toEqual(Array.from({ length: 150 }, (_, at) => at));
    expect(sent.length).toBeGreaterThanOrEqual(22);
    expect(sent.length).toBeLessThanOrEqual(23); // an engine may end on an empty page
    expect((await collect(query)).map((event) => event.at)).toEqual(ats); // a Query can be iterated again
    client.destroy();
  });

  it('pages with a filter that drops items: full pages, resumed right after the last item returned', async () => {
    const clicks = EVENT_ROWS.filter((row) => row.device_id === 'd1' && row.kind === 'click').map((row) => row.at);
    for (const pageSize of [7, undefined]) {
      // without a pageSize one response holds every click: the page is cut at 8 and the cursor built from its last item
      const query = events.query(
        { device_id: 'd1' },
        { filter: where('kind').eq('click'), ...(pageSize !== undefined && { pageSize }) },
      );
      const pages = await allPages(query, 8);
      expect(pages.map((page) => page.length)).toEqual([8, 8, 8, 8, 8, 8, 2]);
      expect(pages.flat().map((event) => event.at)).toEqual(clicks);
    }
  });

  it('pages a global index and a local index with binary keys, forwards and reversed', async () => {
    const started = STATUS_ROWS.filter((row) => row.status === 'STARTED' && (row.retries ?? 0) < 3).sort((a, b) =>
      a.timestamp.localeCompare(b.timestamp),
    );
    const query = statuses.query(
      { status: 'STARTED' },
      { index: 'byStatus', filter: where('retries').lt(3), reverse: true },
    );
    const pages = await allPages(query, 4);
    expect(pages.flat().map((record) => record.request_id)).toEqual(started.map((row) => row.request_id).reverse());

    const byDigest = await allPages(events.query({ device_id: 'd2' }, { index: 'byDigest', pageSize: 3 }), 6);
    const digests = byDigest.flat().map((event) => Buffer.from(event.digest).toString('hex'));
    expect(digests).toEqual([...digests].sort());
    expect(new Set(byDigest.flat().map((event) => event.at)).size).toBe(20);
    expect(Object.keys(byDigest[0]![0]!).sort()).toEqual(['at', 'device_id', 'digest']); // KEYS_ONLY
  });

  it('pages a query with a projection that leaves out the keys', async () => {
    const pages = await allPages(
      events.query({ device_id: 'd1' }, { projection: ['kind'], filter: where('size').ge(100) }),
      9,
    );
    expect(pages.flat()).toHaveLength(50);
    expect(pages.flat().every((event) => Object.keys(event).join() === 'kind')).toBe(true);
  });

  it('pages a scan until the cursor runs out', async () => {
    const pages = await allPages(events.scan({ pageSize: 13, projection: ['device_id', 'at'] }), 20);
    const keys = pages.flat().map((event) => `${event.device_id}/${event.at}`);
    expect(new Set(keys).size).toBe(170);
    expect(keys).toHaveLength(170);
  });

  it('returns one request worth without a limit, and an empty last page with no cursor', async () => {
    const first = await d1().page();
    expect(first.items).toHaveLength(150);
    expect(first.cursor).toBeUndefined();
    const last = await events.query({ device_id: 'd1' }, { sortKey: where('at').gt(140) }).page({ limit: 9 });
    expect(last.items.map((event) => event.at)).toEqual([141, 142, 143, 144, 145, 146, 147, 148, 149]);
    if (last.cursor !== undefined)
      expect(
        await events.query({ device_id: 'd1' }, { sortKey: where('at').gt(140) }).page({ cursor: last.cursor }),
      ).toEqual({ items: [], cursor: undefined });
  });

  describe('bad cursors', () => {
    let cursor: string;
    beforeAll(async () => {
      cursor = (await d1().page({ limit: 3 })).cursor!;
    });

    it.each<[string, () => Promise<unknown>, RegExp]>([
      ['not base64url', () => d1().page({ cursor: 'not a cursor!' }), /is not a cursor/],
      ['not JSON', () => d1().page({ cursor: Buffer.from('{nope').toString('base64url') }), /does not decode/],
      ['another shape', () => d1().page({ cursor: Buffer.from('{"v":2}').toString('base64url') }), /does not decode/],
      ['not a string', () => d1().page({ cursor: 42 as never }), /is not a cursor/],
      ['another partition', () => events.query({ device_id: 'd2' }).page({ cursor }), /another partition/],
      [
        'another index',
        () => events.query({ device_id: 'd1' }, { index: 'byTimestamp' }).page({ cursor }),
        /made for a query of table \S+, not this query of table \S+ index byTimestamp/,
      ],
      ['a scan', () => events.scan().page({ cursor }), /made for a query/],
      [
        'another table',
        () =>
          new Repository(IndexedEventData, { client: engine.client(), tableName: 'other-table' })
            .query({ device_id: 'd1' })
            .page({ cursor }),
        /made for a query of table/,
      ],
      ['tampered keys', () => d1().page({ cursor: tamper(cursor) }), /holds the key attributes device_id, size/],
    ])('refuses %s', async (_label, run, message) => {
      const error = await run().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(RecordValidationError);
      expect((error as RecordValidationError).issues[0]).toMatchObject({
        attribute: 'cursor',
        constraint: expect.stringMatching(message),
      });
    });

    it('sends nothing for a refused page', async () => {
      const { client, sent } = recordingClient(engine.endpoint);
      const repo = new Repository(IndexedEventData, { client, tableName: events.tableName });
      await expect(repo.query({ device_id: 'd2' }).page({ cursor })).rejects.toThrow(RecordValidationError);
      await expect(repo.query({ device_id: 'd2' }).page({ limit: -1 })).rejects.toThrow(/limit/);
      await expect(repo.scan({ segments: 2 }).page()).rejects.toThrow(/parallel scan has no pages/);
      expect(sent).toEqual([]);
      client.destroy();
    });
  });
});

/** The same cursor with its sort key renamed: it still decodes, but names the wrong key attributes. */
function tamper(cursor: string): string {
  const data = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { k: Record<string, unknown> };
  data.k = { device_id: data.k['device_id'], size: data.k['at'] };
  return Buffer.from(JSON.stringify(data)).toString('base64url');
}
