import { DescribeTableCommand, PutItemCommand, QueryCommand } from '@aws-sdk/client-dynamodb';
import 'reflect-metadata';
import {
  Attribute,
  PartitionKey,
  RecordValidationError,
  Repository,
  SchemaError,
  SortKey,
  Table,
  UnsupportedCapabilityError,
} from '../../lib';
import { EventData, PhoneData } from '../fixtures/models';
import { engines, uniqueTableName } from '../helpers/engines';
import { faultyClient, recordingClient } from '../helpers/recordRequests';

@Table({ name: 'provisioned-table', provisioned: { readCapacityUnits: 2, writeCapacityUnits: 3 } })
class ProvisionedData {
  @PartitionKey() id!: string;
  @Attribute() group!: string;
  @SortKey() at!: number;
}

describe.each(engines)('tables on $name', (engine) => {
  const phones = () => new Repository(PhoneData, { client: engine.client(), tableName: uniqueTableName('phones') });

  it('createTable creates the table, ACTIVE when it resolves, and changes nothing the second time', async () => {
    const { client, sent } = recordingClient(engine.endpoint);
    const repo = new Repository(PhoneData, { client, tableName: uniqueTableName('tables') });
    expect(await repo.createTable()).toEqual({ created: true, addedIndexes: [], undeclaredIndexes: [] });
    const { Table: table } = await client.send(new DescribeTableCommand({ TableName: repo.tableName }));
    expect(table?.TableStatus).toBe('ACTIVE');
    expect(table?.KeySchema).toEqual([{ AttributeName: 'person_id', KeyType: 'HASH' }]);
    expect(table?.BillingModeSummary?.BillingMode).toBe('PAY_PER_REQUEST');

    sent.length = 0;
    expect(await repo.createTable()).toEqual({ created: false, addedIndexes: [], undeclaredIndexes: [] });
    expect(sent).not.toContain('CreateTableCommand');
    client.destroy();
  });

  it('createTable sends exactly tableDefinition()', async () => {
    const repo = new Repository(EventData, { client: engine.client(), tableName: uniqueTableName('events') });
    await repo.createTable();
    const { Table: table } = await engine.client().send(new DescribeTableCommand({ TableName: repo.tableName }));
    expect(table?.KeySchema).toEqual(repo.tableDefinition().KeySchema);
    expect(table?.AttributeDefinitions).toEqual(expect.arrayContaining(repo.tableDefinition().AttributeDefinitions!));
  });

  it('createTable uses provisioned capacity when @Table asks for it', async () => {
    const repo = new Repository(ProvisionedData, {
      client: engine.client(),
      tableName: uniqueTableName('provisioned'),
    });
    await repo.createTable();
    const { Table: table } = await engine.client().send(new DescribeTableCommand({ TableName: repo.tableName }));
    expect(table?.ProvisionedThroughput).toMatchObject({ ReadCapacityUnits: 2, WriteCapacityUnits: 3 });
  });

  it('createTable on an existing table with another key schema is a SchemaError, not silence', async () => {
    const tableName = uniqueTableName('mismatch');
    await new Repository(EventData, { client: engine.client(), tableName }).createTable();
    const phonesOnIt = new Repository(PhoneData, { client: engine.client(), tableName });
    await expect(phonesOnIt.createTable()).rejects.toThrow(SchemaError);
    await expect(phonesOnIt.createTable()).rejects.toThrow(/device_id HASH, at RANGE.*person_id HASH/);
  });

  it('a describe that fails for another reason than "not found" is reported, and no table is created', async () => {
    const denied = () =>
      Object.assign(new Error('User is not authorized to perform: dynamodb:DescribeTable'), {
        name: 'AccessDeniedException',
      });
    const { client, sent } = faultyClient(engine.endpoint, { DescribeTableCommand: denied });
    const repo = new Repository(PhoneData, { client, tableName: uniqueTableName('denied') });
    await expect(repo.createTable()).rejects.toMatchObject({ name: 'AccessDeniedException' });
    expect(sent).toEqual(['DescribeTableCommand']);
    client.destroy();
  });

  it('two repositories creating the same table at once both resolve once it is ACTIVE', async () => {
    const tableName = uniqueTableName('race');
    const results = await Promise.all([
      new Repository(PhoneData, { client: engine.client(), tableName }).createTable(),
      new Repository(PhoneData, { client: engine.client(), tableName }).createTable(),
    ]);
    expect(results.filter((result) => result.created).length).toBeGreaterThanOrEqual(1);
    const { Table: table } = await engine.client().send(new DescribeTableCommand({ TableName: tableName }));
    expect(table?.TableStatus).toBe('ACTIVE');
  });

  it('createGsi rejects unknown or unusable attributes before any request', async () => {
    const { client, sent } = recordingClient(engine.endpoint);
    const repo = new Repository(PhoneData, { client, tableName: uniqueTableName('gsi-bad') });
    await expect(repo.createGsi('nickname')).rejects.toThrow(RecordValidationError);
    await expect(repo.createGsi('relationship', { sortKey: 'nope' })).rejects.toMatchObject({
      issues: [expect.objectContaining({ attribute: 'nope' })],
    });
    await expect(repo.createGsi('relationship', { projection: { include: [] } })).rejects.toThrow(/projection/);
    expect(sent).toEqual([]);
    client.destroy();
  });

  if (engine.name === 'dynalite') {
    it('createGsi names the missing capability on dynalite instead of hanging (on-demand table)', async () => {
      const repo = phones();
      await repo.createTable();
      await expect(repo.createGsi('relationship')).rejects.toThrow(UnsupportedCapabilityError);
      await expect(repo.createGsi('relationship')).rejects.toThrow(/global secondary index to an existing table/);
    });

    it('createGsi names the missing capability on dynalite instead of hanging (provisioned table)', async () => {
      const repo = new Repository(ProvisionedData, { client: engine.client(), tableName: uniqueTableName('prov-gsi') });
      await repo.createTable();
      const error = await repo.createGsi('group').catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UnsupportedCapabilityError);
      expect(error).toMatchObject({ capability: 'adding a global secondary index to an existing table' });
    });
  } else {
    it('createGsi adds an index, resolves once it is ACTIVE, and the index answers queries', async () => {
      const repo = phones();
      await repo.createTable();
      await repo.createRecord({
        person_id: 1,
        name: 'Ada',
        phone_number: '1',
        relationship: 'FRIEND',
        timestamp: 't1',
      });
      await repo.createRecord({ person_id: 2, name: 'Bo', phone_number: '2', relationship: 'PARENT', timestamp: 't2' });
      expect(await repo.createGsi('relationship', { sortKey: 'name' })).toEqual({ created: true });
      const { Table: table } = await engine.client().send(new DescribeTableCommand({ TableName: repo.tableName }));
      expect(table?.GlobalSecondaryIndexes?.map((index) => [index.IndexName, index.IndexStatus])).toEqual([
        ['relationship', 'ACTIVE'],
      ]);
      const { Items: items } = await engine.client().send(
        new QueryCommand({
          TableName: repo.tableName,
          IndexName: 'relationship',
          KeyConditionExpression: '#r = :r',
          ExpressionAttributeNames: { '#r': 'relationship' },
          ExpressionAttributeValues: { ':r': { S: 'FRIEND' } },
        }),
      );
      expect(items?.map((item) => item['name']?.S)).toEqual(['Ada']);
      expect(await repo.createGsi('relationship', { sortKey: 'name' })).toEqual({ created: false });
    });

    it('createGsi with a name, an INCLUDE projection, and a key mismatch on an existing index', async () => {
      const repo = phones();
      await repo.createTable();
      await repo.createGsi('timestamp', { name: 'by-time', projection: { include: ['name'] } });
      const { Table: table } = await engine.client().send(new DescribeTableCommand({ TableName: repo.tableName }));
      expect(table?.GlobalSecondaryIndexes?.[0]).toMatchObject({
        IndexName: 'by-time',
        Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['name'] },
      });
      await expect(repo.createGsi('name', { name: 'by-time' })).rejects.toThrow(SchemaError);
    });

    it('createGsi on a provisioned table gives the index the table capacity', async () => {
      const repo = new Repository(ProvisionedData, { client: engine.client(), tableName: uniqueTableName('prov-gsi') });
      await repo.createTable();
      await repo.createGsi('group', { sortKey: 'at', projection: 'KEYS_ONLY' });
      const { Table: table } = await engine.client().send(new DescribeTableCommand({ TableName: repo.tableName }));
      expect(table?.GlobalSecondaryIndexes?.[0]).toMatchObject({
        IndexStatus: 'ACTIVE',
        ProvisionedThroughput: { ReadCapacityUnits: 2, WriteCapacityUnits: 3 },
      });
    });
  }

  it("a missing table is the engine's ResourceNotFoundException, which the library names as a TableNotFoundError", async () => {
    const repo = new Repository(PhoneData, { client: engine.client(), tableName: uniqueTableName('absent') });
    const missing = {
      name: 'TableNotFoundError',
      tableNames: [repo.tableName],
      cause: expect.objectContaining({ name: 'ResourceNotFoundException' }),
    };
    await expect(repo.getRecord(1)).rejects.toMatchObject(missing);
    await expect(repo.createGsi('relationship')).rejects.toMatchObject(missing);
    const raw = new PutItemCommand({ TableName: repo.tableName, Item: { person_id: { N: '1' } } });
    await expect(engine.client().send(raw)).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });
});
