import type { Condition } from '../expressions/conditions';
import type { CompiledAttribute, CompiledIndex } from '../schema/CompiledSchema';

/** The name of one of a model's attributes, as `projection` takes it. */
export type AttributeName<M> = Extract<keyof M, string>;

/** The partition key of the table or of the queried index, by equality: `{ status: 'STARTED' }`. */
export type QueryKey<M> = { readonly [K in keyof M]?: M[K] };

/** Options shared by `query` and `scan`. */
export interface ReadOptions<M> {
  /** A global or local index declared on the model, or one created by this repository's `createGsi`. */
  readonly index?: string;
  /** Applied by DynamoDB after reading: items that do not match are dropped (they still cost read capacity). */
  readonly filter?: Condition;
  /** The most items iteration yields in all; for `.page()`, the page length when `.page()` is given none. */
  readonly limit?: number;
  /** Only these attributes are read; results are then partial instances of the model. */
  readonly projection?: readonly AttributeName<M>[];
  /** Strongly consistent reads (DynamoDB offers none on a global index). */
  readonly consistent?: boolean;
  /** How many items DynamoDB evaluates per request (its `Limit`, counted before the filter). */
  readonly pageSize?: number;
}

/** Options of `query`. */
export interface QueryOptions<M> extends ReadOptions<M> {
  /** A key condition on the sort key of the table or index: eq, lt, le, gt, ge, between or beginsWith. */
  readonly sortKey?: Condition;
  /** Descending sort key order. */
  readonly reverse?: boolean;
}

/** Options of `scan`. */
export interface ScanOptions<M> extends ReadOptions<M> {
  /** Parallel scan: this many segments (1 to 1,000,000) are read concurrently; no `.page()` then. */
  readonly segments?: number;
}

/** A query or scan after its checks: everything the request builders and the pager need. */
export interface ReadPlan {
  readonly operation: 'query' | 'scan';
  readonly index?: CompiledIndex;
  /** The attributes that identify an item of this read (table keys, then the index's), as its cursor holds them. */
  readonly cursorKeys: readonly CompiledAttribute[];
  /** The partition a query reads. */
  readonly partition?: { readonly attribute: CompiledAttribute; readonly value: unknown };
  readonly sortKey?: Condition;
  readonly filter?: Condition;
  /** The attributes asked for, each once; undefined for all. */
  readonly projection?: readonly string[];
  readonly reverse: boolean;
  readonly consistent: boolean;
  readonly limit?: number;
  readonly pageSize?: number;
  readonly segments: number;
}
