import { IsEmail } from 'class-validator';
import { Attribute, PartitionKey, Table } from '../../../lib';
import { RecordValidationError } from '../../../lib/errors/RecordValidationError';
import { OrmError } from '../../../lib/errors/OrmError';
import type { ValidationIssue } from '../../../lib/errors/ValidationIssue';
import type { ModelClass } from '../../../lib/schema/CompiledSchema';
import { compileSchema } from '../../../lib/schema/compileSchema';
import { validateRecord } from '../../../lib/validation/validateRecord';
import { AccountData, EdgeData, PhoneData, StatusData, UserData } from '../../fixtures/models';
import { captureError } from '../captureError';

const phone = {
  person_id: 1,
  name: 'Ada',
  phone_number: '555-0100',
  relationship: 'FRIEND',
  timestamp: '2026-01-01T00:00:00Z',
};
const edge = { id: 'e1', name: 'n', status: 's', 'first-name': 'f', 'a.b': 'ab', 'x y': 'xy' };
const status = { request_id: 'r1', status: 'STARTED', timestamp: 't' };
const account = { account_id: 'a1', email: 'ada@example.com', nickname: 'ada' };
const user = { user_id: 'u1', email: 'ada@example.com', timestamp: 't' };

class Address {
  street = 'Main St';
}

async function issuesOf(model: ModelClass, record: unknown): Promise<readonly ValidationIssue[]> {
  const error = await captureError(() => validateRecord(compileSchema(model), record));
  expect(error).toBeInstanceOf(RecordValidationError);
  expect(error).toBeInstanceOf(OrmError);
  expect((error as RecordValidationError).modelName).toBe(model.name);
  return (error as RecordValidationError).issues;
}

