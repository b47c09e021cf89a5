import { where, not, and } from '../../../lib/expressions/conditions';
import { RecordValidationError } from '../../../lib/errors/RecordValidationError';
import type { CompiledIndex } from '../../../lib/schema/CompiledSchema';
import { compileSchema } from '../../../lib/schema/compileSchema';
import { checkIndexOptions } from '../../../lib/validation/checkIndexOptions';
import { checkPageOptions, checkQueryOptions, checkScanOptions } from '../../../lib/validation/checkQueryOptions';
import { EdgeData, EventData, IndexedEventData, StatusQueryData } from '../../fixtures/models';
import { captureSyncError } from '../captureError';

const status = compileSchema(StatusQueryData);
const events = compileSchema(IndexedEventData);
const none: ReadonlyMap<string, CompiledIndex> = new Map();

/** `attribute: constraint` of each issue of the RecordValidationError `run` throws. */
function issues(run: () => unknown): string[] {
  const error = captureSyncError(run);
  expect(error).toBeInstanceOf(RecordValidationError);
  return (error as RecordValidationError).issues.map((issue) => `${issue.attribute}: ${issue.constraint}`);
}

describe('checkQueryOptions: bad queries', () => {
  it.each<[string, unknown, unknown, string, RegExp]>([
    [
      'a key that is not an object',
      'r1',
      undefined,
      '(key)',
      /^must be an object naming the partition key of the table: \{ request_id: value \}$/,
    ],
    ['a Date as key', new Date(), undefined, '(key)', /^must be an object/],
    ['a missing partition key', {}, undefined, 'request_id', /^required \(the partition key of the table\)$/],
    ['a partition key of the wrong type', { request_id: 3 }, undefined, 'request_id', /^must be a string$/],
    ['an empty partition key', { request_id: '' }, undefined, 'request_id', /^must not be empty/],
    [
      'an uncategorical index key',
      { status: 'BOGUS' },
      { index: 'byStatus' },
      'status',
      /^must be one of STARTED, IN_PROGRESS, SUCCESS, FAILED$/,
    ],
    [
      'the table key on an index query',
      { request_id: 'r1', status: 'STARTED' },
      { index: 'byStatus' },
      'request_id',
      /^is not the partition key of the global index byStatus \(status\)$/,
    ],
    [
      'an unknown index, named',
      { request_id: 'r1' },
      { index: 'byWhat' },
      'index',
      /^"byWhat" is neither declared on StatusQueryData .*; known: byStatus, byName$/,
    ],
    ['an index name that is no string', { request_id: 'r1' }, { index: 7 }, 'index', /^7 is neither declared/],
    [
      'a sortKey on a table without one',
      { request_id: 'r1' },
      { sortKey: where('timestamp').eq('t') },
      'sortKey',
      /^cannot be used: the table has no sort key$/,
    ],
    [
      'a sortKey that is not a Condition',
      { status: 'STARTED' },
      { index: 'byStatus', sortKey: 'timestamp > 3' },
      'sortKey',
      /^must be built with where\(\)/,
    ],
    [
      'a sortKey on another attribute',
      { status: 'STARTED' },
      { index: 'byStatus', sortKey: where('name').eq('x') },
      'name',
      /^is not the sort key of the global index byStatus \(timestamp\)$/,
    ],
    [
      'a sortKey with ne',
      { status: 'STARTED' },
      { index: 'byStatus', sortKey: where('timestamp').ne('x') },
      'sortKey',
      /^must be one of eq, lt, le, gt, ge, between or beginsWith/,
    ],
    [
      'a sortKey with and',
      { status: 'STARTED' },
      { index: 'byStatus', sortKey: and(where('timestamp').gt('a'), where('timestamp').lt('b')) },
      'sortKey',
      /^must be one of/,
    ],
    [
      'a sortKey on the size',
      { status: 'STARTED' },
      { index: 'byStatus', sortKey: where('timestamp').size().gt(3) },
      'sortKey',
      /^must be one of/,
    ],
    [
      'a sortKey with exists',
      { status: 'STARTED' },
      { index: 'byStatus', sortKey: where('timestamp').exists() },
      'sortKey',
      /^must be one of/,
    ],
    [
      'a sortKey value of the wrong type',
      { status: 'STARTED' },
      { index: 'byStatus', sortKey: where('timestamp').gt(3) },
      'timestamp',
      /^must be a string$/,
    ],
    [
      'a filter on the partition key',
      { request_id: 'r1' },
      { filter: where('request_id').eq('x') },
      'request_id',
      /^is a key attribute of the table: DynamoDB does not filter a query on it/,
    ],
    [
      'a filter on the index sort key',
      { status: 'STARTED' },
      { index: 'byStatus', filter: not(where('timestamp').exists()) },
      'timestamp',
      /^is a key attribute of the global index byStatus/,
    ],
    [
      'a filter on an unknown attribute',
      { request_id: 'r1' },
      { filter: where('ghost').eq(1) },
      'ghost',
      /^is not an attribute of the model$/,
    ],
    [
      'a filter value of the wrong type',
      { request_id: 'r1' },
      { filter: where('retries').eq('3') },
      'retries',
      /^must be a number$/,
    ],
    [
      'a projection that is no array',
      { request_id: 'r1' },
      { projection: 'name' },
      'projection',
      /^must be a non-empty array of attribute names$/,
    ],
    ['an empty projection', { request_id: 'r1' }, { projection: [] }, 'projection', /^must be a non-empty array/],
    [
      'an unknown projected attribute',
      { request_id: 'r1' },
      { projection: ['ghost'] },
      'ghost',
      /^is not an attribute of the model \(projection\)$/,
    ],
    [
      'a projection beyond an INCLUDE index',
      { name: 'n' },
      { index: 'byName', projection: ['retries'] },
      'retries',
      /^is not projected into the global index byName/,
    ],
    [
      'consistent on a global index',
      { status: 'STARTED' },
      { index: 'byStatus', consistent: true },
      'consistent',
      /^cannot be used with the global index byStatus/,
    ],
    ['consistent that is no boolean', { request_id: 'r1' }, { consistent: 'yes' }, 'consistent', /^must be a boolean$/],
    ['reverse that is no boolean', { request_id: 'r1' }, { reverse: 1 }, 'reverse', /^must be a boolean$/],
    ['a zero limit', { request_id: 'r1' }, { limit: 0 }, 'limit', /^must be a whole number ≥ 1$/],
    ['a fractional pageSize', { request_id: 'r1' }, { pageSize: 2.5 }, 'pageSize', /^must be a whole number ≥ 1$/],
    ['an option of scan', { request_id: 'r1' }, { segments: 2 }, 'segments', /^is not an option of query$/],
  ])('%s', (_case, key, options, attribute, constraint) => {
    const error = captureSyncError(() => checkQueryOptions(status, key, options, none)) as RecordValidationError;
    expect(error).toBeInstanceOf(RecordValidationError);
    expect(error.modelName).toBe('StatusQueryData');
    expect(error.issues).toEqual([
      expect.objectContaining({ attribute, constraint: expect.stringMatching(constraint) }),
    ]);
  });

  it('refuses options that are not an object', () => {
    expect(issues(() => checkQueryOptions(status, { request_id: 'r1' }, 'fast', none))).toEqual([
      '(options): must be an object',
    ]);
  });

  it('names the sort key given in the key object, and every problem at once', () => {
    expect(issues(() => checkQueryOptions(events, { device_id: 1, at: 3, kind: 'x' }, { limit: -1 }, none))).toEqual([
      'limit: must be a whole number ≥ 1',
      "at: is the sort key of the table: put it in the sortKey option, e.g. sortKey: where('at').eq(value)",
      'kind: is not the partition key of the table (device_id)',
      'device_id: must be a string',
    ]);
  });

  it('takes beginsWith only on a string, Date or binary sort key', () => {
    expect(
      issues(() =>
        checkQueryOptions(compileSchema(EventData), { device_id: 'd' }, { sortKey: where('at').beginsWith('1') }, none),
      ),
    ).toEqual(['at: beginsWith needs a string, an ISO-stored Date or a binary attribute']);
  });
});

