import { RecordValidationError } from '../../../lib/errors/RecordValidationError';
import type { ModelClass } from '../../../lib/schema/CompiledSchema';
import { compileSchema } from '../../../lib/schema/compileSchema';
import { validateChanges } from '../../../lib/validation/validateRecord';
import { AccountData, EdgeData, EventData, PhoneData, UserData } from '../../fixtures/models';
import { captureError } from '../captureError';

describe('validateChanges: bad changes', () => {
  it.each<[string, ModelClass, unknown, typeof RecordValidationError, string, string, string]>([
    [
      'empty changes',
      PhoneData,
      {},
      RecordValidationError,
      '(changes)',
      'object',
      'must change at least one attribute',
    ],
    [
      'only undefined changes',
      PhoneData,
      { name: undefined, timestamp: undefined },
      RecordValidationError,
      '(changes)',
      'object',
      'must change at least one attribute',
    ],
    [
      'the partition key',
      PhoneData,
      { person_id: 2 },
      RecordValidationError,
      'person_id',
      'number',
      'cannot be updated (it is the partition key)',
    ],
    [
      'the sort key',
      EventData,
      { at: 2 },
      RecordValidationError,
      'at',
      'number',
      'cannot be updated (it is the sort key)',
    ],
    [
      'null on a required attribute',
      PhoneData,
      { name: null },
      RecordValidationError,
      'name',
      'null',
      'cannot be removed (it is required)',
    ],
    [
      'an unknown attribute',
      PhoneData,
      { nickname: 'A' },
      RecordValidationError,
      'nickname',
      'string',
      'is not an attribute of the model',
    ],
    [
      'an own __proto__ key',
      PhoneData,
      JSON.parse('{"__proto__": "x"}'),
      RecordValidationError,
      '__proto__',
      'string',
      'is not an attribute of the model',
    ],
    [
      'a constructor key',
      PhoneData,
      { constructor: 1 },
      RecordValidationError,
      'constructor',
      'number',
      'is not an attribute of the model',
    ],
    ['a wrong type', PhoneData, { name: 1 }, RecordValidationError, 'name', 'number', 'must be a string'],
    ['NaN', EdgeData, { count: NaN }, RecordValidationError, 'count', 'NaN', 'must be a finite number'],
    [
      'an empty Set',
      EdgeData,
      { tags: new Set() },
      RecordValidationError,
      'tags',
      'Set',
      'must not be an empty Set (DynamoDB stores no empty set)',
    ],
    [
      'a categorical value outside the list',
      PhoneData,
      { relationship: 'ENEMY' },
      RecordValidationError,
      'relationship',
      'string',
      'must be one of PARENT, SIBLING, FRIEND, COLLEAGUE, ACQUAINTANCE',
    ],
    [
      'a data_source value outside the list',
      EdgeData,
      { data_source: 'low' },
      RecordValidationError,
      'data_source',
      'string',
      'must be one of LOW, HIGH',
    ],
    [
      'an email failing @IsEmail',
      UserData,
      { email: 'nope' },
      RecordValidationError,
      'email',
      'string',
      'must be an email',
    ],
    [
      'a nickname failing @Length',
      AccountData,
      { nickname: 'x' },
      RecordValidationError,
      'nickname',
      'string',
      'must be longer than or equal to 2 characters',
    ],
    ['null', PhoneData, null, RecordValidationError, '(changes)', 'null', 'must be an object'],
    ['an array', PhoneData, [{ name: 'A' }], RecordValidationError, '(changes)', 'array', 'must be an object'],
  ])('%s', async (_case, model, changes, ErrorClass, attribute, received, constraint) => {
    const error = await captureError(() => validateChanges(compileSchema(model), changes));
    expect(error).toBeInstanceOf(ErrorClass);
    expect((error as RecordValidationError).issues).toEqual([{ attribute, received, constraint }]);
  });

  it('reports every bad change at once', async () => {
    const error = (await captureError(() =>
      validateChanges(compileSchema(PhoneData), { person_id: 3, name: null, relationship: 'ENEMY', extra: true }),
    )) as RecordValidationError;
    expect(error.issues.map((issue) => issue.attribute)).toEqual(['extra', 'person_id', 'name', 'relationship']);
    expect(error.message).toMatch(
      /^PhoneData: 4 invalid attributes: extra \(boolean\) is not an attribute of the model; /,
    );
  });
});

describe('validateChanges: good changes', () => {
  it('accepts null on an optional attribute (a REMOVE)', async () => {
    await expect(
      Promise.resolve().then(() => validateChanges(compileSchema(EdgeData), { count: null, tags: null })),
    ).resolves.toEqual(Object.assign(Object.create(null) as object, { count: null, tags: null }));
  });

  it('keeps the given changes, leaving out the undefined ones', async () => {
    const values = await validateChanges(compileSchema(EdgeData), {
      name: 'N',
      status: undefined,
      'first-name': 'F',
      big: 2n ** 70n,
    });
    expect({ ...values }).toEqual({ name: 'N', 'first-name': 'F', big: 2n ** 70n });
  });

  it('checks class-validator constraints only on the attributes given', async () => {
    await expect(
      Promise.resolve().then(() => validateChanges(compileSchema(AccountData), { nickname: 'ada' })),
    ).resolves.toMatchObject({
      nickname: 'ada',
    });
    await expect(
      Promise.resolve().then(() => validateChanges(compileSchema(UserData), { timestamp: 't2' })),
    ).resolves.toMatchObject({
      timestamp: 't2',
    });
  });
});