describe('validateRecord: one bad attribute, named with the type received and the constraint', () => {
  it.each<[string, ModelClass, unknown, typeof RecordValidationError, string, string, RegExp]>([
    // presence
    [
      'a missing required attribute',
      PhoneData,
      { ...phone, name: undefined },
      RecordValidationError,
      'name',
      'undefined',
      /^required$/,
    ],
    [
      'an absent required attribute',
      PhoneData,
      (({ name: _omitted, ...rest }) => rest)(phone),
      RecordValidationError,
      'name',
      'undefined',
      /^required$/,
    ],
    [
      'null on a required attribute',
      PhoneData,
      { ...phone, name: null },
      RecordValidationError,
      'name',
      'null',
      /^required$/,
    ],
    [
      'an own undefined field of an instance',
      PhoneData,
      Object.assign(new PhoneData(), { ...phone, phone_number: undefined }),
      RecordValidationError,
      'phone_number',
      'undefined',
      /^required$/,
    ],
    [
      'a missing partition key',
      PhoneData,
      { ...phone, person_id: undefined },
      RecordValidationError,
      'person_id',
      'undefined',
      /^required$/,
    ],
    // unknown attributes
    [
      'an unknown attribute',
      PhoneData,
      { ...phone, nickname: 'A' },
      RecordValidationError,
      'nickname',
      'string',
      /^is not an attribute of the model$/,
    ],
    [
      'an own __proto__ key',
      PhoneData,
      { ...phone, ...(JSON.parse('{"__proto__": {"admin": true}}') as object) },
      RecordValidationError,
      '__proto__',
      'object',
      /^is not an attribute of the model$/,
    ],
    [
      'a constructor key',
      PhoneData,
      { ...phone, constructor: 'x' },
      RecordValidationError,
      'constructor',
      'string',
      /^is not an attribute of the model$/,
    ],
    [
      'a toString key',
      PhoneData,
      { ...phone, toString: 1 },
      RecordValidationError,
      'toString',
      'number',
      /^is not an attribute of the model$/,
    ],
    // scalar types
    [
      'a string for a number',
      PhoneData,
      { ...phone, person_id: '1' },
      RecordValidationError,
      'person_id',
      'string',
      /^must be a number$/,
    ],
    [
      'a number for a string',
      PhoneData,
      { ...phone, name: 42 },
      RecordValidationError,
      'name',
      'number',
      /^must be a string$/,
    ],
    ['NaN', EdgeData, { ...edge, count: NaN }, RecordValidationError, 'count', 'NaN', /^must be a finite number$/],
    [
      'Infinity',
      EdgeData,
      { ...edge, count: Infinity },
      RecordValidationError,
      'count',
      'Infinity',
      /^must be a finite number$/,
    ],
    [
      '-Infinity',
      EdgeData,
      { ...edge, count: -Infinity },
      RecordValidationError,
      'count',
      'Infinity',
      /^must be a finite number$/,
    ],
    [
      'an unsafe integer for a number',
      EdgeData,
      { ...edge, count: 2 ** 53 },
      RecordValidationError,
      'count',
      'number',
      /^must be a safe integer \(beyond 2\^53, declare the attribute as bigint\)$/,
    ],
    [
      'a bigint for a number',
      EdgeData,
      { ...edge, count: 1n },
      RecordValidationError,
      'count',
      'bigint',
      /^must be a number$/,
    ],
    [
      'a non-integer number for a bigint',
      EdgeData,
      { ...edge, big: 1.5 },
      RecordValidationError,
      'big',
      'number',
      /^must be a bigint or a safe integer$/,
    ],
    [
      'an unsafe integer number for a bigint',
      EdgeData,
      { ...edge, big: 2 ** 60 },
      RecordValidationError,
      'big',
      'number',
      /^must be a bigint or a safe integer$/,
    ],
    [
      'a string for a bigint',
      EdgeData,
      { ...edge, big: '1' },
      RecordValidationError,
      'big',
      'string',
      /^must be a bigint$/,
    ],
    [
      'a bigint of 39 significant digits',
      EdgeData,
      { ...edge, big: 10n ** 38n + 1n },
      RecordValidationError,
      'big',
      'bigint',
      /^must have at most 38 significant digits and be below 1E\+126$/,
    ],
    [
      'a negative bigint of 39 significant digits',
      EdgeData,
      { ...edge, big: -(10n ** 38n + 1n) },
      RecordValidationError,
      'big',
      'bigint',
      /^must have at most 38 significant digits and be below 1E\+126$/,
    ],
    [
      'a string for a boolean',
      EdgeData,
      { ...edge, flag: 'true' },
      RecordValidationError,
      'flag',
      'string',
      /^must be a boolean$/,
    ],
    [
      'an invalid Date',
      EdgeData,
      { ...edge, when: new Date('nonsense') },
      RecordValidationError,
      'when',
      'invalid Date',
      /^must be a valid Date$/,
    ],
    [
      'a string for a Date',
      EdgeData,
      { ...edge, when: '2026-01-01' },
      RecordValidationError,
      'when',
      'string',
      /^must be a valid Date$/,
    ],
    [
      'a number for a Date',
      EdgeData,
      { ...edge, when: 0 },
      RecordValidationError,
      'when',
      'number',
      /^must be a valid Date$/,
    ],
    [
      'a string for binary',
      EdgeData,
      { ...edge, bytes: 'AAEC' },
      RecordValidationError,
      'bytes',
      'string',
      /^must be a Uint8Array or Buffer$/,
    ],
    [
      'an array of numbers for binary',
      EdgeData,
      { ...edge, bytes: [0, 1] },
      RecordValidationError,
      'bytes',
      'array',
      /^must be a Uint8Array or Buffer$/,
    ],
    // documents
    [
      'an object for a list',
      EdgeData,
      { ...edge, list: { 0: 'a' } },
      RecordValidationError,
      'list',
      'object',
      /^must be an array$/,
    ],
    [
      'NaN inside a list',
      EdgeData,
      { ...edge, list: [1, NaN] },
      RecordValidationError,
      'list',
      'array',
      /^holds NaN at \[1\], which is not a storable number$/,
    ],
    [
      'undefined inside a list',
      EdgeData,
      { ...edge, list: ['a', undefined] },
      RecordValidationError,
      'list',
      'array',
      /^holds undefined at \[1\], which would come back as null: use null$/,
    ],
    [
      'an array for a map',
      EdgeData,
      { ...edge, map: [] },
      RecordValidationError,
      'map',
      'array',
      /^must be a plain object$/,
    ],
    [
      'a class instance for a map',
      EdgeData,
      { ...edge, map: new Address() },
      RecordValidationError,
      'map',
      'Address',
      /^must be a plain object$/,
    ],
    [
      'a Date for a map',
      EdgeData,
      { ...edge, map: new Date(0) },
      RecordValidationError,
      'map',
      'Date',
      /^must be a plain object$/,
    ],
    [
      'a Map for a map',
      EdgeData,
      { ...edge, map: new Map([['a', 1]]) },
      RecordValidationError,
      'map',
      'Map',
      /^must be a plain object$/,
    ],
    [
      'a class instance inside a map',
      EdgeData,
      { ...edge, map: { home: new Address() } },
      RecordValidationError,
      'map',
      'object',
      /^holds Address at \.\{key\}, which cannot be stored$/,
    ],
    [
      'a function deep inside a map',
      EdgeData,
      { ...edge, map: { a: [{ b: () => 1 }] } },
      RecordValidationError,
      'map',
      'object',
      /^holds function at \.\{key\}\[0\]\.\{key\}, which cannot be stored$/,
    ],
    [
      'an unsafe integer inside a map',
      EdgeData,
      { ...edge, map: { n: 2 ** 53 } },
      RecordValidationError,
      'map',
      'object',
      /^holds number at \.\{key\}, which is not a storable number$/,
    ],
    [
      'an empty Set inside a map',
      EdgeData,
      { ...edge, map: { s: new Set() } },
      RecordValidationError,
      'map',
      'object',
      /an empty Set/,
    ],
    // sets
    [
      'an empty Set',
      EdgeData,
      { ...edge, tags: new Set() },
      RecordValidationError,
      'tags',
      'Set',
      /^must not be an empty Set \(DynamoDB stores no empty set\)$/,
    ],
    [
      'a Set of numbers for a string set',
      EdgeData,
      { ...edge, tags: new Set([1]) },
      RecordValidationError,
      'tags',
      'Set',
      /^must be a Set of strings, and holds a number$/,
    ],
    [
      'an array for a string set',
      EdgeData,
      { ...edge, tags: ['a'] },
      RecordValidationError,
      'tags',
      'array',
      /^must be a Set of strings$/,
    ],
    [
      'a string for a string set',
      EdgeData,
      { ...edge, tags: 'a' },
      RecordValidationError,
      'tags',
      'string',
      /^must be a Set of strings$/,
    ],
    [
      'a Set of strings for a number set',
      EdgeData,
      { ...edge, scores: new Set(['1']) },
      RecordValidationError,
      'scores',
      'Set',
      /^must be a Set of numbers, and holds a string$/,
    ],
    [
      'NaN in a number set',
      EdgeData,
      { ...edge, scores: new Set([1, NaN]) },
      RecordValidationError,
      'scores',
      'Set',
      /^must be a Set of numbers, and holds a NaN that is not a storable number$/,
    ],
    [
      'an oversized bigint in a number set',
      EdgeData,
      { ...edge, scores: new Set([10n ** 38n + 1n]) },
      RecordValidationError,
      'scores',
      'Set',
      /^must be a Set of numbers, and holds a bigint that has over 38 significant digits$/,
    ],
    // categorical and keys
    [
      'a value outside the categorical list',
      PhoneData,
      { ...phone, relationship: 'ENEMY' },
      RecordValidationError,
      'relationship',
      'string',
      /^must be one of PARENT, SIBLING, FRIEND, COLLEAGUE, ACQUAINTANCE$/,
    ],
    [
      'a categorical value in the wrong case',
      PhoneData,
      { ...phone, relationship: 'friend' },
      RecordValidationError,
      'relationship',
      'string',
      /^must be one of /,
    ],
    [
      'a number for a categorical attribute',
      PhoneData,
      { ...phone, relationship: 1 },
      RecordValidationError,
      'relationship',
      'number',
      /^must be a string$/,
    ],
    [
      'a value outside the multi-word data_source list',
      EdgeData,
      { ...edge, data_source: 'MEDIUM' },
      RecordValidationError,
      'data_source',
      'string',
      /^must be one of LOW, HIGH$/,
    ],
    [
      'a value outside the status list',
      StatusData,
      { ...status, status: 'DONE' },
      RecordValidationError,
      'status',
      'string',
      /^must be one of STARTED, IN_PROGRESS, SUCCESS, FAILED$/,
    ],
    [
      'an empty string partition key',
      StatusData,
      { ...status, request_id: '' },
      RecordValidationError,
      'request_id',
      'string',
      /^must not be empty \(it is the partition key\)$/,
    ],
    // class-validator
    [
      'an email failing @IsEmail (UserData)',
      UserData,
      { ...user, email: 'not-an-email' },
      RecordValidationError,
      'email',
      'string',
      /^must be an email$/,
    ],
    [
      'an email failing @IsEmail (AccountData)',
      AccountData,
      { ...account, email: 'ada@' },
      RecordValidationError,
      'email',
      'string',
      /^must be an email$/,
    ],
    [
      'a nickname failing @Length(2, 20)',
      AccountData,
      { ...account, nickname: 'a' },
      RecordValidationError,
      'nickname',
      'string',
      /^must be longer than or equal to 2 characters$/,
    ],
    [
      'a nickname too long for @Length(2, 20)',
      AccountData,
      { ...account, nickname: 'a'.repeat(21) },
      RecordValidationError,
      'nickname',
      'string',
      /^must be shorter than or equal to 20 characters$/,
    ],
  ])('%s', async (_case, model, record, ErrorClass, attribute, received, constraint) => {
    const error = await captureError(() => validateRecord(compileSchema(model), record));
    expect(error).toBeInstanceOf(ErrorClass);
    const { issues, message } = error as RecordValidationError;
    expect(issues).toEqual([{ attribute, received, constraint: expect.stringMatching(constraint) }]);
    expect(message).toMatch(new RegExp(`^${model.name}: 1 invalid attribute: `));
    expect(message).toContain(attribute);
  });

  it.each([[null], [undefined], ['PhoneData'], [42], [[phone]]])('rejects %p as a record', async (record) => {
    const issues = await issuesOf(PhoneData, record);
    expect(issues).toEqual([{ attribute: '(record)', received: expect.any(String), constraint: 'must be an object' }]);
  });
});

