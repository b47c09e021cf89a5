import type { Condition } from '../expressions/conditions';
import type { IndexName } from '../types/ModelTypes';

/** The name of one of a model's attributes, as `projection` takes it. */
export type AttributeName<M> = Extract<keyof M, string>;

/**
 * What `projection` lists: the model's attribute names, or any name for code written for any model
 * (`Repository<object>`), so that every repository widens to that one.
 */
type ProjectionName<M> = [AttributeName<M>] extends [never] ? string : AttributeName<M>;

/** The partition key of the table or of the queried index, by equality: `{ status: 'STARTED' }`. */
export type QueryKey<M> = { readonly [K in keyof M]?: M[K] };

/** Options shared by `query` and `scan`. */
export interface ReadOptions<M> {
  /**
   * A global or local index declared on the model, or one created by this repository's `createGsi`. For a
   * model that declares `[ModelTypes]`, one of its `indexes` (list an index `createGsi` makes there too).
   */
  readonly index?: IndexName<M>;
  /** Applied by DynamoDB after reading: items that do not match are dropped (they still cost read capacity). */
  readonly filter?: Condition<M>;
  /** The most items iteration yields in all; for `.page()`, the page length when `.page()` is given none. */
  readonly limit?: number;
  /** Only these attributes are read; results are then partial instances of the model. */
  readonly projection?: readonly ProjectionName<M>[];
  /** Strongly consistent reads (DynamoDB offers none on a global index). */
  readonly consistent?: boolean;
  /** How many items DynamoDB evaluates per request (its `Limit`, counted before the filter). */
  readonly pageSize?: number;
}

/** Options of `query`. */
export interface QueryOptions<M> extends ReadOptions<M> {
  /** A key condition on the sort key of the table or index: eq, lt, le, gt, ge, between or beginsWith. */
  readonly sortKey?: Condition<M>;
  /** Descending sort key order. */
  readonly reverse?: boolean;
}

/** Options of `scan`. */
export interface ScanOptions<M> extends ReadOptions<M> {
  /** Parallel scan: this many segments (1 to 1,000,000) are read concurrently; no `.page()` then. */
  readonly segments?: number;
}

/** Options of `.page()`. */
export interface PageOptions {
  /** How many items the page holds at most; default the read's `limit`, else one request's worth. */
  readonly limit?: number;
  /** Where to resume: the `cursor` of the previous page; undefined for the first page. */
  readonly cursor?: string;
}

/** Options of a collection's `query`: one partition, every entity of the collection in sort key order. */
export interface CollectionQueryOptions {
  /** The most items iteration yields in all; for `.page()`, the page length when `.page()` is given none. */
  readonly limit?: number;
  /** How many items DynamoDB evaluates per request (its `Limit`, counting items of entities outside the collection). */
  readonly pageSize?: number;
  /** Strongly consistent reads. */
  readonly consistent?: boolean;
  /** Descending sort key order. */
  readonly reverse?: boolean;
}
