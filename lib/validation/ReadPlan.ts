import type { Condition } from '../expressions/conditions';
import type { CompiledAttribute, CompiledIndex } from '../schema/CompiledSchema';

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
  readonly projection?: readonly CompiledAttribute[];
  readonly reverse: boolean;
  readonly consistent: boolean;
  readonly limit?: number;
  readonly pageSize?: number;
  readonly segments: number;
}
