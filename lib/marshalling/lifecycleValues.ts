import type { CompiledAttribute, CompiledSchema } from '../schema/CompiledSchema';

/** A time as a timestamp attribute stores it: a Date, an ISO string, or epoch milliseconds. */
export function timestampFor(attribute: CompiledAttribute, now: Date): Date | string | number {
  if (attribute.type === 'string') return now.toISOString();
  if (attribute.type === 'number') return now.getTime();
  return now;
}

/**
 * The values `createRecord` adds: version 1, and the creation and update times unless the
 * record brings its own (a copy or a migration keeps them).
 */
export function creationValues(
  schema: CompiledSchema,
  values: Readonly<Record<string, unknown>>,
  now: Date,
): Readonly<Record<string, unknown>> {
  if (!schema.version && !schema.createdAt && !schema.updatedAt) return values;
  const added: Record<string, unknown> = {};
  if (schema.version) added[schema.version.name] = 1;
  for (const attribute of [schema.createdAt, schema.updatedAt]) {
    if (attribute && values[attribute.name] === undefined) added[attribute.name] = timestampFor(attribute, now);
  }
  return { ...values, ...added };
}