describe('validateRecord: many bad attributes at once', () => {
  it('reports every failing attribute in one RecordValidationError, in a readable message', async () => {
    const record = { person_id: 'one', phone_number: 5, relationship: 'ENEMY', timestamp: null, nickname: 'A' };
    const error = (await captureError(() => validateRecord(compileSchema(PhoneData), record))) as RecordValidationError;
    expect(error).toBeInstanceOf(RecordValidationError);
    expect(error.issues).toEqual([
      { attribute: 'nickname', received: 'string', constraint: 'is not an attribute of the model' },
      { attribute: 'person_id', received: 'string', constraint: 'must be a number' },
      { attribute: 'name', received: 'undefined', constraint: 'required' },
      { attribute: 'phone_number', received: 'number', constraint: 'must be a string' },
      {
        attribute: 'relationship',
        received: 'string',
        constraint: 'must be one of PARENT, SIBLING, FRIEND, COLLEAGUE, ACQUAINTANCE',
      },
      { attribute: 'timestamp', received: 'null', constraint: 'required' },
    ]);
    expect(error.message).toBe(
      'PhoneData: 6 invalid attributes: nickname (string) is not an attribute of the model; ' +
        'person_id (string) must be a number; name is required; phone_number (number) must be a string; ' +
        'relationship (string) must be one of PARENT, SIBLING, FRIEND, COLLEAGUE, ACQUAINTANCE; timestamp is required.',
    );
    expect(Object.isFrozen(error.issues)).toBe(true);
  });

  it('reports class-validator failures beside the schema checks, one reason per attribute', async () => {
    const issues = await issuesOf(AccountData, { account_id: 7, email: 'nope', nickname: 'x' });
    expect(issues).toEqual([
      { attribute: 'account_id', received: 'number', constraint: 'must be a string' },
      { attribute: 'email', received: 'string', constraint: 'must be an email' },
      { attribute: 'nickname', received: 'string', constraint: 'must be longer than or equal to 2 characters' },
    ]);
  });

  it('keeps the schema reason when class-validator also fails the same attribute', async () => {
    const issues = await issuesOf(UserData, { ...user, email: 12 });
    expect(issues).toEqual([{ attribute: 'email', received: 'number', constraint: 'must be a string' }]);
  });

  it('rejects __proto__ and constructor as unknown without touching any prototype', async () => {
    const record = JSON.parse(
      '{"person_id": 1, "__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}}}',
    ) as object;
    const issues = await issuesOf(PhoneData, { ...phone, ...record });
    expect(issues.map((issue) => issue.attribute)).toEqual(['__proto__', 'constructor']);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((PhoneData.prototype as unknown as Record<string, unknown>).polluted).toBeUndefined();
  });
});

