import { toKey } from '../../lib/marshalling/toKey';
import type { CompiledSchema } from '../../lib/schema/CompiledSchema';
import { validateKey } from '../../lib/validation/validateKey';

/** An id checked and encoded the way the repository does it: the DynamoDB Key and the key values. */
export function keyOf(
  schema: CompiledSchema,
  id: unknown,
): { key: ReturnType<typeof toKey>; values: Record<string, unknown> } {
  const values = validateKey(schema, id);
  return { key: toKey(schema, values), values };
}
