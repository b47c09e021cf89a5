import type { UpdateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { CompiledIndex, CompiledSchema } from '../schema/CompiledSchema';
import { attributeDefinitionsOf, indexDefinitionOf, keysOf } from './indexDefinition';

/** An UpdateTable that adds one global secondary index (with the table's capacity when it is provisioned). */
export function buildCreateGsi(
  schema: CompiledSchema,
  tableName: string,
  index: CompiledIndex,
): UpdateTableCommandInput {
  return {
    TableName: tableName,
    AttributeDefinitions: attributeDefinitionsOf(keysOf(index)),
    GlobalSecondaryIndexUpdates: [{ Create: indexDefinitionOf(schema, index) }],
  };
}