describe('validateRecord: valid records', () => {
  it('returns the given values', async () => {
    const values = await validateRecord(compileSchema(PhoneData), phone);
    expect({ ...values }).toEqual(phone);
  });

  it('accepts a model instance, leaving out its own undefined optional fields', async () => {
    const instance = Object.assign(new EdgeData(), edge);
    expect(Object.hasOwn(instance, 'count')).toBe(true); // useDefineForClassFields: an own undefined field
    const values = await validateRecord(compileSchema(EdgeData), instance);
    expect(Object.keys(values).sort()).toEqual(Object.keys(edge).sort());
  });

  it('accepts every type of EdgeData at its edges', async () => {
    const record = {
      ...edge,
      count: -1.5,
      big: -(10n ** 37n),
      flag: false,
      when: new Date(0),
      bytes: Buffer.from('hi'),
      list: [
        1,
        'a',
        null,
        true,
        [2n ** 70n],
        { nested: new Date(0).toISOString() },
        new Uint8Array([1]),
        new Set(['x']),
      ],
      map: Object.assign(Object.create(null) as object, { a: { b: undefined, c: [] } }),
      tags: new Set(['']),
      scores: new Set([1, 2.5, 2n ** 64n]),
      data_source: 'LOW',
    };
    await expect(Promise.resolve().then(() => validateRecord(compileSchema(EdgeData), record))).resolves.toBeDefined();
  });

  it('accepts a safe integer for a bigint, a bigint of 38 digits and trailing zeros beyond that', async () => {
    const schema = compileSchema(EdgeData);
    for (const big of [2 ** 53 - 1, 10n ** 38n - 1n, 12n * 10n ** 60n]) {
      await expect(Promise.resolve().then(() => validateRecord(schema, { ...edge, big }))).resolves.toMatchObject({
        big,
      });
    }
  });

  it('accepts null on an optional attribute (nothing is stored)', async () => {
    await expect(
      Promise.resolve().then(() => validateRecord(compileSchema(EdgeData), { ...edge, count: null })),
    ).resolves.toMatchObject({
      count: null,
    });
  });

  it('accepts an empty string outside the keys', async () => {
    await expect(
      Promise.resolve().then(() => validateRecord(compileSchema(PhoneData), { ...phone, name: '' })),
    ).resolves.toMatchObject({ name: '' });
  });

  it('runs class-validator and passes a valid record', async () => {
    await expect(
      Promise.resolve().then(() => validateRecord(compileSchema(AccountData), account)),
    ).resolves.toMatchObject(account);
    await expect(Promise.resolve().then(() => validateRecord(compileSchema(UserData), user))).resolves.toMatchObject(
      user,
    );
  });
});

