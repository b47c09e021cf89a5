import type { IndexProjection } from '../metadata/declarations';
import { recordAttribute, recordIndex } from '../metadata/store';

/** Options of `@LocalIndex`; on a class, `sortKey` names the index's sort key. */
export interface LocalIndexOptions {
  readonly sortKey?: string;
  /** Default `'ALL'`. */
  readonly projection?: IndexProjection;
}

/**
 * Declares a local secondary index (the table's partition key, another sort key), created
 * with the table. On a property, the property is the index's sort key.
 * @example `@LocalIndex('byTimestamp') timestamp!: string;`
 */
export function LocalIndex(name: string, options: LocalIndexOptions = {}): ClassDecorator & PropertyDecorator {
  return (target: object, property?: string | symbol) => {
    const model = property === undefined ? target : target.constructor;
    // on a property, the index key is an attribute too, even without @Attribute()
    if (property !== undefined) recordAttribute(model, { property: String(property) });
    recordIndex(model, {
      ...options,
      name,
      kind: 'local',
      ...(property !== undefined && { sortKey: String(property), property: String(property) }),
    });
  };
}
