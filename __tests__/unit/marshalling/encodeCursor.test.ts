import { RecordValidationError } from '../../../lib/errors/RecordValidationError';
import { encodeCursor, type CursorTarget } from '../../../lib/marshalling/encodeCursor';
import { decodeCursor } from '../../../lib/validation/decodeCursor';

const target: CursorTarget = {
  modelName: 'EventData',
  operation: 'query',
  tableName: 'events',
  keyNames: ['device_id', 'at', 'digest'],
  partition: { name: 'device_id', value: { S: 'd1' } },
};
const key = { device_id: { S: 'd1' }, at: { N: '12.5' }, digest: { B: new Uint8Array([0, 255, 7]) } };

function constraintOf(run: () => unknown): string {
  try {
    run();
  } catch (error) {
    expect(error).toBeInstanceOf(RecordValidationError);
    const [issue] = (error as RecordValidationError).issues;
    expect(issue?.attribute).toBe('cursor');
    return issue!.constraint;
  }
  throw new Error('expected a RecordValidationError');
}

describe('encodeCursor / decodeCursor', () => {
  it('round-trips a key with string, number and binary values as a URL-safe string', () => {
    const cursor = encodeCursor(target, key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(target, cursor)).toEqual(key);
  });

  it('matches the partition by value, as DynamoDB compares numbers', () => {
    const numeric: CursorTarget = { ...target, keyNames: ['n'], partition: { name: 'n', value: { N: '1.50' } } };
    expect(decodeCursor(numeric, encodeCursor(numeric, { n: { N: '1.5' } }))).toEqual({ n: { N: '1.5' } });
  });

  it.each<[string, unknown, RegExp]>([
    ['undefined', undefined, /^is not a cursor/],
    ['an empty string', '', /^is not a cursor/],
    ['padding and other characters', 'abc=', /^is not a cursor/],
    ['garbage', 'Zm9v', /does not decode/],
    [
      'another format version',
      Buffer.from(JSON.stringify({ v: 2, o: 'query', t: 'events', k: {} })).toString('base64url'),
      /does not decode/,
    ],
    [
      'keys as an array',
      Buffer.from(JSON.stringify({ v: 1, o: 'query', t: 'events', k: [] })).toString('base64url'),
      /does not decode/,
    ],
  ])('refuses %s', (_case, cursor, constraint) => {
    expect(constraintOf(() => decodeCursor(target, cursor))).toMatch(constraint);
  });

  it('refuses a cursor of another table, index, operation, partition or key', () => {
    const cursor = encodeCursor(target, key);
    expect(constraintOf(() => decodeCursor({ ...target, tableName: 'other' }, cursor))).toBe(
      'was made for a query of table events, not this query of table other',
    );
    expect(constraintOf(() => decodeCursor({ ...target, indexName: 'byTime' }, cursor))).toMatch(
      /not this query of table events index byTime$/,
    );
    expect(constraintOf(() => decodeCursor({ ...target, operation: 'scan' }, cursor))).toMatch(/^was made for a query/);
    expect(
      constraintOf(() => decodeCursor({ ...target, partition: { name: 'device_id', value: { S: 'd2' } } }, cursor)),
    ).toMatch(/another partition/);
    expect(constraintOf(() => decodeCursor({ ...target, keyNames: ['device_id', 'at'] }, cursor))).toMatch(
      /holds the key attributes device_id, at, digest, not device_id, at$/,
    );
  });

  it('refuses malformed key values', () => {
    const forge = (k: unknown) =>
      Buffer.from(JSON.stringify({ v: 1, o: 'query', t: 'events', k })).toString('base64url');
    const keyNames = ['device_id'];
    const plain: CursorTarget = { modelName: 'EventData', operation: 'query', tableName: 'events', keyNames };
    expect(constraintOf(() => decodeCursor(plain, forge({ device_id: ['N', 'twelve'] })))).toBe(
      'holds a malformed value for device_id',
    );
    expect(constraintOf(() => decodeCursor(plain, forge({ device_id: ['B', '***'] })))).toBe(
      'holds a malformed value for device_id',
    );
    expect(constraintOf(() => decodeCursor(plain, forge({ device_id: ['BOOL', 'true'] })))).toBe(
      'holds a malformed value for device_id',
    );
    expect(constraintOf(() => decodeCursor(plain, forge({ device_id: 'd1' })))).toBe(
      'holds a malformed value for device_id',
    );
  });

  it('refuses to encode a value no key can have', () => {
    expect(() => encodeCursor(target, { device_id: { BOOL: true } })).toThrow(/not a string, number or binary/);
  });
});
