import {
  CreateTableCommand,
  DescribeTableCommand,
  type DynamoDBClient,
  type GlobalSecondaryIndex,
  type TableDescription,
} from '@aws-sdk/client-dynamodb';
import 'reflect-metadata';
import { GlobalIndex, Repository, SchemaError, Table, UnsupportedCapabilityError } from '../../lib';
import { IndexedEventData, PhoneData, RELATIONSHIPS } from '../fixtures/models';
import { engines, uniqueTableName } from '../helpers/engines';

// Tables this library did not create: the Python seed's (ProvisionedThroughput and no
// BillingMode, so DescribeTable shows no BillingModeSummary), and indexes made by other code.

/** The phonebook with a declared index by relationship, as another service might keep it. */
@Table({ name: 'phonebook-table' })
@GlobalIndex('byRelationship', { partitionKey: 'relationship', sortKey: 'name' })
class IndexedPhone extends PhoneData {}

/** The same, declaring its own capacity. */
@Table({ name: 'phonebook-table', provisioned: { readCapacityUnits: 3, writeCapacityUnits: 1 } })
@GlobalIndex('byRelationship', { partitionKey: 'relationship', sortKey: 'name' })
class ProvisionedIndexedPhone extends PhoneData {}

const SEED_CAPACITY = { ReadCapacityUnits: 4, WriteCapacityUnits: 2 };