// DynamoDB refuses these before storing anything; the schema checks should too ("every value is
// checked against the schema before any request"). Each test below fails today: see the report.
describe('validateRecord: values DynamoDB cannot store', () => {
  it('rejects a bigint beyond DynamoDB magnitude (at most 9.99...E+125)', async () => {
    const issues = await issuesOf(EdgeData, { ...edge, big: 10n ** 126n });
    expect(issues).toEqual([expect.objectContaining({ attribute: 'big' })]);
  });

  it('rejects a number below DynamoDB magnitude (at least 1E-130)', async () => {
    const issues = await issuesOf(EdgeData, { ...edge, count: 1e-131 });
    expect(issues).toEqual([expect.objectContaining({ attribute: 'count' })]);
  });

  it('rejects a number set whose members collide once stored (1 and 1n are both "1")', async () => {
    const issues = await issuesOf(EdgeData, { ...edge, scores: new Set<number | bigint>([1, 1n]) });
    expect(issues).toEqual([expect.objectContaining({ attribute: 'scores' })]);
  });

  it('rejects a Set of mixed member types inside a map (stored as NS ["1", "a"])', async () => {
    const issues = await issuesOf(EdgeData, { ...edge, map: { s: new Set<unknown>([1, 'a']) } });
    expect(issues).toEqual([expect.objectContaining({ attribute: 'map' })]);
  });

  it('rejects a Set of booleans inside a list (stored as NS ["true"])', async () => {
    const issues = await issuesOf(EdgeData, { ...edge, list: [new Set([true])] });
    expect(issues).toEqual([expect.objectContaining({ attribute: 'list' })]);
  });
});