describe('checkQueryOptions: good queries', () => {
  it('resolves the table, its keys and defaults', () => {
    const plan = checkQueryOptions(events, { device_id: 'd1' }, undefined, none);
    expect(plan).toMatchObject({ operation: 'query', reverse: false, consistent: false, segments: 1 });
    expect(plan.partition).toEqual({ attribute: events.partitionKey, value: 'd1' });
    expect(plan.cursorKeys.map((attribute) => attribute.name)).toEqual(['device_id', 'at']);
    expect(plan.index).toBeUndefined();
  });

  it('resolves a local index (its keys after the table keys, each once) and a global one', () => {
    const local = checkQueryOptions(
      events,
      { device_id: 'd1' },
      { index: 'byTimestamp', consistent: true, sortKey: where('timestamp').between('a', 'b') },
      none,
    );
    expect(local.cursorKeys.map((attribute) => attribute.name)).toEqual(['device_id', 'at', 'timestamp']);
    expect(local.consistent).toBe(true);
    const global = checkQueryOptions(
      status,
      { status: 'STARTED' },
      { index: 'byStatus', reverse: true, projection: ['name', 'name', 'status'] },
      none,
    );
    expect(global.cursorKeys.map((attribute) => attribute.name)).toEqual(['request_id', 'status', 'timestamp']);
    expect(global.projection?.map((attribute) => attribute.name)).toEqual(['name', 'status']);
    expect(global.partition?.attribute.name).toBe('status');
  });

  it('accepts a filter on a table key when querying an index, and on a nested path', () => {
    expect(() =>
      checkQueryOptions(
        status,
        { status: 'STARTED' },
        { index: 'byStatus', filter: where('request_id').gt('r') },
        none,
      ),
    ).not.toThrow();
    expect(() =>
      checkQueryOptions(compileSchema(EdgeData), { id: 'e' }, { filter: where(['map', 'a.b']).eq(1) }, none),
    ).not.toThrow();
  });

  it('reads an index created by the repository (not declared), and only then', () => {
    const created = new Map([['byNote', checkIndexOptions(status, 'note', { name: 'byNote' })]]);
    expect(checkQueryOptions(status, { note: 'x' }, { index: 'byNote' }, created).index?.name).toBe('byNote');
    expect(issues(() => checkQueryOptions(status, { note: 'x' }, { index: 'byNote' }, none))[0]).toMatch(
      /^index: "byNote" is neither declared/,
    );
  });

  it('ignores options given as undefined', () => {
    expect(() =>
      checkQueryOptions(status, { request_id: 'r1', status: undefined }, { index: undefined, limit: undefined }, none),
    ).not.toThrow();
  });
});

