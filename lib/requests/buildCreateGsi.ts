import type { Projection, UpdateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { CompiledSchema } from '../schema/CompiledSchema';
import type { IndexProjection, ResolvedIndex } from '../validation/checkIndexOptions';
import { keyAttributeType } from '../schema/keyAttributeType';

/** An UpdateTable that adds one global secondary index (with the table's capacity when it is provisioned). */
export function buildCreateGsi(schema: CompiledSchema, tableName: string, index: ResolvedIndex): UpdateTableCommandInput {
  const keys = index.sortKey ? [index.partitionKey, index.sortKey] : [index.partitionKey];
  return {
    TableName: tableName,
    AttributeDefinitions: keys.map((attribute) => ({
      AttributeName: attribute.name,
      AttributeType: keyAttributeType(attribute.type),
    })),
    GlobalSecondaryIndexUpdates: [
      {
        Create: {
          IndexName: index.name,
          KeySchema: keys.map((attribute, position) => ({
            AttributeName: attribute.name,
            KeyType: position === 0 ? 'HASH' : 'RANGE',
          })),
          Projection: toProjection(index.projection),
          ...(schema.provisioned && {
            ProvisionedThroughput: {
              ReadCapacityUnits: schema.provisioned.readCapacityUnits,
              WriteCapacityUnits: schema.provisioned.writeCapacityUnits,
            },
          }),
        },
      },
    ],
  };
}

function toProjection(projection: IndexProjection): Projection {
  if (projection === 'ALL' || projection === 'KEYS_ONLY') return { ProjectionType: projection };
  return { ProjectionType: 'INCLUDE', NonKeyAttributes: [...projection.include] };
}
