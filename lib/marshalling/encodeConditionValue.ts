import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { segmentsOf, type AttributePath } from '../expressions/AttributePath';
import type { ConditionEncoder } from '../expressions/conditions';
import type { CompiledAttribute, CompiledShape } from '../schema/CompiledSchema';
import { resolvePath, type PathTarget } from '../schema/resolvePath';
import { shapeOf } from '../schema/shapeOf';
import { codecOf, toAttributeValue } from './codec';
import { toNestedAttributeValue } from './nested';

/**
 * How a checked condition meets the table: each path by its stored names, each value stored as its
 * attribute's would be (a Date as its attribute stores it, a bigint exactly, a nested class's value
 * as a map); a set's element as a single member; values in untyped lists and maps by their runtime type.
 */
export function conditionEncoder(shape: CompiledShape): ConditionEncoder {
  const targetOf = (path: AttributePath): { storedPath: AttributePath; target?: PathTarget } => {
    const resolved = resolvePath(shape, segmentsOf(path));
    // the checks resolved every path before: one that does not resolve is sent as written
    return 'target' in resolved ? resolved : { storedPath: path };
  };
  return {
    path: (path) => targetOf(path).storedPath,
    value(path, value, role): AttributeValue {
      if (role === 'size') return { N: String(value) };
      const { target } = targetOf(path);
      if (target?.kind === 'element') return nestedValue(target.list, value);
      if (target?.kind !== 'attribute') return toNestedAttributeValue(value);
      const { attribute } = target;
      if (role === 'element') return elementValue(attribute, value);
      // beginsWith takes a string prefix of an ISO-stored Date (the checks allow nothing else here)
      if (attribute.type === 'date' && typeof value === 'string') return { S: value };
      return toAttributeValue(attribute, value);
    },
  };
}

/** One member or element, for `contains`. */
function elementValue(attribute: CompiledAttribute, value: unknown): AttributeValue {
  if (attribute.type === 'stringSet' || attribute.type === 'string') return { S: value as string };
  if (attribute.type === 'numberSet') return { N: (value as number | bigint).toString() };
  if (attribute.type === 'binarySet') return { B: value as Uint8Array };
  if (attribute.nested) return nestedValue(attribute, value);
  return toNestedAttributeValue(value);
}

/** One value of a list attribute's class, as its map. */
function nestedValue(list: CompiledAttribute, value: unknown): AttributeValue {
  return { M: codecOf(shapeOf(list.nested!)).encode(value as Record<string, unknown>) };
}
