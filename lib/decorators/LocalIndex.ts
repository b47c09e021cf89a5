import type { IndexProjection } from '../metadata/declarations';
import type { ModelClassOrPropertyDecorator } from './decorate';
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
export function LocalIndex(name: string, options?: LocalIndexOptions): ModelClassOrPropertyDecorator;
export function LocalIndex(...args: unknown[]): ModelClassOrPropertyDecorator | undefined {
  return indexDecorator('local', args);
}
