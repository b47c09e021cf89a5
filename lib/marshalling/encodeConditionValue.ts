import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { segmentsOf, rootOf, type AttributePath } from '../expressions/AttributePath';
import type { ValueEncoder } from '../expressions/conditions';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { toAttributeValue } from './attributeValues';
import { toNestedAttributeValue } from './nested';

/**
 * The encoder for a checked condition's values: a top-level attribute's value is stored as
 * its declared type would be (a Date as its ISO string, a bigint exactly); a set's element
 * as a single member; values deeper in maps and lists by their runtime type.
 */
export function conditionValueEncoder(schema: CompiledSchema): ValueEncoder {
  return (path: AttributePath, value: unknown, role): AttributeValue => {
    if (role === 'size') return { N: String(value) };
    const attribute = segmentsOf(path).length === 1 ? schema.attributeByName.get(rootOf(path)) : undefined;
    if (!attribute) return toNestedAttributeValue(value);
    if (role === 'element') {
      if (attribute.type === 'stringSet' || attribute.type === 'string') return { S: value as string };
      if (attribute.type === 'numberSet') return { N: (value as number | bigint).toString() };
      if (attribute.type === 'binarySet') return { B: value as Uint8Array };
      return toNestedAttributeValue(value);
    }
    // beginsWith takes a string prefix of a Date attribute's ISO string (the checks allow nothing else here)
    if (attribute.type === 'date' && typeof value === 'string') return { S: value };
    return toAttributeValue(attribute, value);
  };
}
