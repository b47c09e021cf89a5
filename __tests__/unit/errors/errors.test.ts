import {
  ConditionFailedError,
  OrmError,
  RecordExistsError,
  RecordNotFoundError,
  RecordValidationError,
  SchemaError,
  UnsupportedCapabilityError,
  WaitTimeoutError,
} from '../../../lib';
import { describeKey } from '../../../lib/errors/describeKey';

const cause = new Error('engine said no');

describe('error classes', () => {
  it.each<[string, OrmError, Record<string, unknown>, string]>([
    [
      'SchemaError',
      new SchemaError('PhoneData', 'relationship', '@Categorical needs at least one value.'),
      { modelName: 'PhoneData', property: 'relationship', reason: '@Categorical needs at least one value.' },
      'PhoneData.relationship: @Categorical needs at least one value.',
    ],
    [
      'SchemaError',
      new SchemaError('PhoneData', undefined, 'no partition key.'),
      { modelName: 'PhoneData', property: undefined },
      'PhoneData: no partition key.',
    ],
    [
      'RecordValidationError',
      new RecordValidationError('PhoneData', [
        { attribute: 'relationship', received: 'string', constraint: 'must be one of PARENT, FRIEND' },
        { attribute: 'person_id', received: 'undefined', constraint: 'required' },
      ]),
      {
        modelName: 'PhoneData',
        issues: [
          { attribute: 'relationship', received: 'string', constraint: 'must be one of PARENT, FRIEND' },
          { attribute: 'person_id', received: 'undefined', constraint: 'required' },
        ],
      },
      'PhoneData: 2 invalid attributes: relationship (string) must be one of PARENT, FRIEND; person_id is required.',
    ],
    [
      'RecordNotFoundError',
      new RecordNotFoundError('EventData', { device_id: 'd1', at: 5 }, { cause }),
      { modelName: 'EventData', key: { device_id: 'd1', at: 5 }, cause },
      'EventData: no record with key {"device_id":"d1","at":5}.',
    ],
    [
      'RecordExistsError',
      new RecordExistsError('PhoneData', { person_id: 1 }),
      { modelName: 'PhoneData', key: { person_id: 1 } },
      'PhoneData: a record with key {"person_id":1} already exists.',
    ],
    [
      'ConditionFailedError',
      new ConditionFailedError('StatusData', { request_id: 'r1' }, { request_id: 'r1', status: 'FAILED' }, { cause }),
      { modelName: 'StatusData', key: { request_id: 'r1' }, item: { request_id: 'r1', status: 'FAILED' }, cause },
      'StatusData: the condition on the write to {"request_id":"r1"} failed.',
    ],
    [
      'UnsupportedCapabilityError',
      new UnsupportedCapabilityError('transactions', 'dynalite has none.'),
      { capability: 'transactions', detail: 'dynalite has none.' },
      'This DynamoDB engine does not support transactions: dynalite has none.',
    ],
    [
      'WaitTimeoutError',
      new WaitTimeoutError('status-table', 'byStatus', 'CREATING', 5000),
      { tableName: 'status-table', indexName: 'byStatus', lastStatus: 'CREATING', timeoutMs: 5000 },
      'The index byStatus of table status-table was not ACTIVE after 5000 ms (last status: CREATING).',
    ],
    [
      'WaitTimeoutError',
      new WaitTimeoutError('status-table', undefined, undefined, 10),
      { tableName: 'status-table', indexName: undefined, lastStatus: undefined },
      'The table status-table was not ACTIVE after 10 ms (last status: absent).',
    ],
  ])('%s: instanceof OrmError and Error, named, with structured fields', (className, error, fields, message) => {
    expect(error).toBeInstanceOf(OrmError);
    expect(error).toBeInstanceOf(Error);
    expect(error.constructor.name).toBe(className);
    expect(error.name).toBe(className);
    expect(error).toMatchObject(fields);
    expect(error.message).toBe(message);
    expect(String(error)).toBe(`${className}: ${message}`);
    expect(error.stack).toContain(className);
  });

  it('is caught by its own class and not by a sibling', () => {
    const error: unknown = new RecordNotFoundError('PhoneData', { person_id: 1 });
    expect(error instanceof RecordNotFoundError).toBe(true);
    expect(error instanceof RecordExistsError).toBe(false);
    expect(error instanceof SchemaError).toBe(false);
  });

  it('freezes the issues of a RecordValidationError, copied from the caller', () => {
    const issues = [{ attribute: 'a', received: 'null', constraint: 'required' }];
    const error = new RecordValidationError('M', issues);
    issues.push({ attribute: 'b', received: 'null', constraint: 'required' });
    expect(error.issues).toHaveLength(1);
    expect(Object.isFrozen(error.issues)).toBe(true);
    expect(error.message).toBe('M: 1 invalid attribute: a is required.');
  });

  it('keeps a subclass name for a user subclass', () => {
    class TenantNotFoundError extends RecordNotFoundError {}
    expect(new TenantNotFoundError('M', {}).name).toBe('TenantNotFoundError');
  });
});

describe('describeKey', () => {
  it('renders bigints and binaries readably', () => {
    expect(describeKey({ id: 12345678901234567890n, hash: new Uint8Array(3) })).toBe(
      '{"id":"12345678901234567890n","hash":"<3 bytes>"}',
    );
  });
});
