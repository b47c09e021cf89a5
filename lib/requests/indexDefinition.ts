import type {
  AttributeDefinition,
  GlobalSecondaryIndex,
  KeySchemaElement,
  LocalSecondaryIndex,
  Projection,
} from '@aws-sdk/client-dynamodb';
import type { CompiledAttribute, CompiledIndex, CompiledSchema } from '../schema/CompiledSchema';
import { keyAttributeType } from '../schema/keyAttributeType';

/** The keys of an index or table, partition key first. */
export function keysOf(index: Pick<CompiledIndex, 'partitionKey' | 'sortKey'>): CompiledAttribute[] {
  return index.sortKey ? [index.partitionKey, index.sortKey] : [index.partitionKey];
}

/** A KeySchema: HASH, then RANGE. */
export function keySchemaOf(keys: readonly CompiledAttribute[]): KeySchemaElement[] {
  return keys.map((attribute, position) => ({
    AttributeName: attribute.name,
    KeyType: position === 0 ? 'HASH' : 'RANGE',
  }));
}

/** AttributeDefinitions for key attributes, each named once. */
export function attributeDefinitionsOf(keys: readonly CompiledAttribute[]): AttributeDefinition[] {
  return [...new Set(keys)].map((attribute) => ({
    AttributeName: attribute.name,
    AttributeType: keyAttributeType(attribute.type),
  }));
}

/** The SDK form of an index definition (global indexes on a provisioned table get its capacity). */
export function indexDefinitionOf(
  schema: CompiledSchema,
  index: CompiledIndex,
): GlobalSecondaryIndex & LocalSecondaryIndex {
  const projection: Projection =
    typeof index.projection === 'string'
      ? { ProjectionType: index.projection }
      : { ProjectionType: 'INCLUDE', NonKeyAttributes: [...index.projection.include] };
  return {
    IndexName: index.name,
    KeySchema: keySchemaOf(keysOf(index)),
    Projection: projection,
    ...(index.kind === 'global' &&
      schema.provisioned && {
        ProvisionedThroughput: {
          ReadCapacityUnits: schema.provisioned.readCapacityUnits,
          WriteCapacityUnits: schema.provisioned.writeCapacityUnits,
        },
      }),
  };
}
