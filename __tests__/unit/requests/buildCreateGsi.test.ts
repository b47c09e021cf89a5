import type { TableDescription } from '@aws-sdk/client-dynamodb';
import { gsiCapacity } from '../../../lib/repository/checkTableDescription';
import { buildCreateGsi } from '../../../lib/requests/buildCreateGsi';
import { compileSchema } from '../../../lib/schema/compileSchema';
import { checkIndexOptions } from '../../../lib/validation/checkIndexOptions';
import { EdgeData, ProvisionedData, StatusData } from '../../fixtures/models';

/** As DescribeTable shows a table created with ProvisionedThroughput and no BillingMode (the Python seed's way). */
const seedTable: TableDescription = {
  TableName: 'status-table',
  ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 7, WriteCapacityUnits: 4 },
};
/** As DescribeTable shows an on-demand table: a billing summary, and zero capacity units. */
const onDemandTable: TableDescription = {
  TableName: 'status-table',
  BillingModeSummary: { BillingMode: 'PAY_PER_REQUEST' },
  ProvisionedThroughput: { NumberOfDecreasesToday: 0, ReadCapacityUnits: 0, WriteCapacityUnits: 0 },
};

describe('buildCreateGsi', () => {
  it('adds an index on an on-demand table: key definitions, HASH key, ALL projection, no throughput', () => {
    const schema = compileSchema(StatusData);
    const index = checkIndexOptions(schema, 'status');
    expect(buildCreateGsi('status-table', index, gsiCapacity(schema, onDemandTable))).toEqual({
      TableName: 'status-table',
      AttributeDefinitions: [{ AttributeName: 'status', AttributeType: 'S' }],
      GlobalSecondaryIndexUpdates: [
        {
          Create: {
            IndexName: 'status',
            KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }],
            Projection: { ProjectionType: 'ALL' },
          },
        },
      ],
    });
  });

  it('adds a sort key, a name and an INCLUDE projection', () => {
    const schema = compileSchema(EdgeData);
    const index = checkIndexOptions(schema, 'status', {
      sortKey: 'count',
      name: 'byStatus',
      projection: { include: ['name', 'x y'] },
    });
    const input = buildCreateGsi('edge-table', index, undefined);
    expect(input.AttributeDefinitions).toEqual([
      { AttributeName: 'status', AttributeType: 'S' },
      { AttributeName: 'count', AttributeType: 'N' },
    ]);
    expect(input.GlobalSecondaryIndexUpdates?.[0]?.Create).toEqual({
      IndexName: 'byStatus',
      KeySchema: [
        { AttributeName: 'status', KeyType: 'HASH' },
        { AttributeName: 'count', KeyType: 'RANGE' },
      ],
      Projection: { ProjectionType: 'INCLUDE', NonKeyAttributes: ['name', 'x y'] },
    });
  });

  it('projects KEYS_ONLY', () => {
    const schema = compileSchema(EdgeData);
    const index = checkIndexOptions(schema, 'when', { projection: 'KEYS_ONLY' });
    const input = buildCreateGsi('edge-table', index, undefined);
    expect(input.GlobalSecondaryIndexUpdates?.[0]?.Create?.Projection).toEqual({ ProjectionType: 'KEYS_ONLY' });
    expect(input.AttributeDefinitions).toEqual([{ AttributeName: 'when', AttributeType: 'S' }]);
  });

  it("gives the index a provisioned table's capacity when the model declares none (a table made by the seed)", () => {
    const schema = compileSchema(StatusData);
    const input = buildCreateGsi('status-table', checkIndexOptions(schema, 'status'), gsiCapacity(schema, seedTable));
    expect(input.GlobalSecondaryIndexUpdates).toEqual([
      {
        Create: {
          IndexName: 'status',
          KeySchema: [{ AttributeName: 'status', KeyType: 'HASH' }],
          Projection: { ProjectionType: 'ALL' },
          ProvisionedThroughput: { ReadCapacityUnits: 7, WriteCapacityUnits: 4 },
        },
      },
    ]);
  });

  it('gives the index the capacity @Table declares, on a provisioned table', () => {
    const schema = compileSchema(ProvisionedData);
    const described = { ...seedTable, BillingModeSummary: { BillingMode: 'PROVISIONED' as const } };
    for (const table of [seedTable, described]) {
      const input = buildCreateGsi('provisioned-table', checkIndexOptions(schema, 'owner'), gsiCapacity(schema, table));
      expect(input.GlobalSecondaryIndexUpdates?.[0]?.Create?.ProvisionedThroughput).toEqual({
        ReadCapacityUnits: 5,
        WriteCapacityUnits: 3,
      });
    }
  });

  it('gives no throughput on an on-demand table, even when @Table declares capacity (DynamoDB refuses it there)', () => {
    const schema = compileSchema(ProvisionedData);
    const withoutSummary = { TableName: 'provisioned-table', ProvisionedThroughput: { ReadCapacityUnits: 0 } };
    for (const table of [onDemandTable, withoutSummary]) {
      const input = buildCreateGsi('provisioned-table', checkIndexOptions(schema, 'owner'), gsiCapacity(schema, table));
      expect(input.GlobalSecondaryIndexUpdates?.[0]?.Create).not.toHaveProperty('ProvisionedThroughput');
    }
  });
});
