import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { _Record as StreamsRecord } from '@aws-sdk/client-dynamodb-streams';
import type { DynamoDBRecord } from 'aws-lambda';
import { EntityMismatchError, RecordValidationError, Repository, StoredValueError } from '../../../lib';
import { readStreamItem } from '../../../lib/streams/readStreamItem';
import { EdgeData, EventData } from '../../fixtures/models';
import { ShopUser } from '../../fixtures/shop';
import { captureSyncError } from '../captureError';

// fromStreamRecord sends nothing: the client is never used
const client = new DynamoDBClient({
  region: 'us-east-1',
  endpoint: 'http://127.0.0.1:9',
  credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
});
afterAll(() => client.destroy());

const edges = new Repository(EdgeData, { client, tableName: 'edges' });
const events = new Repository(EventData, { client, tableName: 'events' });

const keys = { id: { S: 'e1' } };
const image = {
  id: { S: 'e1' },
  name: { S: 'Ada' },
  status: { S: 'on' },
  'first-name': { S: 'A' },
  'a.b': { S: 'ab' },
  'x y': { S: 'xy' },
};
const insert = (newImage: Readonly<Record<string, unknown>> = image) => ({
  eventName: 'INSERT',
  dynamodb: { Keys: keys, NewImage: newImage },
});
const withValue = (name: string, value: unknown) => insert({ ...image, [name]: value });

function issuesOf(repo: Repository<object>, record: unknown): RecordValidationError['issues'] {
  const error = captureSyncError(() => repo.fromStreamRecord(record as never));
  expect(error).toBeInstanceOf(RecordValidationError);
  return (error as RecordValidationError).issues;
}

describe('fromStreamRecord', () => {
  it('accepts aws-lambda and @aws-sdk/client-dynamodb-streams records as they are typed, and narrows by eventName', () => {
    const lambda: DynamoDBRecord = { eventName: 'REMOVE', dynamodb: { Keys: keys, OldImage: image } };
    const sdk: StreamsRecord = { eventName: 'INSERT', dynamodb: { Keys: keys, NewImage: image } };
    const removed = edges.fromStreamRecord(lambda);
    const inserted = edges.fromStreamRecord(sdk);
    if (removed.eventName === 'REMOVE') {
      const gone: EdgeData | undefined = removed.oldRecord;
      // @ts-expect-error a REMOVE has no new record
      const after: EdgeData = removed.newRecord;
      expect([gone, after]).toEqual([expect.any(EdgeData), undefined]);
    }
    expect(inserted).toStrictEqual({
      eventName: 'INSERT',
      keys: { id: 'e1' },
      newRecord: expect.any(EdgeData) as unknown,
    });
    expect(inserted.newRecord).toMatchObject({ id: 'e1', name: 'Ada', 'x y': 'xy' });
  });

  it('reads binaries from base64 (Lambda) and from bytes (GetRecords) alike, in sets and maps too', () => {
    const bytes = new Uint8Array([0, 1, 254, 255]);
    const values = (binary: (value: Uint8Array) => unknown) => ({
      bytes: { B: binary(bytes) },
      map: { M: { inner: { B: binary(bytes) }, list: { L: [{ BS: [binary(bytes)] }, { NULL: true }] } } },
    });
    const fromBase64 = edges.fromStreamRecord(
      insert({ ...image, ...values((b) => Buffer.from(b).toString('base64')) }),
    );
    const fromBytes = edges.fromStreamRecord(insert({ ...image, ...values((b) => b) }));
    expect(fromBase64).toStrictEqual(fromBytes);
    expect(fromBase64.newRecord?.bytes).toStrictEqual(bytes);
    expect(fromBase64.newRecord?.map).toStrictEqual({ inner: bytes, list: [new Set([bytes]), null] });
  });

  it.each([
    ['null', null, ['(record)']],
    ['a string', 'INSERT', ['(record)']],
    ['a whole stream event', { Records: [insert()] }, ['(record)']],
    ['an empty object', {}, ['eventName', 'dynamodb']],
    ['an unknown eventName', { ...insert(), eventName: 'UPSERT' }, ['eventName']],
    ['no Keys', { eventName: 'MODIFY', dynamodb: { NewImage: image } }, ['dynamodb.Keys']],
    [
      'an INSERT with an old image',
      { eventName: 'INSERT', dynamodb: { Keys: keys, OldImage: image } },
      ['dynamodb.OldImage'],
    ],
    [
      'a REMOVE with a new image',
      { eventName: 'REMOVE', dynamodb: { Keys: keys, NewImage: image } },
      ['dynamodb.NewImage'],
    ],
    ['a plain value for an attribute value', withValue('name', 'Ada'), ['dynamodb.NewImage.name']],
    ['two types in one value', withValue('name', { S: 'Ada', N: '1' }), ['dynamodb.NewImage.name']],
    ['an unknown type', withValue('name', { $unknown: ['X', 1] }), ['dynamodb.NewImage.name']],
    ['a number that is not a string', withValue('count', { N: 5 }), ['dynamodb.NewImage.count']],
    ['a string that is not a number', withValue('count', { N: '5 apples' }), ['dynamodb.NewImage.count']],
    ['a binary that is not base64', withValue('bytes', { B: 'not base64!' }), ['dynamodb.NewImage.bytes']],
    ['a set that is not an array', withValue('tags', { SS: 'a' }), ['dynamodb.NewImage.tags']],
    ['a bad set member', withValue('scores', { NS: ['1', 'two'] }), ['dynamodb.NewImage.scores[1]']],
    ['a bad list element', withValue('list', { L: [{ S: 'a' }, { S: 1 }] }), ['dynamodb.NewImage.list[1]']],
    [
      'a bad map member',
      withValue('map', { M: { deep: { M: { x: { BOOL: 'yes' } } } } }),
      ['dynamodb.NewImage.map.deep.x'],
    ],
    ['NULL other than true', withValue('note', { NULL: false }), ['dynamodb.NewImage.note']],
  ])('%s is refused, naming it', (_label, record, attributes) => {
    expect(issuesOf(edges, record).map((issue) => issue.attribute)).toEqual(attributes);
  });

  it('names every problem of a record at once', () => {
    const record = {
      eventName: 'INSERT',
      dynamodb: { Keys: { id: { N: '1' } }, NewImage: { ...image, name: { S: 2 } } },
    };
    expect(issuesOf(edges, record).map((issue) => issue.attribute)).toEqual([
      'dynamodb.NewImage.name',
      'dynamodb.Keys.id',
    ]);
  });

  it("keys that are not the model's (a record of another table) are named", () => {
    const eventKeys = (Keys: Readonly<Record<string, unknown>>) => ({ eventName: 'REMOVE', dynamodb: { Keys } });
    expect(issuesOf(events, eventKeys({ device_id: { S: 'd' } }))).toEqual([
      { attribute: 'dynamodb.Keys.at', received: 'undefined', constraint: 'required' },
    ]);
    expect(issuesOf(events, eventKeys({ device_id: { S: 'd' }, at: { N: '1' }, extra: { S: 'x' } }))).toEqual([
      expect.objectContaining({ attribute: 'dynamodb.Keys.extra', received: 'S' }),
    ]);
    expect(issuesOf(events, eventKeys({ device_id: { S: 'd' }, at: { S: '1' } }))[0]?.constraint).toBe(
      "cannot be read as the key: it holds S where a number (N) is declared (a record of another table than EventData's?)",
    );
    expect(events.fromStreamRecord(eventKeys({ device_id: { S: 'd' }, at: { N: '1' } }))).toStrictEqual({
      eventName: 'REMOVE',
      keys: { device_id: 'd', at: 1 },
    });
  });

  it('an image value of another type than the attribute is a StoredValueError naming it', () => {
    const error = captureSyncError(() => edges.fromStreamRecord(withValue('count', { S: 'many' })));
    expect(error).toBeInstanceOf(StoredValueError);
    expect(error).toMatchObject({ modelName: 'EdgeData', attribute: 'count' });
  });

  it('hostile shapes are issues, not crashes: throwing getters, proxies, cycles, deep nesting', () => {
    const getter = { ...image };
    Object.defineProperty(getter, 'name', {
      enumerable: true,
      get: () => {
        throw new Error('boom');
      },
    });
    expect(issuesOf(edges, insert(getter)).map((issue) => issue.attribute)).toEqual(['dynamodb.NewImage.name']);

    const proxy = new Proxy<Record<string, unknown>>(
      {},
      {
        ownKeys: () => {
          throw new Error('boom');
        },
      },
    );
    expect(issuesOf(edges, insert(proxy)).map((issue) => issue.attribute)).toEqual(['dynamodb.NewImage']);

    const cycle: { M: Record<string, unknown> } = { M: {} };
    cycle.M['self'] = cycle;
    const deep = issuesOf(edges, withValue('map', cycle));
    expect(deep).toHaveLength(1);
    expect(deep[0]?.constraint).toBe('must hold at most 32 levels of nested lists and maps');
  });
});

