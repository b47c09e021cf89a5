import { SchemaError } from '../errors/SchemaError';
import type { AttributeType, LifecycleRole } from '../metadata/declarations';
import type { CompiledAttribute } from './CompiledSchema';

const TYPES_BY_ROLE: Record<LifecycleRole, readonly AttributeType[]> = {
  version: ['number'],
  createdAt: ['date', 'string', 'number'],
  updatedAt: ['date', 'string', 'number'],
  ttl: ['date', 'number'],
};

const DECORATORS: Record<LifecycleRole, string> = {
  version: '@Version',
  createdAt: '@CreatedAt',
  updatedAt: '@UpdatedAt',
  ttl: '@Ttl',
};

/** Checks a lifecycle attribute's type, and that it is not also a key or categorical. */
export function checkRole(
  role: LifecycleRole,
  type: AttributeType,
  keyOrCategorical: boolean,
  fail: (reason: string) => never,
): void {
  const decorator = DECORATORS[role];
  if (keyOrCategorical) fail(`${decorator} cannot be a key or categorical attribute.`);
  if (!TYPES_BY_ROLE[role].includes(type))
    fail(`${decorator} needs a ${TYPES_BY_ROLE[role].join(' or ')} property, not ${type}.`);
}

/** The version, timestamp and TTL attributes of a model, each declared at most once. */
export function lifecycleAttributes(
  modelName: string,
  attributes: readonly CompiledAttribute[],
): Partial<Record<LifecycleRole, CompiledAttribute>> {
  const found: Partial<Record<LifecycleRole, CompiledAttribute>> = {};
  for (const attribute of attributes) {
    if (!attribute.role) continue;
    const taken = found[attribute.role];
    if (taken)
      throw new SchemaError(
        modelName,
        attribute.name,
        `a second ${DECORATORS[attribute.role]} (${taken.name} has it already).`,
      );
    found[attribute.role] = attribute;
  }
  return found;
}
