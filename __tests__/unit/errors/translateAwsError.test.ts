import { ConditionalCheckFailedException, ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import { ConditionFailedError, RecordExistsError, RecordNotFoundError } from '../../../lib';
import {
  isConditionalCheckFailed,
  isResourceInUse,
  isResourceNotFound,
  translateAwsError,
  type WriteContext,
} from '../../../lib/errors/translateAwsError';

const key = { person_id: 1 };
const context = (operation: WriteContext['operation'], checked = false): WriteContext => ({
  operation,
  modelName: 'PhoneData',
  key,
  checked,
});

/** A failed condition as another copy of the SDK would throw it: only the name matches. */
function namedConditionalCheckFailed(): Error {
  return Object.assign(new Error('The conditional request failed'), { name: 'ConditionalCheckFailedException' });
}

const sdkConditionalCheckFailed = () =>
  new ConditionalCheckFailedException({ message: 'The conditional request failed', $metadata: {} });

describe('translateAwsError: failed existence conditions', () => {
  it.each([
    ['create', namedConditionalCheckFailed, RecordExistsError],
    ['create', sdkConditionalCheckFailed, RecordExistsError],
    ['update', namedConditionalCheckFailed, RecordNotFoundError],
    ['update', sdkConditionalCheckFailed, RecordNotFoundError],
    ['delete', namedConditionalCheckFailed, RecordNotFoundError],
    ['delete', sdkConditionalCheckFailed, RecordNotFoundError],
  ] as const)('%s + %p → %p, with the SDK error as cause', (operation, makeError, ErrorClass) => {
    const sdkError = makeError();
    const translated = translateAwsError(sdkError, context(operation));
    expect(translated).toBeInstanceOf(ErrorClass);
    expect(translated).toMatchObject({ modelName: 'PhoneData', key, cause: sdkError });
    expect((translated as Error).message).toContain('PhoneData');
    expect((translated as Error).message).toContain('the given person_id');
  });
});

describe('translateAwsError: failed conditions beyond existence', () => {
  it('names a failed user condition on create, when the record is absent', () => {
    const sdkError = namedConditionalCheckFailed();
    expect(translateAwsError(sdkError, context('create', true), null)).toBeInstanceOf(ConditionFailedError);
    expect(translateAwsError(sdkError, context('create', true), { person_id: 1 })).toBeInstanceOf(RecordExistsError);
  });

  it('names a failed user condition on update with the current record, and a missing record as not found', () => {
    const sdkError = namedConditionalCheckFailed();
    const current = { person_id: 1, name: 'Ada' };
    const failed = translateAwsError(sdkError, context('update', true), current);
    expect(failed).toBeInstanceOf(ConditionFailedError);
    expect(failed).toMatchObject({ item: current, cause: sdkError });
    expect(translateAwsError(sdkError, context('delete', true), null)).toBeInstanceOf(RecordNotFoundError);
  });
});

describe('translateAwsError: everything else passes through unchanged', () => {
  it.each([
    ['a throttling error', Object.assign(new Error('slow down'), { name: 'ProvisionedThroughputExceededException' })],
    ['a validation error', Object.assign(new Error('bad'), { name: 'ValidationException' })],
    ['a table that does not exist', new ResourceNotFoundException({ message: 'no table', $metadata: {} })],
    ['a network error', Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })],
    ['a TypeError', new TypeError('x is undefined')],
    ['a string', 'ConditionalCheckFailedException'],
    ['a plain object named like the SDK error', { name: 'ConditionalCheckFailedException' }],
    ['undefined', undefined],
  ])('%s', (_case, error) => {
    for (const operation of ['create', 'update', 'delete'] as const) {
      expect(translateAwsError(error, context(operation))).toBe(error);
    }
  });
});

describe('SDK error predicates', () => {
  it('match by name', () => {
    expect(isConditionalCheckFailed(namedConditionalCheckFailed())).toBe(true);
    expect(isConditionalCheckFailed(sdkConditionalCheckFailed())).toBe(true);
    expect(isResourceNotFound(new ResourceNotFoundException({ message: 'x', $metadata: {} }))).toBe(true);
    expect(isResourceInUse(Object.assign(new Error('x'), { name: 'ResourceInUseException' }))).toBe(true);
    expect(isResourceInUse(new Error('ResourceInUseException'))).toBe(false);
  });
});
