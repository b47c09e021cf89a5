import type { ScalarAttributeType } from '@aws-sdk/client-dynamodb';
import type { AttributeType } from '../metadata/declarations';

const SCALAR_TYPES: Partial<Record<AttributeType, ScalarAttributeType>> = {
  string: 'S',
  date: 'S',
  number: 'N',
  bigint: 'N',
  binary: 'B',
};

/** The DynamoDB scalar type of an attribute that can be a table or index key, else undefined. */
export function keyAttributeType(type: AttributeType): ScalarAttributeType | undefined {
  return SCALAR_TYPES[type];
}
