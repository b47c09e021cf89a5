import type { CreateTableCommandInput } from '@aws-sdk/client-dynamodb';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { keyAttributeType } from '../schema/keyAttributeType';

/** The `CreateTableCommandInput` for a model: its key schema, billed on demand unless `@Table` asks for provisioned capacity. */
export function tableDefinition(schema: CompiledSchema, tableName: string): CreateTableCommandInput {
  return {
    TableName: tableName,
    AttributeDefinitions: schema.keyAttributes.map((attribute) => ({
      AttributeName: attribute.name,
      AttributeType: keyAttributeType(attribute.type),
    })),
    KeySchema: schema.keyAttributes.map((attribute) => ({
      AttributeName: attribute.name,
      KeyType: attribute.key === 'partition' ? 'HASH' : 'RANGE',
    })),
    ...(schema.provisioned
      ? {
          BillingMode: 'PROVISIONED',
          ProvisionedThroughput: {
            ReadCapacityUnits: schema.provisioned.readCapacityUnits,
            WriteCapacityUnits: schema.provisioned.writeCapacityUnits,
          },
        }
      : { BillingMode: 'PAY_PER_REQUEST' }),
  };
}
