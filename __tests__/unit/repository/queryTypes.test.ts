import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Query, Repository, Scan, where } from '../../../lib';
import { StatusQueryData } from '../../fixtures/models';

// Repository.query and .scan build their first request without sending it; tsc checks the types below.

const client = new DynamoDBClient({
  region: 'us-east-1',
  endpoint: 'http://127.0.0.1:9',
  credentials: { accessKeyId: 'x', secretAccessKey: 'x' },
});
const repo = new Repository(StatusQueryData, { client, tableName: 'status-table' });
afterAll(() => client.destroy());

describe('Repository.query / scan types', () => {
  it('yields model instances, or Pick<M, K> with a projection', () => {
    const full: Query<StatusQueryData> = repo.query(
      { status: 'STARTED' },
      { index: 'byStatus', sortKey: where('timestamp').beginsWith('2026-') },
    );
    const partial = repo.query({ request_id: 'r1' }, { projection: ['status', 'name'] });
    const typed: Query<Pick<StatusQueryData, 'status' | 'name'>> = partial;
    // @ts-expect-error timestamp was not projected
    const wrong: Query<Pick<StatusQueryData, 'timestamp'>> = partial;
    // @ts-expect-error not an attribute of the model
    expect(() => repo.query({ request_id: 'r1' }, { projection: ['ghost'] })).toThrow(/ghost/);
    // @ts-expect-error a key value of the wrong type
    expect(() => repo.query({ request_id: 1 })).toThrow(/request_id/);
    const scan: Scan<Pick<StatusQueryData, 'request_id'>> = repo.scan({ segments: 2, projection: ['request_id'] });
    expect([full, typed, wrong, scan].every((read) => read.input.TableName === 'status-table')).toBe(true);
  });

  it('is iterable with for await, each record typed', async () => {
    const read = async () => {
      for await (const record of repo.query({ request_id: 'r1' }, { projection: ['status'] })) {
        const status: StatusQueryData['status'] = record.status;
        // @ts-expect-error not projected
        return [status, record.name];
      }
      return [];
    };
    expect(typeof read).toBe('function'); // compiled, never run: no engine in unit tests
  });
});
