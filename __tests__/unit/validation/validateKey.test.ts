import { RecordValidationError } from '../../../lib/errors/RecordValidationError';
import { toKey } from '../../../lib/marshalling/toKey';
import type { ModelClass } from '../../../lib/schema/CompiledSchema';
import { compileSchema } from '../../../lib/schema/compileSchema';
import { validateKey } from '../../../lib/validation/validateKey';
import { EdgeData, EventData, PhoneData, StatusData } from '../../fixtures/models';
import { captureSyncError } from '../captureError';

/** The DynamoDB Key of an id: validated, then encoded. */
function keyOf(model: ModelClass, id: unknown) {
  const schema = compileSchema(model);
  return toKey(schema, validateKey(schema, id));
}

describe('validateKey and toKey: good ids', () => {
  it('takes a scalar id for a table without a sort key', () => {
    expect(validateKey(compileSchema(PhoneData), 42)).toEqual({ person_id: 42 });
    expect(keyOf(PhoneData, 42)).toEqual({ person_id: { N: '42' } });
    expect(keyOf(StatusData, 'r1')).toEqual({ request_id: { S: 'r1' } });
  });

  it('takes an object id for a table without a sort key', () => {
    expect(keyOf(PhoneData, { person_id: 42 })).toEqual({ person_id: { N: '42' } });
  });

  it('takes an object id naming both keys of a composite key', () => {
    const values = validateKey(compileSchema(EventData), { device_id: 'd1', at: 1700000000 });
    expect(values).toEqual({ device_id: 'd1', at: 1700000000 });
    expect(toKey(compileSchema(EventData), values)).toEqual({ device_id: { S: 'd1' }, at: { N: '1700000000' } });
  });

  it('ignores undefined fields of an object id', () => {
    expect(keyOf(PhoneData, { person_id: 1, name: undefined })).toEqual({ person_id: { N: '1' } });
  });
});

describe('validateKey: bad ids', () => {
  it.each<[string, ModelClass, unknown, typeof RecordValidationError, string, RegExp]>([
    [
      'a scalar id without the sort key',
      EventData,
      'd1',
      RecordValidationError,
      'at',
      /^required \(the table has a sort key: pass \{ device_id, at \}\)$/,
    ],
    ['an object id without the sort key', EventData, { device_id: 'd1' }, RecordValidationError, 'at', /^required$/],
    ['an object id without the partition key', EventData, { at: 1 }, RecordValidationError, 'device_id', /^required$/],
    [
      'an extra field',
      PhoneData,
      { person_id: 1, name: 'Ada' },
      RecordValidationError,
      'name',
      /^is not a key attribute$/,
    ],
    ['a wrong type', PhoneData, '42', RecordValidationError, 'person_id', /^must be a number$/],
    [
      'a wrong type in an object id',
      EventData,
      { device_id: 'd1', at: '1' },
      RecordValidationError,
      'at',
      /^must be a number$/,
    ],
    ['NaN', PhoneData, NaN, RecordValidationError, 'person_id', /^must be a finite number$/],
    [
      'an empty string key',
      StatusData,
      '',
      RecordValidationError,
      'request_id',
      /^must not be empty \(it is the partition key\)$/,
    ],
    ['null', PhoneData, null, RecordValidationError, 'person_id', /^required$/],
    ['undefined', PhoneData, undefined, RecordValidationError, 'person_id', /^required$/],
    [
      'an own __proto__ key',
      PhoneData,
      { person_id: 1, ...(JSON.parse('{"__proto__": 1}') as object) },
      RecordValidationError,
      '__proto__',
      /^is not a key attribute$/,
    ],
  ])('%s', (_case, model, id, ErrorClass, attribute, constraint) => {
    const error = captureSyncError(() => validateKey(compileSchema(model), id));
    expect(error).toBeInstanceOf(ErrorClass);
    expect((error as RecordValidationError).issues).toEqual([
      expect.objectContaining({ attribute, constraint: expect.stringMatching(constraint) }),
    ]);
  });

  it('names the sort key in the message when only the partition key is given', () => {
    const error = captureSyncError(() => validateKey(compileSchema(EventData), 'd1')) as RecordValidationError;
    expect(error.message).toBe(
      'EventData: 1 invalid attribute: at is required (the table has a sort key: pass { device_id, at }).',
    );
  });

  it('refuses { partition, sort } (the form the README once showed) naming the real key attributes', () => {
    const error = captureSyncError(() =>
      validateKey(compileSchema(EventData), { partition: 'd1', sort: 1 }),
    ) as RecordValidationError;
    expect(error.issues.map(({ attribute, constraint }) => `${attribute} ${constraint}`)).toEqual([
      'partition is not a key attribute',
      'sort is not a key attribute',
      'device_id required',
      'at required',
    ]);
  });

  it('reports every bad key part at once', () => {
    const error = captureSyncError(() =>
      validateKey(compileSchema(EventData), { at: 'soon', extra: 1 }),
    ) as RecordValidationError;
    expect(error.issues.map((issue) => issue.attribute)).toEqual(['extra', 'device_id', 'at']);
  });

  it('takes a string id with odd characters as it is', () => {
    expect(keyOf(EdgeData, 'a.b')).toEqual({ id: { S: 'a.b' } });
  });
});
