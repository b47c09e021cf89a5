import type { ScalarAttributeType } from '@aws-sdk/client-dynamodb';
import type { AttributeType } from '../metadata/declarations';
import type { CompiledAttribute, CompiledShape } from './CompiledSchema';
import type { IndexProjection } from '../metadata/declarations';

const SCALAR_TYPES: Partial<Record<AttributeType, ScalarAttributeType>> = {
  string: 'S',
  date: 'S',
  number: 'N',
  bigint: 'N',
  binary: 'B',
};

/**
 * The DynamoDB scalar type of an attribute that can be a table or index key, else undefined: a Date
 * stored as an ISO string is S, one stored as epoch seconds or milliseconds N.
 */
export function keyAttributeType(
  attribute: Pick<CompiledAttribute, 'type' | 'storage' | 'nested'>,
): ScalarAttributeType | undefined {
  if (attribute.nested) return undefined;
  if (attribute.type === 'date' && attribute.storage !== undefined && attribute.storage !== 'iso') return 'N';
  return SCALAR_TYPES[attribute.type];
}

/** A projection with the stored names of the attributes it includes (declared by property name). */
export function storedProjection(shape: CompiledShape, projection: IndexProjection): IndexProjection {
  if (typeof projection === 'string') return projection;
  return { include: projection.include.map((name) => shape.attributeByName.get(name)?.storedName ?? name) };
}
