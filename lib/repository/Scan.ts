import type { ScanCommandInput } from '@aws-sdk/client-dynamodb';
import { buildScan } from '../requests/buildScan';
import type { ReadPlan } from '../validation/ReadPlan';
import { PagedRead, type ReadTarget } from './PagedRead';
import { mergePages, pages, type FetchPage } from './paginate';

/**
 * Every record of a table or index (matching the filter): an async iterable that requests
 * pages as it goes, or `.page()` for one page and a cursor. With `segments`, a parallel scan:
 * the segments are read concurrently and records yielded as pages arrive, each segment at most
 * one page ahead. Nothing is sent until it is iterated or paged.
 * @example
 * for await (const status of repo.scan({ filter: where('status').eq('FAILED'), segments: 4 })) retry(status);
 */
export class Scan<T> extends PagedRead<T> {
  /** The request as sent for the first page (of segment 0, for a parallel scan). */
  readonly input: ScanCommandInput;

  /** @throws Error when `plan` is not a scan's (plans come from checkScanOptions). */
  constructor(target: ReadTarget, plan: ReadPlan) {
    super(target, plan);
    this.input = buildScan(target.schema, target.tableName, plan, 0);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    const { segments, limit } = this.plan;
    if (segments === 1) {
      for await (const page of pages(this.fetch(0), this.paging())) {
        for (const item of page) yield this.decode(item);
      }
      return;
    }
    const controller = new AbortController();
    const sources = Array.from({ length: segments }, (_, segment) =>
      pages(this.fetch(segment), { ...this.paging(), signal: controller.signal }),
    );
    let remaining = limit ?? Infinity;
    // each segment stops at `limit` by itself; across segments, stop at the first `limit` yielded
    for await (const page of mergePages(sources, controller)) {
      for (const item of page) {
        yield this.decode(item);
        if (--remaining === 0) return;
      }
    }
  }

  protected fetch(segment: number): FetchPage {
    const base = segment === 0 ? this.input : buildScan(this.target.schema, this.target.tableName, this.plan, segment);
    const request = this.request();
    return async (startKey, limit, signal) => {
      const input: ScanCommandInput = {
        ...base,
        ...(startKey && { ExclusiveStartKey: startKey }),
        ...(limit !== undefined && { Limit: limit }),
      };
      const output = await this.target.pipeline.send('Scan', input, request, signal);
      return { items: output.Items ?? [], ...(output.LastEvaluatedKey && { lastKey: output.LastEvaluatedKey }) };
    };
  }
}