describe('checkScanOptions', () => {
  it.each<[unknown, string, RegExp]>([
    [{ segments: 0 }, 'segments', /^must be a whole number from 1 to 1,000,000$/],
    [{ segments: 1_000_001 }, 'segments', /^must be a whole number from 1/],
    [{ segments: '4' }, 'segments', /^must be a whole number from 1/],
    [{ reverse: true }, 'reverse', /^is not an option of scan$/],
    [{ sortKey: where('timestamp').eq('x') }, 'sortKey', /^is not an option of scan$/],
    [{ index: 'byStatus', consistent: true }, 'consistent', /^cannot be used with the global index byStatus/],
    [{ index: 'nope' }, 'index', /^"nope" is neither declared/],
    [{ filter: where('ghost').exists() }, 'ghost', /^is not an attribute of the model$/],
  ])('refuses %j', (options, attribute, constraint) => {
    const error = captureSyncError(() => checkScanOptions(status, options, none)) as RecordValidationError;
    expect(error).toBeInstanceOf(RecordValidationError);
    expect(error.issues).toEqual([
      expect.objectContaining({ attribute, constraint: expect.stringMatching(constraint) }),
    ]);
  });

  it('takes a filter on key attributes, segments and the shared options', () => {
    const plan = checkScanOptions(
      status,
      { filter: where('request_id').beginsWith('r'), segments: 1_000_000, limit: 3, pageSize: 2, consistent: true },
      none,
    );
    expect(plan).toMatchObject({
      operation: 'scan',
      segments: 1_000_000,
      limit: 3,
      pageSize: 2,
      consistent: true,
      reverse: false,
    });
    expect(plan.partition).toBeUndefined();
  });
});

describe('checkPageOptions', () => {
  const query = checkQueryOptions(status, { request_id: 'r1' }, undefined, none);

  it('takes a limit and a cursor', () => {
    expect(checkPageOptions(status, { limit: 5, cursor: 'abc' }, query)).toEqual({ limit: 5, cursor: 'abc' });
    expect(checkPageOptions(status, undefined, query)).toEqual({});
  });

  it.each<[unknown, string]>([
    [{ limit: 0 }, 'limit'],
    [{ limit: 1.5 }, 'limit'],
    [{ size: 3 }, 'size'],
    ['25', '(options)'],
  ])('refuses %j', (options, attribute) => {
    expect(issues(() => checkPageOptions(status, options, query))[0]).toMatch(
      new RegExp(`^${attribute.replace(/[()]/g, '\\$&')}: `),
    );
  });

  it('refuses pages of a parallel scan', () => {
    const parallel = checkScanOptions(status, { segments: 4 }, none);
    expect(issues(() => checkPageOptions(status, {}, parallel))).toEqual([
      expect.stringMatching(/^segments: a parallel scan has no pages or cursor/),
    ]);
  });
});
