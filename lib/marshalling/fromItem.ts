import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { fromAttributeValue } from './fromAttributeValue';
import { fromNestedAttributeValue } from './nested';

/**
 * Converts a stored item to an instance of the model, without calling its constructor.
 * Attributes the model does not declare (written by other code) are kept, read untyped.
 */
export function fromItem<M extends object>(schema: CompiledSchema<M>, item: Readonly<Record<string, AttributeValue>>): M {
  const record = Object.create(schema.model.prototype as object) as Record<string, unknown>;
  for (const [name, value] of Object.entries(item)) {
    const attribute = schema.attributeByName.get(name);
    const converted = attribute ? fromAttributeValue(attribute, value) : fromNestedAttributeValue(value);
    // defineProperty: a stored attribute named like a setter (`__proto__`) must stay data
    Object.defineProperty(record, name, { value: converted, enumerable: true, writable: true, configurable: true });
  }
  return record as M;
}
