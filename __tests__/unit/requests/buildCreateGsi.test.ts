import { buildCreateGsi } from '../../../lib/requests/buildCreateGsi';
import { compileSchema } from '../../../lib/schema/compileSchema';
import { checkIndexOptions } from '../../../lib/validation/checkIndexOptions';
import { EdgeData, ProvisionedData, StatusData } from '../../fixtures/models';

describe('buildCreateGsi', () => {
  it('adds an index on an on-demand table: key definitions, HASH key, ALL projection, no throughput', () => {
    const schema = compileSchema(StatusData);
    expect(buildCreateGsi(schema, 'status-table', checkIndexOptions(schema, 'status'))).toEqual({
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
    const input = buildCreateGsi(schema, 'edge-table', index);
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
    const input = buildCreateGsi(schema, 'edge-table', checkIndexOptions(schema, 'when', { projection: 'KEYS_ONLY' }));
    expect(input.GlobalSecondaryIndexUpdates?.[0]?.Create?.Projection).toEqual({ ProjectionType: 'KEYS_ONLY' });
    expect(input.AttributeDefinitions).toEqual([{ AttributeName: 'when', AttributeType: 'S' }]);
  });

  it("copies a provisioned table's capacity to the index", () => {
    const schema = compileSchema(ProvisionedData);
    const input = buildCreateGsi(schema, 'provisioned-table', checkIndexOptions(schema, 'owner'));
    expect(input.GlobalSecondaryIndexUpdates?.[0]?.Create?.ProvisionedThroughput).toEqual({
      ReadCapacityUnits: 5,
      WriteCapacityUnits: 3,
    });
  });
});
