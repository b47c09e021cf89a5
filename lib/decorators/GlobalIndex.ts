import type { IndexProjection } from '../metadata/declarations';
import { recordIndex } from '../metadata/store';

/** Options of `@GlobalIndex`; on a class, `partitionKey` names the index's partition key. */
export interface GlobalIndexOptions {
  readonly partitionKey?: string;
  readonly sortKey?: string;
  /** Default `'ALL'`. */
  readonly projection?: IndexProjection;
}

/**
 * Declares a global secondary index, created with the table. On a property, the property is
 * the index's partition key; on a class, `partitionKey` names it.
 * @example `@GlobalIndex('byStatus', { sortKey: 'timestamp' }) status!: string;`
 */
export function GlobalIndex(name: string, options: GlobalIndexOptions = {}): ClassDecorator & PropertyDecorator {
  return (target: object, property?: string | symbol) => {
    const model = property === undefined ? target : target.constructor;
    recordIndex(model, {
      ...options,
      name,
      kind: 'global',
      ...(property !== undefined && { partitionKey: String(property), property: String(property) }),
    });
  };
}
