import type { IndexProjection } from '../metadata/declarations';
import { indexDecorator } from './indexDecorator';
import type { CheckedIndexDecorator, IndexRule } from '../types/decorators';

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
export function GlobalIndex<const N extends string>(
  name: N,
  options?: GlobalIndexOptions,
): CheckedIndexDecorator<IndexRule<'@GlobalIndex', N>>;
export function GlobalIndex(...args: unknown[]): unknown {
  return indexDecorator('global', args);
}
