import { Repository } from '../../lib';
import { StatusQueryData } from '../fixtures/models';
import { engines, uniqueTableName } from '../helpers/engines';
import { recordingClient } from '../helpers/recordRequests';

const COUNT = 10_000;
const pad = (value: number) => String(value).padStart(5, '0');
const ROWS = Array.from({ length: COUNT }, (_, i) => ({
  request_id: `bulk-${pad(i)}`,
  status: 'STARTED' as const,
  timestamp: `2026-03-01T00:00:00.${pad(COUNT - i)}Z`,
  name: `n${i}`,
}));
const WANT = ROWS.map((row) => row.request_id).sort();

/** Set DD_TEST_TIMINGS=1 to print how long each step took on each engine. */
function report(engine: string, step: string, started: number): void {
  if (process.env['DD_TEST_TIMINGS']) console.log(`${engine}: ${step} ${Date.now() - started} ms`);
}

describe.each(engines)('10,000 items on $name', (engine) => {
  let repo: Repository<StatusQueryData>;
  let sent: string[];
  const recording = recordingClient(engine.endpoint);

  beforeAll(async () => {
    sent = recording.sent;
    repo = new Repository(StatusQueryData, { client: recording.client, tableName: uniqueTableName('bulk') });
    await repo.createTable();
    const started = Date.now();
    const { unprocessed, errors } = await repo.batchWrite({ put: ROWS }, { concurrency: 8 });
    report(engine.name, `batchWrite ${COUNT} items`, started);
    // the check: a batchWrite of 10,000 items, then query and scan return exactly them
    expect(unprocessed).toEqual({ put: [], delete: [] });
    expect(errors).toEqual([]);
    expect(sent.filter((name) => name === 'BatchWriteItemCommand').length).toBeGreaterThanOrEqual(COUNT / 25);
  }, 120_000);

  afterAll(() => recording.client.destroy());

  beforeEach(() => {
    sent.length = 0;
  });

  it('a paginated query over one partition of a global index returns exactly them, in order', async () => {
    const started = Date.now();
    const ids: string[] = [];
    for await (const record of repo.query(
      { status: 'STARTED' },
      { index: 'byStatus', pageSize: 1000, projection: ['request_id'] },
    ))
      ids.push(record.request_id);
    report(engine.name, `query ${ids.length} items in ${sent.length} requests`, started);
    expect(ids).toHaveLength(COUNT);
    expect(ids).toEqual(ROWS.map((row) => row.request_id).reverse()); // timestamps run against the ids
    expect(sent.length).toBeGreaterThanOrEqual(COUNT / 1000);
  }, 60_000);

  it('a parallel scan in 4 segments returns each of them exactly once', async () => {
    const started = Date.now();
    const ids: string[] = [];
    for await (const record of repo.scan({ segments: 4, pageSize: 500 })) ids.push(record.request_id);
    report(engine.name, `parallel scan ${ids.length} items in ${sent.length} requests`, started);
    expect(ids).toHaveLength(COUNT);
    expect(ids.sort()).toEqual(WANT);
  }, 60_000);

  it('pages through them with cursors', async () => {
    const started = Date.now();
    const ids: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await repo
        .query({ status: 'STARTED' }, { index: 'byStatus', projection: ['request_id'] })
        .page({ limit: 2500, ...(cursor && { cursor }) });
      ids.push(...page.items.map((record) => record.request_id));
      cursor = page.cursor;
    } while (cursor);
    report(engine.name, `page ${ids.length} items in ${sent.length} requests`, started);
    expect(new Set(ids).size).toBe(COUNT);
    expect(ids.sort()).toEqual(WANT);
  }, 60_000);
});
