import type { ScalarAttributeType } from '@aws-sdk/client-dynamodb';
import type { AttributeType } from '../metadata/declarations';
import type { CompiledAttribute } from './CompiledSchema';
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

/**
 * A projection with the stored names of the attributes it includes (declared by property name). A
 * model with an entity also projects the attribute that holds it, so a read through the index can
 * tell its items from other entities' (`KEYS_ONLY` becomes an include list of that attribute alone).
 */
export function storedProjection(
  attributes: ReadonlyMap<string, CompiledAttribute>,
  projection: IndexProjection,
  entityAttribute?: string,
): IndexProjection {
  if (projection === 'ALL') return projection;
  const included = projection === 'KEYS_ONLY' ? [] : projection.include;
  const stored = included.map((name) => attributes.get(name)?.storedName ?? name);
  if (entityAttribute === undefined) return projection === 'KEYS_ONLY' ? projection : { include: stored };
  return { include: [...stored, entityAttribute] };
}
