import type {
  AttributeDefinition,
  GlobalSecondaryIndex,
  KeySchemaElement,
  LocalSecondaryIndex,
  Projection,
  StreamSpecification,
} from '@aws-sdk/client-dynamodb';
import type { IndexProjection, ProvisionedCapacity, StreamView } from '../metadata/declarations';
import type { CompiledAttribute, CompiledIndex } from '../schema/CompiledSchema';
import { keyAttributeType } from '../schema/keyAttributeType';

/** The keys of an index or table, partition key first. */
export function keysOf(index: Pick<CompiledIndex, 'partitionKey' | 'sortKey'>): CompiledAttribute[] {
  return index.sortKey ? [index.partitionKey, index.sortKey] : [index.partitionKey];
}

/** A KeySchema: HASH, then RANGE. */
export function keySchemaOf(keys: readonly CompiledAttribute[]): KeySchemaElement[] {
  return keys.map((attribute, position) => ({
    AttributeName: attribute.storedName,
    KeyType: position === 0 ? 'HASH' : 'RANGE',
  }));
}

/** AttributeDefinitions for key attributes, each stored name once (several models of a table each declare their own). */
export function attributeDefinitionsOf(keys: readonly CompiledAttribute[]): AttributeDefinition[] {
  const byStoredName = new Map(keys.map((attribute) => [attribute.storedName, attribute]));
  return [...byStoredName.values()].map((attribute) => ({
    AttributeName: attribute.storedName,
    AttributeType: keyAttributeType(attribute),
  }));
}

/** The SDK form of a declared projection. */
export function projectionOf(projection: IndexProjection): Projection {
  return typeof projection === 'string'
    ? { ProjectionType: projection }
    : { ProjectionType: 'INCLUDE', NonKeyAttributes: [...projection.include] };
}

/**
 * The SDK form of an index definition. A global index gets `capacity` as its throughput: the
 * caller passes it exactly when the table is billed with provisioned capacity.
 */
export function indexDefinitionOf(
  index: CompiledIndex,
  capacity: ProvisionedCapacity | undefined,
): GlobalSecondaryIndex & LocalSecondaryIndex {
  return {
    IndexName: index.name,
    KeySchema: keySchemaOf(keysOf(index)),
    Projection: projectionOf(index.storedProjection),
    ...(index.kind === 'global' &&
      capacity && {
        ProvisionedThroughput: {
          ReadCapacityUnits: capacity.readCapacityUnits,
          WriteCapacityUnits: capacity.writeCapacityUnits,
        },
      }),
  };
}

/** The SDK form of a declared stream: enabled, with its view type. */
export function streamSpecificationOf(view: StreamView): StreamSpecification {
  return { StreamEnabled: true, StreamViewType: view };
}
