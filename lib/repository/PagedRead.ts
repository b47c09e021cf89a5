import { encodeCursor, type CursorTarget } from '../marshalling/encodeCursor';
import { decodeCursor } from '../validation/decodeCursor';
import { fromItem } from '../marshalling/codec';
import { toAttributeValue } from '../marshalling/codec';
import type { Pipeline, RequestTarget } from '../pipeline/Pipeline';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { isOwnItem } from '../validation/checkEntity';
import { checkPageOptions } from '../validation/checkQueryOptions';
import type { PageOptions } from './readOptions';
import type { ReadPlan } from '../validation/ReadPlan';
import { readPage, type FetchPage, type Item, type PagingOptions } from './paginate';

/** Where a query or scan reads. */
export interface ReadTarget {
  readonly pipeline: Pipeline;
  readonly schema: CompiledSchema;
  readonly tableName: string;
}

/** One page of a query or scan, and where the next one starts. */
export interface Page<T> {
  readonly items: T[];
  /** Opaque and URL-safe; pass it to `.page({ cursor })` for the next page. Undefined when there is no next page. */
  readonly cursor: string | undefined;
  /**
   * Of a model with an entity (or a collection): how many items of other entities (or with none) this
   * page passed over. Absent for a model without an entity, whose reads skip nothing.
   */
  readonly skipped?: number;
}

/** What `Query` and `Scan` share: decoding items to model instances, and `.page()` with cursors. */
export abstract class PagedRead<T> implements AsyncIterable<T> {
  private skippedSoFar = 0;

  protected constructor(
    protected readonly target: ReadTarget,
    protected readonly plan: ReadPlan,
  ) {}

  /**
   * How many items of other entities (or with none) the iterations and pages of this read have passed
   * over so far: a model with an entity (or a collection) never returns them. 0 for a model without one.
   */
  get skipped(): number {
    return this.skippedSoFar;
  }

  /** Yields every matching record (up to the read's `limit`), requesting pages as it goes. */
  abstract [Symbol.asyncIterator](): AsyncIterator<T>;

  /** The request for one segment (0 unless a parallel scan). */
  protected abstract fetch(segment: number): FetchPage;

  /**
   * Reads one page: up to `limit` records (filling the page across requests when a filter
   * drops items) and a cursor that resumes right after the last record returned.
   * @throws RecordValidationError for a bad limit, a cursor that does not decode or was made
   *   for another table, index, partition or kind of read, and on a parallel scan.
   * @example
   * let cursor: string | undefined;
   * do {
   *   const page = await repo.query({ request_id: 'r1' }).page({ limit: 25, cursor });
   *   show(page.items);
   *   cursor = page.cursor;
   * } while (cursor);
   */
  async page(options: PageOptions = {}): Promise<Page<T>> {
    const { limit, cursor } = checkPageOptions(this.target.schema, options, this.plan);
    const cursorTarget = this.cursorTarget();
    const startKey = cursor === undefined ? undefined : decodeCursor(cursorTarget, cursor);
    const keyNames = this.plan.cursorKeys.map((attribute) => attribute.storedName);
    let skipped = 0;
    const paging: PagingOptions = {
      ...this.paging((count) => (skipped += count)),
      limit: limit ?? this.plan.limit,
      ...(startKey && { startKey }),
    };
    const { items, resumeKey } = await readPage(this.fetch(0), paging, keyNames);
    return {
      items: items.map((item) => this.decode(item)),
      cursor: resumeKey && encodeCursor(cursorTarget, resumeKey),
      ...(paging.accept && { skipped }),
    };
  }

  /** What each request of this read is for, as hooks and log lines tell it (`signal` added per request). */
  protected request(): RequestTarget {
    const { operation, index, partition } = this.plan;
    return {
      call: operation,
      table: this.target.tableName,
      index: index?.name,
      ...(partition && { key: { [partition.attribute.name]: partition.value } }),
    };
  }

  /** How requests are sized for this read, and which items it skips (each count also told to `onSkipped`). */
  protected paging(onSkipped?: (count: number) => void): PagingOptions {
    const { limit, pageSize, filter } = this.plan;
    const accept = this.accept();
    return {
      // skipped items count as filtered ones do: a request limited to the items still wanted would fall short
      filtered: filter !== undefined || accept !== undefined,
      ...(limit !== undefined && { limit }),
      ...(pageSize !== undefined && { pageSize }),
      ...(accept && {
        accept,
        onSkipped: (count: number) => {
          this.skippedSoFar += count;
          onSkipped?.(count);
        },
      }),
    };
  }

  /** Which items this read returns: of a model with an entity, its own; undefined when it returns every item. */
  protected accept(): ((item: Item) => boolean) | undefined {
    const { schema } = this.target;
    return schema.entity ? (item) => isOwnItem(schema, item) : undefined;
  }

  /** An item as a model instance; with a projection, only the attributes asked for (key attributes fetched for cursors are dropped). */
  protected decode(item: Item): T {
    const { projection } = this.plan;
    const kept = projection
      ? Object.fromEntries(
          projection.flatMap(({ storedName }) => (item[storedName] ? [[storedName, item[storedName]]] : [])),
        )
      : item;
    return fromItem(this.target.schema, kept) as T;
  }

  private cursorTarget(): CursorTarget {
    const { schema, tableName } = this.target;
    const { operation, index, cursorKeys, partition } = this.plan;
    return {
      modelName: schema.modelName,
      operation,
      tableName,
      ...(index && { indexName: index.name }),
      keyNames: cursorKeys.map((attribute) => attribute.storedName),
      ...(partition && {
        partition: {
          name: partition.attribute.storedName,
          value: toAttributeValue(partition.attribute, partition.value),
        },
      }),
    };
  }
}
