import { tableDefinition } from '../../../lib/requests/tableDefinition';
import { compileSchema } from '../../../lib/schema/compileSchema';
import { EdgeData, EventData, PhoneData, ProvisionedData } from '../../fixtures/models';
import { Attribute, PartitionKey, SortKey, Table } from '../../../lib';

describe('tableDefinition', () => {
  it('defines PhoneData: a number HASH key, billed on demand', () => {
    expect(tableDefinition(compileSchema(PhoneData), 'phonebook-table')).toEqual({
      TableName: 'phonebook-table',
      AttributeDefinitions: [{ AttributeName: 'person_id', AttributeType: 'N' }],
      KeySchema: [{ AttributeName: 'person_id', KeyType: 'HASH' }],
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('defines EventData: HASH then RANGE', () => {
    expect(tableDefinition(compileSchema(EventData), 'events-table')).toEqual({
      TableName: 'events-table',
      AttributeDefinitions: [
        { AttributeName: 'device_id', AttributeType: 'S' },
        { AttributeName: 'at', AttributeType: 'N' },
      ],
      KeySchema: [
        { AttributeName: 'device_id', KeyType: 'HASH' },
        { AttributeName: 'at', KeyType: 'RANGE' },
      ],
      BillingMode: 'PAY_PER_REQUEST',
    });
  });

  it('defines a provisioned table with its throughput', () => {
    expect(tableDefinition(compileSchema(ProvisionedData), 'provisioned-table')).toEqual({
      TableName: 'provisioned-table',
      AttributeDefinitions: [{ AttributeName: 'id', AttributeType: 'S' }],
      KeySchema: [{ AttributeName: 'id', KeyType: 'HASH' }],
      BillingMode: 'PROVISIONED',
      ProvisionedThroughput: { ReadCapacityUnits: 5, WriteCapacityUnits: 3 },
    });
  });

  it('uses the table name it is given', () => {
    expect(tableDefinition(compileSchema(EdgeData), 'edge-table-test-1').TableName).toBe('edge-table-test-1');
  });

  it('maps each key type to S, N or B (a Date key is an ISO string, a bigint key a number)', () => {
    @Table({ name: 'typed-keys' })
    class DateKeyed {
      @PartitionKey() day!: Date;
      @SortKey() seq!: bigint;
      @Attribute() payload!: Uint8Array;
    }
    @Table({ name: 'binary-keys' })
    class BinaryKeyed {
      @PartitionKey() hash!: Uint8Array;
    }
    expect(tableDefinition(compileSchema(DateKeyed), 'typed-keys').AttributeDefinitions).toEqual([
      { AttributeName: 'day', AttributeType: 'S' },
      { AttributeName: 'seq', AttributeType: 'N' },
    ]);
    expect(tableDefinition(compileSchema(BinaryKeyed), 'binary-keys').AttributeDefinitions).toEqual([
      { AttributeName: 'hash', AttributeType: 'B' },
    ]);
  });
});

describe('tableDefinition with a stream', () => {
  it.each(['NEW_AND_OLD_IMAGES', 'NEW_IMAGE', 'OLD_IMAGE', 'KEYS_ONLY'] as const)(
    'enables the stream @Table declares: %s',
    (view) => {
      @Table({ name: 'streamed', stream: view })
      class Streamed {
        @PartitionKey() id!: string;
      }
      expect(tableDefinition(compileSchema(Streamed), 'streamed').StreamSpecification).toEqual({
        StreamEnabled: true,
        StreamViewType: view,
      });
    },
  );

  it('sends no StreamSpecification when @Table declares no stream', () => {
    expect(tableDefinition(compileSchema(PhoneData), 'phonebook-table')).not.toHaveProperty('StreamSpecification');
  });
});
