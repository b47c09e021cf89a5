import type { UpdateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { ProvisionedCapacity } from '../metadata/declarations';
import type { CompiledIndex } from '../schema/CompiledSchema';
import { attributeDefinitionsOf, indexDefinitionOf, keysOf } from './indexDefinition';

/**
 * An UpdateTable that adds one global secondary index. `capacity` is the index's throughput:
 * required when the table is billed with provisioned capacity, and refused by DynamoDB when it
 * is on demand, so the caller passes it exactly in the first case (see `gsiCapacity`).
 * @example
 * buildCreateGsi('phonebook', index, { readCapacityUnits: 5, writeCapacityUnits: 5 });
 */
export function buildCreateGsi(
  tableName: string,
  index: CompiledIndex,
  capacity: ProvisionedCapacity | undefined,
): UpdateTableCommandInput {
  return {
    TableName: tableName,
    AttributeDefinitions: attributeDefinitionsOf(keysOf(index)),
    GlobalSecondaryIndexUpdates: [{ Create: indexDefinitionOf(index, capacity) }],
  };
}
