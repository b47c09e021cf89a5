import { DescribeTableCommand, DescribeTimeToLiveCommand, UpdateTimeToLiveCommand } from '@aws-sdk/client-dynamodb';
import 'reflect-metadata';
import {
  Attribute,
  GlobalIndex,
  PartitionKey,
  Repository,
  SchemaError,
  Table,
  Ttl,
  UnsupportedCapabilityError,
} from '../../lib';
import { engines, uniqueTableName } from '../helpers/engines';

// The table settings createTable manages beyond keys and indexes: the stream @Table declares, TTL,
// and the key attribute types of an existing table, which it compares before changing anything.

@Table({ name: 'orders' })
class Order {
  @PartitionKey() order_id!: string;
  @Attribute() status!: string;
}

@Table({ name: 'orders', stream: 'NEW_AND_OLD_IMAGES' })
class StreamedOrder extends Order {}

@Table({ name: 'orders', stream: 'KEYS_ONLY' })
class KeysOnlyStreamedOrder extends Order {}

/** Keyed on a number where Order is keyed on a string. */
@Table({ name: 'orders' })
class NumberedOrder {
  @PartitionKey() order_id!: number;
}

@Table({ name: 'orders' })
@GlobalIndex('byStatus', { partitionKey: 'status' })
class ExpiringOrder extends Order {
  @Ttl() expires_at?: Date;
}

describe.each(engines)('table settings on $name', (engine) => {
  const describeTable = async (tableName: string) =>
    (await engine.client().send(new DescribeTableCommand({ TableName: tableName }))).Table;
  const repository = <M extends object>(model: new () => M, tableName: string) =>
    new Repository(model, { client: engine.client(), tableName });

  it('an existing table whose key attribute has another type is a SchemaError naming both types', async () => {
    const tableName = uniqueTableName('typed');
    await repository(Order, tableName).createTable();
    const error = await repository(NumberedOrder, tableName)
      .createTable()
      .catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(SchemaError);
    expect(error).toMatchObject({
      property: 'order_id',
      message: expect.stringMatching(/defines the key attribute order_id as S, but the model declares N \(number\)/),
    });
  });

  if (engine.name === 'dynamodb-local') {
    it('createTable creates the table with the declared stream', async () => {
      const repo = repository(StreamedOrder, uniqueTableName('streamed'));
      expect(await repo.createTable()).toMatchObject({ created: true });
      expect((await describeTable(repo.tableName))?.StreamSpecification).toEqual({
        StreamEnabled: true,
        StreamViewType: 'NEW_AND_OLD_IMAGES',
      });
    });

    it('createTable enables the declared stream on an existing table without one, and changes nothing next time', async () => {
      const tableName = uniqueTableName('stream-later');
      await repository(Order, tableName).createTable();
      expect((await describeTable(tableName))?.StreamSpecification).toBeUndefined();
      expect(await repository(StreamedOrder, tableName).createTable()).toEqual({
        created: false,
        addedIndexes: [],
        undeclaredIndexes: [],
      });
      const table = await describeTable(tableName);
      expect(table?.StreamSpecification).toEqual({ StreamEnabled: true, StreamViewType: 'NEW_AND_OLD_IMAGES' });
      const arn = table?.LatestStreamArn;
      await repository(StreamedOrder, tableName).createTable();
      expect((await describeTable(tableName))?.LatestStreamArn).toBe(arn);
    });

    it('a stream of another view type is a SchemaError, and the stream is left as it was', async () => {
      const tableName = uniqueTableName('stream-other');
      await repository(StreamedOrder, tableName).createTable();
      const error = await repository(KeysOnlyStreamedOrder, tableName)
        .createTable()
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SchemaError);
      expect((error as Error).message).toMatch(/has a NEW_AND_OLD_IMAGES stream, but the model declares KEYS_ONLY/);
      expect((await describeTable(tableName))?.StreamSpecification?.StreamViewType).toBe('NEW_AND_OLD_IMAGES');
    });

    it('TTL on another attribute is found before any change: the missing index is not added', async () => {
      const tableName = uniqueTableName('ttl-first');
      await repository(Order, tableName).createTable();
      await engine.client().send(
        new UpdateTimeToLiveCommand({
          TableName: tableName,
          TimeToLiveSpecification: { AttributeName: 'purge_at', Enabled: true },
        }),
      );
      const error = await repository(ExpiringOrder, tableName)
        .createTable()
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SchemaError);
      expect(error).toMatchObject({ property: 'expires_at', message: expect.stringMatching(/has TTL on purge_at/) });
      expect((await describeTable(tableName))?.GlobalSecondaryIndexes).toBeUndefined();
      const { TimeToLiveDescription: ttl } = await engine
        .client()
        .send(new DescribeTimeToLiveCommand({ TableName: tableName }));
      expect(ttl?.AttributeName).toBe('purge_at');
    });
  } else {
    it('a declared stream names the missing capability, and no table is created', async () => {
      const repo = repository(StreamedOrder, uniqueTableName('streamed'));
      const error = await repo.createTable().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UnsupportedCapabilityError);
      expect(error).toMatchObject({ capability: 'DynamoDB Streams' });
      await expect(describeTable(repo.tableName)).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
    });

    it('a declared stream on an existing table names the missing capability', async () => {
      const tableName = uniqueTableName('stream-later');
      await repository(Order, tableName).createTable();
      const error = await repository(StreamedOrder, tableName)
        .createTable()
        .catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UnsupportedCapabilityError);
      expect((error as Error).message).toMatch(/does not support DynamoDB Streams: .*dynalite has no streams/);
    });
  }
});