/** Creates the phonebook table the way the seed's boto3 code does, raw, optionally with indexes, and waits for it. */
async function createSeedTable(
  client: DynamoDBClient,
  indexes: GlobalSecondaryIndex[] = [],
): Promise<{ tableName: string; table: TableDescription }> {
  const tableName = uniqueTableName('seed_phonebook');
  await client.send(
    new CreateTableCommand({
      TableName: tableName,
      AttributeDefinitions: [
        { AttributeName: 'person_id', AttributeType: 'N' },
        ...(indexes.length > 0
          ? [
              { AttributeName: 'relationship', AttributeType: 'S' as const },
              { AttributeName: 'name', AttributeType: 'S' as const },
            ]
          : []),
      ],
      KeySchema: [{ AttributeName: 'person_id', KeyType: 'HASH' }],
      ProvisionedThroughput: SEED_CAPACITY,
      ...(indexes.length > 0 && { GlobalSecondaryIndexes: indexes }),
    }),
  );
  for (;;) {
    const { Table: table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
    if (table?.TableStatus === 'ACTIVE') return { tableName, table };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const keysOnlyIndex: GlobalSecondaryIndex = {
  IndexName: 'byRelationship',
  KeySchema: [
    { AttributeName: 'relationship', KeyType: 'HASH' },
    { AttributeName: 'name', KeyType: 'RANGE' },
  ],
  Projection: { ProjectionType: 'KEYS_ONLY' },
  ProvisionedThroughput: SEED_CAPACITY,
};

async function addPeople(repo: Repository<PhoneData>): Promise<void> {
  for (const [id, name] of ['Ada', 'Bo', 'Cy'].entries()) {
    const relationship = RELATIONSHIPS[id % 2]!;
    await repo.createRecord({ person_id: id, name, phone_number: `555-${id}`, relationship, timestamp: 't' });
  }
}

async function describeIndexes(client: DynamoDBClient, tableName: string) {
  const { Table: table } = await client.send(new DescribeTableCommand({ TableName: tableName }));
  return (table?.GlobalSecondaryIndexes ?? []).map(({ IndexName, IndexStatus, ProvisionedThroughput, Projection }) => ({
    IndexName,
    IndexStatus,
    ReadCapacityUnits: ProvisionedThroughput?.ReadCapacityUnits,
    WriteCapacityUnits: ProvisionedThroughput?.WriteCapacityUnits,
    ProjectionType: Projection?.ProjectionType,
  }));
}

describe.each(engines)('existing tables on $name', (engine) => {
  it('a table made as the seed makes it shows no billing summary, only its capacity (what createGsi reads)', async () => {
    const { table } = await createSeedTable(engine.client());
    expect(table.BillingModeSummary).toBeUndefined();
    expect(table.ProvisionedThroughput).toMatchObject(SEED_CAPACITY);
  });

  if (engine.name === 'dynamodb-local') {
    it("createGsi on the seed's provisioned table: the index gets the table's capacity, becomes ACTIVE and answers queries", async () => {
      const { tableName } = await createSeedTable(engine.client());
      const repo = new Repository(PhoneData, { client: engine.client(), tableName });
      await addPeople(repo);
      expect(await repo.createGsi('relationship', { sortKey: 'name' })).toEqual({ created: true });
      expect(await describeIndexes(engine.client(), tableName)).toEqual([
        {
          IndexName: 'relationship',
          IndexStatus: 'ACTIVE',
          ReadCapacityUnits: 4,
          WriteCapacityUnits: 2,
          ProjectionType: 'ALL',
        },
      ]);
      const parents = [];
      for await (const person of repo.query({ relationship: 'PARENT' }, { index: 'relationship' }))
        parents.push(person);
      expect(parents.map((person) => [person.name, person.phone_number])).toEqual([
        ['Ada', '555-0'],
        ['Cy', '555-2'],
      ]);
    });

    it("createTable of a model declaring an index, on the seed's table: adds it with the table's capacity, queryable", async () => {
      const { tableName } = await createSeedTable(engine.client());
      const repo = new Repository(IndexedPhone, { client: engine.client(), tableName });
      await addPeople(repo);
      expect(await repo.createTable()).toEqual({
        created: false,
        addedIndexes: ['byRelationship'],
        undeclaredIndexes: [],
      });
      expect(await describeIndexes(engine.client(), tableName)).toEqual([
        {
          IndexName: 'byRelationship',
          IndexStatus: 'ACTIVE',
          ReadCapacityUnits: 4,
          WriteCapacityUnits: 2,
          ProjectionType: 'ALL',
        },
      ]);
      const { items } = await repo.query({ relationship: 'SIBLING' }, { index: 'byRelationship' }).page({ limit: 5 });
      expect(items).toEqual([expect.objectContaining({ person_id: 1, name: 'Bo', phone_number: '555-1' })]);
      expect(items[0]).toBeInstanceOf(IndexedPhone);
    });

    it('createTable of a model declaring its capacity, on the seed table: the new index gets the declared capacity', async () => {
      const { tableName } = await createSeedTable(engine.client());
      const repo = new Repository(ProvisionedIndexedPhone, { client: engine.client(), tableName });
      expect(await repo.createTable()).toMatchObject({ addedIndexes: ['byRelationship'] });
      expect(await describeIndexes(engine.client(), tableName)).toEqual([
        {
          IndexName: 'byRelationship',
          IndexStatus: 'ACTIVE',
          ReadCapacityUnits: 3,
          WriteCapacityUnits: 1,
          ProjectionType: 'ALL',
        },
      ]);
    });
  } else {
    it("createGsi on the seed's provisioned table names the missing capability instead of hanging", async () => {
      const { tableName } = await createSeedTable(engine.client());
      const repo = new Repository(PhoneData, { client: engine.client(), tableName });
      const error = await repo.createGsi('relationship', { sortKey: 'name' }).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UnsupportedCapabilityError);
      expect(error).toMatchObject({ capability: 'adding a global secondary index to an existing table' });
    });

    it("createTable of a model declaring an index, on the seed's table, names the missing capability instead of hanging", async () => {
      const { tableName } = await createSeedTable(engine.client());
      const repo = new Repository(IndexedPhone, { client: engine.client(), tableName });
      const error = await repo.createTable().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(UnsupportedCapabilityError);
      expect(error).toMatchObject({ capability: 'adding a global secondary index to an existing table' });
    });
  }

  describe('an existing index that stores less than the model declares', () => {
    const projections =
      /index byRelationship of table \S+ exists with projection KEYS_ONLY, but the model declares ALL/;

    it('is a SchemaError from createTable, naming the index and both projections; the table is left as it was', async () => {
      const { tableName } = await createSeedTable(engine.client(), [keysOnlyIndex]);
      const repo = new Repository(IndexedPhone, { client: engine.client(), tableName });
      const error = await repo.createTable().catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SchemaError);
      expect((error as Error).message).toMatch(projections);
      expect(await describeIndexes(engine.client(), tableName)).toEqual([
        expect.objectContaining({ IndexName: 'byRelationship', ProjectionType: 'KEYS_ONLY' }),
      ]);
    });

    it('is a SchemaError from createGsi; declaring what it stores adopts it', async () => {
      const { tableName } = await createSeedTable(engine.client(), [keysOnlyIndex]);
      const repo = new Repository(PhoneData, { client: engine.client(), tableName });
      const index = { name: 'byRelationship', sortKey: 'name' };
      const error = await repo.createGsi('relationship', index).catch((caught: unknown) => caught);
      expect(error).toBeInstanceOf(SchemaError);
      expect((error as Error).message).toMatch(projections);
      const missing = await repo
        .createGsi('relationship', { ...index, projection: { include: ['phone_number'] } })
        .catch((caught: unknown) => caught);
      expect((missing as Error).message).toMatch(
        /projection KEYS_ONLY, but the model declares INCLUDE \(phone_number\): records read through it would lack phone_number/,
      );
      expect(await repo.createGsi('relationship', { ...index, projection: 'KEYS_ONLY' })).toEqual({ created: false });
    });
  });

  it('createTable on an existing table with local indexes adopts them (they are compared, not looked for among the global ones)', async () => {
    const repo = new Repository(IndexedEventData, { client: engine.client(), tableName: uniqueTableName('lsi') });
    expect(await repo.createTable()).toMatchObject({ created: true });
    expect(await repo.createTable()).toEqual({ created: false, addedIndexes: [], undeclaredIndexes: [] });
  });
});
