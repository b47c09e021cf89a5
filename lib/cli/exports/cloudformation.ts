import type { TableSpec } from './tableSpecs';

/**
 * A CloudFormation template with an `AWS::DynamoDB::Table` per model: the properties createTable
 * sends (keys, attribute types, indexes with projections, billing, stream view type) and TTL. The
 * tables are kept when the stack is deleted or a change would replace them (DeletionPolicy and
 * UpdateReplacePolicy Retain), as a CDK TableV2 is by default.
 */
export function cloudFormationTemplate(specs: readonly TableSpec[], source: string): Record<string, unknown> {
  return {
    AWSTemplateFormatVersion: '2010-09-09',
    Description: `DynamoDB tables of the models in ${source}, made by dynamodb-decorators export`,
    Resources: Object.fromEntries(
      specs.map((spec) => [
        `${spec.resourceName}Table`,
        {
          Type: 'AWS::DynamoDB::Table',
          DeletionPolicy: 'Retain',
          UpdateReplacePolicy: 'Retain',
          Properties: tableProperties(spec),
        },
      ]),
    ),
  };
}

/** The properties of one `AWS::DynamoDB::Table`. */
export function tableProperties({ definition, ttlAttribute }: TableSpec): Record<string, unknown> {
  const {
    TableName,
    AttributeDefinitions,
    KeySchema,
    BillingMode,
    ProvisionedThroughput,
    GlobalSecondaryIndexes,
    LocalSecondaryIndexes,
    StreamSpecification,
  } = definition;
  return {
    TableName,
    AttributeDefinitions,
    KeySchema,
    BillingMode,
    ...(ProvisionedThroughput && { ProvisionedThroughput }),
    ...(GlobalSecondaryIndexes && { GlobalSecondaryIndexes }),
    ...(LocalSecondaryIndexes && { LocalSecondaryIndexes }),
    // CloudFormation's StreamSpecification has the view type only: a stream is on when it is given
    ...(StreamSpecification && { StreamSpecification: { StreamViewType: StreamSpecification.StreamViewType } }),
    ...(ttlAttribute !== undefined && { TimeToLiveSpecification: { AttributeName: ttlAttribute, Enabled: true } }),
  };
}
