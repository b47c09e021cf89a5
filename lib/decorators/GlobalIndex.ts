import type { IndexProjection } from '../metadata/declarations';
import { recordAttribute, recordIndex } from '../metadata/store';

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
    // on a property, the index key is an attribute too, even without @Attribute()
    if (property !== undefined) recordAttribute(model, { property: String(property) });
    recordIndex(model, {
      ...options,
      name,
      kind: 'global',
      ...(property !== undefined && { partitionKey: String(property), property: String(property) }),
    });
  };
}
