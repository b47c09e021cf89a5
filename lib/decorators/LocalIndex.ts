import type { IndexProjection } from '../metadata/declarations';
import { indexDecorator } from './indexDecorator';
import type { CheckedIndexDecorator, IndexRule } from '../types/decorators';

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
export function LocalIndex<const N extends string>(
  name: N,
  options?: LocalIndexOptions,
): CheckedIndexDecorator<IndexRule<'@LocalIndex', N>>;
export function LocalIndex(...args: unknown[]): unknown {
  return indexDecorator('local', args);
}
