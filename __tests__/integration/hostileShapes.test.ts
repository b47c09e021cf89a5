import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import {
  Attribute,
  PartitionKey,
  RecordNotFoundError,
  RecordValidationError,
  Repository,
  Table,
  where,
} from '../../lib';
import { engines, uniqueTableName } from '../helpers/engines';

// Inputs shaped to trip a library up: attribute names that Object.prototype has, symbol keys, objects
// that pretend to be Dates or buffers, getters and proxies that throw, values no DynamoDB type holds.
// Each is handled right or refused with a RecordValidationError before anything is sent; none is a
// TypeError, none is stored half-converted.

@Table({ name: 'prototype-names' })
class PrototypeNames {
  @PartitionKey() id!: string;
  @Attribute() toString!: string; // required
  @Attribute({ optional: true }) valueOf?: string;
  @Attribute({ optional: true }) hasOwnProperty?: string;
  @Attribute({ optional: true }) when?: Date;
  @Attribute({ optional: true }) bytes?: Uint8Array;
  @Attribute({ type: 'map', optional: true }) meta?: Record<string, unknown>;
}
// a class cannot declare a field named `constructor`: the decorator is applied as a compiler would
Attribute({ type: 'string', optional: true })(PrototypeNames.prototype, 'constructor');

/** A "Date" that is not one: Date's prototype, no time inside (its getTime throws a TypeError). */
const forgedDate = (): Date => Object.create(Date.prototype) as Date;
/** A "Uint8Array" that is not one: its prototype, no buffer (byteLength throws a TypeError). */
const forgedBytes = (): Uint8Array => Object.create(Uint8Array.prototype) as Uint8Array;