@Table({ name: 'contact-table' })
class ContactData {
  @PartitionKey() id!: string;
  @IsEmail() @Attribute({ optional: true }) backup_email?: string;
}

describe('validateRecord: class-validator on an optional attribute', () => {
  it('checks a given value', async () => {
    const issues = await issuesOf(ContactData, { id: 'c1', backup_email: 'nope' });
    expect(issues).toEqual([{ attribute: 'backup_email', received: 'string', constraint: 'must be an email' }]);
  });

  // class-validator runs on present attributes only: the schema reports missing required ones
  it('accepts a record that leaves the optional attribute out', async () => {
    await expect(
      Promise.resolve().then(() => validateRecord(compileSchema(ContactData), { id: 'c1' })),
    ).resolves.toBeDefined();
  });
});

describe('validateRecord: values DynamoDB would reject once stored', () => {
  const schema = compileSchema(EdgeData);
  const base = { id: 'e', name: 'n', status: 's', 'first-name': 'f', 'a.b': 'ab', 'x y': 'xy' };

  it.each([
    ['a bigint of 1E+126', { big: 10n ** 126n }, 'big', /below 1E\+126/],
    ['a number below 1E-130', { count: 1e-131 }, 'count', /range/],
    [
      'a number set holding a bigint a number can hold (it would come back as a number, equal to another member)',
      { scores: new Set<number | bigint>([1, 1n]) as Set<number> },
      'scores',
      /holds a bigint that is a bigint a number can hold, so it would come back as a number/,
    ],
    [
      'a binary set whose members are equal once stored',
      { map: { blobs: new Set([new Uint8Array([1, 2]), Buffer.from([1, 2])]) } },
      'map',
      /equal once stored/,
    ],
    [
      'a Date inside a list',
      { list: [{ nested: new Date(0) }] },
      'list',
      /holds Date at \[0\]\.\{key\}, which would come back as a string/,
    ],
    ['a small bigint inside a map', { map: { n: 5n } }, 'map', /would come back as a number/],
    [
      'a map key named __proto__',
      { map: JSON.parse('{"a": {"__proto__": 1}}') as object },
      'map',
      /key named __proto__ in the map at \.\{key\}, which some AWS SDK releases drop/,
    ],
    ['a function inside a map', { map: { f: () => 1 } }, 'map', /holds function at \.\{key\}, which cannot be stored/],
    ['a class instance inside a list', { list: [new Map()] }, 'list', /holds Map at \[0\], which cannot be stored/],
    [
      'a symbol-keyed entry inside a map',
      { map: { [Symbol('s')]: 1 } },
      'map',
      /symbol-keyed or non-enumerable property/,
    ],
    [
      'a cycle inside a map',
      {
        map: (() => {
          const m: Record<string, unknown> = {};
          m['self'] = m;
          return m;
        })(),
      },
      'map',
      /deeper than DynamoDB's 32 levels/,
    ],
    [
      'a mixed set inside a map',
      { map: { s: new Set<unknown>([1, 'a']) } },
      'map',
      /only strings, only numbers or only binaries/,
    ],
    [
      'a set of booleans inside a list',
      { list: [new Set([true])] },
      'list',
      /only strings, only numbers or only binaries/,
    ],
  ])('%s', async (_case, values, attribute, constraint) => {
    const error = await captureError(() => validateRecord(schema, { ...base, ...values }));
    expect(error).toBeInstanceOf(RecordValidationError);
    expect((error as RecordValidationError).issues).toEqual([
      expect.objectContaining({ attribute, constraint: expect.stringMatching(constraint) }),
    ]);
  });
});
