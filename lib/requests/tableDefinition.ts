import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { CompiledSchema } from '../schema/CompiledSchema';
import {
  attributeDefinitionsOf,
  indexDefinitionOf,
  keySchemaOf,
  keysOf,
  streamSpecificationOf,
} from './indexDefinition';

/**
 * The `CreateTableCommandInput` for a model: its key schema and declared indexes, billed on
 * demand unless `@Table` asks for provisioned capacity, with the stream `@Table` declares.
 */
export function tableDefinition(schema: CompiledSchema, tableName: string): CreateTableCommandInput {
  const indexes = [...schema.indexes.values()];
  const globals = indexes
    .filter((index) => index.kind === 'global')
    .map((index) => indexDefinitionOf(index, schema.provisioned));
  const locals = indexes
    .filter((index) => index.kind === 'local')
    .map((index) => indexDefinitionOf(index, schema.provisioned));
  return {
    TableName: tableName,
    AttributeDefinitions: attributeDefinitionsOf([...schema.keyAttributes, ...indexes.flatMap(keysOf)]),
    KeySchema: keySchemaOf(schema.keyAttributes),
    ...(globals.length > 0 && { GlobalSecondaryIndexes: globals }),
    ...(locals.length > 0 && { LocalSecondaryIndexes: locals }),
    ...(schema.provisioned
      ? {
          BillingMode: 'PROVISIONED',
          ProvisionedThroughput: {
            ReadCapacityUnits: schema.provisioned.readCapacityUnits,
            WriteCapacityUnits: schema.provisioned.writeCapacityUnits,
          },
        }
      : { BillingMode: 'PAY_PER_REQUEST' }),
    ...(schema.stream && { StreamSpecification: streamSpecificationOf(schema.stream) }),
  };
}