describe.each(engines)('hostile shapes on $name', (engine) => {
  let repo: Repository<PrototypeNames>;

  beforeAll(async () => {
    repo = new Repository(PrototypeNames, { client: engine.client(), tableName: uniqueTableName('hostile') });
    await repo.createTable();
  });

  /** The RecordValidationError a call rejects with, and that nothing was stored under `id`. */
  async function refused(id: string, call: () => Promise<unknown>): Promise<RecordValidationError> {
    const error = await call().then(
      () => undefined,
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(RecordValidationError);
    await expect(repo.getRecord(id)).rejects.toBeInstanceOf(RecordNotFoundError);
    return error as RecordValidationError;
  }

  it('stores and reads attributes named after Object.prototype members, required and optional', async () => {
    const created = await repo.createRecord({
      id: 'p1',
      toString: 'ts',
      constructor: 'c',
    } as unknown as PrototypeNames);
    for (const record of [created, await repo.getRecord('p1')]) {
      expect(record).toBeInstanceOf(PrototypeNames);
      expect(Object.hasOwn(record, 'toString')).toBe(true);
      expect(record.toString).toBe('ts');
      expect(Object.getOwnPropertyDescriptor(record, 'constructor')?.value).toBe('c');
      // missing optional ones are absent: never own undefined properties, never read through the prototype
      expect(Object.keys(record).sort()).toEqual(['constructor', 'id', 'toString']);
      expect(Object.hasOwn(record, 'valueOf')).toBe(false);
      expect(Object.hasOwn(record, 'hasOwnProperty')).toBe(false);
    }
    const raw = await engine.client().send(new GetItemCommand({ TableName: repo.tableName, Key: { id: { S: 'p1' } } }));
    expect(Object.keys(raw.Item ?? {}).sort()).toEqual(['constructor', 'id', 'toString']);
  });

  it('updates and removes them by name, and leaves the record without own undefined properties', async () => {
    await repo.createRecord({ id: 'p2', toString: 'ts' } as PrototypeNames);
    const updated = await repo.updateRecord('p2', { valueOf: 'v', hasOwnProperty: 'h' } as never);
    expect(updated).toMatchObject({ valueOf: 'v', hasOwnProperty: 'h' });
    const removed = await repo.updateRecord('p2', { valueOf: null } as never);
    expect(Object.keys(removed).sort()).toEqual(['hasOwnProperty', 'id', 'toString']);
  });

  it('a missing required toString is required, not read through the prototype', async () => {
    const error = await refused('p3', () => repo.createRecord({ id: 'p3' } as PrototypeNames));
    expect(error.issues).toEqual([{ attribute: 'toString', received: 'undefined', constraint: 'required' }]);
  });

  it('refuses symbol-keyed properties, naming them', async () => {
    const input = { id: 'p4', toString: 'ts', [Symbol('secret')]: 1 } as unknown as PrototypeNames;
    const error = await refused('p4', () => repo.createRecord(input));
    expect(error.issues).toEqual([
      expect.objectContaining({ attribute: 'Symbol(secret)', constraint: expect.stringMatching(/symbol-keyed/) }),
    ]);
  });

  it.each([
    ['a forged Date', { when: forgedDate() }, 'when', /must be a valid Date/],
    ['a forged Uint8Array', { bytes: forgedBytes() }, 'bytes', /must be a Uint8Array or Buffer/],
    ['a symbol in a map', { meta: { s: Symbol('s') } }, 'meta', /cannot be stored/],
    ['a function in a map', { meta: { f: () => 1 } }, 'meta', /cannot be stored/],
    ['a class instance in a map', { meta: { m: new Map() } }, 'meta', /cannot be stored/],
    ['a Date in an untyped map', { meta: { at: new Date() } }, 'meta', /would come back as a string/],
    ['a forged Date in a map', { meta: { at: forgedDate() } }, 'meta', /cannot be stored/],
  ])('refuses %s with a RecordValidationError, never a TypeError', async (_case, values, attribute, constraint) => {
    const id = `bad-${attribute}-${Math.random().toString(36).slice(2, 8)}`;
    const error = await refused(id, () => repo.createRecord({ id, toString: 'ts', ...values } as PrototypeNames));
    expect(error.issues).toEqual([
      expect.objectContaining({ attribute, constraint: expect.stringMatching(constraint) }),
    ]);
  });

  it('a getter or a proxy that throws is an issue, not a crash', async () => {
    const withGetter = Object.defineProperty({ id: 'p5', toString: 'ts' }, 'valueOf', {
      enumerable: true,
      get: () => {
        throw new TypeError('boom');
      },
    });
    const getterError = await refused('p5', () => repo.createRecord(withGetter as PrototypeNames));
    expect(getterError.issues).toEqual([expect.objectContaining({ attribute: 'valueOf', received: 'getter' })]);
    const proxy = new Proxy(
      {},
      {
        ownKeys: () => {
          throw new TypeError('boom');
        },
      },
    );
    const proxyError = await refused('p6', () => repo.createRecord(proxy));
    expect(proxyError.issues).toEqual([expect.objectContaining({ attribute: '(record)' })]);
  });

  it('a Date with its own getTime and toISOString overridden is read through Date itself', async () => {
    const when = new Date('2026-05-01T00:00:00.000Z');
    Object.assign(when, {
      getTime: () => {
        throw new TypeError('boom');
      },
      toISOString: () => 'not a date',
    });
    const stored = await repo.createRecord({ id: 'p7', toString: 'ts', when } as PrototypeNames);
    expect(Date.prototype.toISOString.call(stored.when)).toBe('2026-05-01T00:00:00.000Z');
  });

  it('forged values are refused as ids and in conditions too', async () => {
    const error = await repo
      .updateRecord('p1', { valueOf: 'x' } as never, { condition: where('when').eq(forgedDate()) })
      .then(
        () => undefined,
        (caught: unknown) => caught,
      );
    expect(error).toBeInstanceOf(RecordValidationError);
    await expect(repo.getRecord(forgedBytes() as never)).rejects.toBeInstanceOf(RecordValidationError);
  });
});
