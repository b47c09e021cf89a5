import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { codecOf } from './compileCodec';

/**
 * Converts a stored item to an instance of the model, without calling its constructor.
 * Only declared attributes are read; others (written by other code) stay in the table.
 */
export function fromItem<M extends object>(
  schema: CompiledSchema<M>,
  item: Readonly<Record<string, AttributeValue>>,
): M {
  return codecOf(schema).decode(item);
}
