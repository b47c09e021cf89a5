import { encodeCursor, type CursorTarget } from '../marshalling/encodeCursor';
import { decodeCursor } from '../validation/decodeCursor';
import { fromItem } from '../marshalling/codec';
import { toAttributeValue } from '../marshalling/codec';
import type { Pipeline, RequestTarget } from '../pipeline/Pipeline';
import type { CompiledSchema } from '../schema/CompiledSchema';
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
}

/** What `Query` and `Scan` share: decoding items to model instances, and `.page()` with cursors. */
export abstract class PagedRead<T> implements AsyncIterable<T> {
  protected constructor(
    protected readonly target: ReadTarget,
    protected readonly plan: ReadPlan,
  ) {}

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
    const paging: PagingOptions = { ...this.paging(), limit: limit ?? this.plan.limit, ...(startKey && { startKey }) };
    const { items, resumeKey } = await readPage(this.fetch(0), paging, keyNames);
    return {
      items: items.map((item) => this.decode(item)),
      cursor: resumeKey && encodeCursor(cursorTarget, resumeKey),
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

  /** How requests are sized for this read. */
  protected paging(): PagingOptions {
    const { limit, pageSize, filter } = this.plan;
    return {
      filtered: filter !== undefined,
      ...(limit !== undefined && { limit }),
      ...(pageSize !== undefined && { pageSize }),
    };
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
