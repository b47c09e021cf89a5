import type { IndexProjection } from '../metadata/declarations';
import { indexDecorator } from './indexDecorator';

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
  return indexDecorator({ ...options, name, kind: 'local' }, 'sortKey');
}