describe('readStreamItem', () => {
  it('keeps a __proto__ attribute (from JSON) as an attribute, never as a prototype', () => {
    const issues: RecordValidationError['issues'][number][] = [];
    const item = readStreamItem(
      JSON.parse('{"__proto__": {"S": "x"}, "a": {"M": {"__proto__": {"N": "1"}}}}'),
      'Keys',
      issues,
    );
    expect(issues).toEqual([]);
    expect(Object.getPrototypeOf(item)).toBe(Object.prototype);
    expect(Object.hasOwn(item!, '__proto__')).toBe(true);
    expect(Object.hasOwn(item!['a']!.M!, '__proto__')).toBe(true);
  });

  it('gives plain Uint8Arrays for base64, as the SDK gives', () => {
    const item = readStreamItem({ b: { B: 'AAH+/w==' } }, 'NewImage', []);
    expect(item?.['b']?.B).toStrictEqual(new Uint8Array([0, 1, 254, 255]));
  });
});

describe('fromStreamRecord of a table shared by several models', () => {
  const users = new Repository(ShopUser, { client, tableName: 'shop' });
  const userKeys = { pk: { S: 'USER#u1' }, sk: { S: 'PROFILE' } };
  const userImage = { ...userKeys, _entity: { S: 'User' }, user_id: { S: 'u1' }, email: { S: 'a@example.com' } };

  it("reads the entity's own items, the id by its template's parts", () => {
    const change = users.fromStreamRecord({ eventName: 'INSERT', dynamodb: { Keys: userKeys, NewImage: userImage } });
    expect(change.keys).toEqual({ user_id: 'u1' });
    expect(change.newRecord).toBeInstanceOf(ShopUser);
  });

  it("refuses another entity's item with an EntityMismatchError named by its stored key", () => {
    const orderKeys = { pk: { S: 'USER#u1' }, sk: { S: 'ORDER#2026-03-01#o1' } };
    const orderImage = { ...orderKeys, _entity: { S: 'Order' }, user_id: { S: 'u1' } };
    const error = captureSyncError(() =>
      users.fromStreamRecord({ eventName: 'REMOVE', dynamodb: { Keys: orderKeys, OldImage: orderImage } }),
    );
    expect(error).toBeInstanceOf(EntityMismatchError);
    expect(error).toMatchObject({ foundEntity: 'Order', key: { pk: 'USER#u1', sk: 'ORDER#2026-03-01#o1' } });
  });
});
