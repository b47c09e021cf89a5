import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { CompiledAttribute } from '../schema/CompiledSchema';
import { toNestedAttributeValue, toSetAttributeValue } from './nested';

/** Converts a validated value of a declared attribute to its AttributeValue. */
export function toAttributeValue(attribute: CompiledAttribute, value: unknown): AttributeValue {
  switch (attribute.type) {
    case 'string':
      return { S: value as string };
    case 'number':
    case 'bigint':
      return { N: (value as number | bigint).toString() };
    case 'boolean':
      return { BOOL: value as boolean };
    case 'date':
      // DynamoDB's TTL reads epoch seconds in a number attribute
      if (attribute.role === 'ttl') return { N: String(Math.floor((value as Date).getTime() / 1000)) };
      return { S: (value as Date).toISOString() };
    case 'binary':
      return { B: value as Uint8Array };
    case 'stringSet':
    case 'numberSet':
    case 'binarySet':
      return toSetAttributeValue(value as ReadonlySet<unknown>);
    case 'list':
    case 'map':
      return toNestedAttributeValue(value);
  }
}
