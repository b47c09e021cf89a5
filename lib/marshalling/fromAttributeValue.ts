import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { CompiledAttribute } from '../schema/CompiledSchema';
import { fromNestedAttributeValue, fromNumber } from './nested';

/** Converts a stored AttributeValue back to the declared attribute's JavaScript type. */
export function fromAttributeValue(attribute: CompiledAttribute, value: AttributeValue): unknown {
  switch (attribute.type) {
    case 'number':
      return value.N !== undefined ? Number(value.N) : fromNestedAttributeValue(value);
    case 'bigint':
      return value.N !== undefined ? BigInt(value.N) : fromNestedAttributeValue(value);
    case 'date':
      if (value.S !== undefined) return new Date(value.S);
      return attribute.role === 'ttl' && value.N !== undefined
        ? new Date(Number(value.N) * 1000)
        : fromNestedAttributeValue(value);
    case 'numberSet':
      return value.NS !== undefined ? new Set(value.NS.map(fromNumber)) : fromNestedAttributeValue(value);
    default:
      return fromNestedAttributeValue(value);
  }
}
