import type { QueryCommandInput } from '@aws-sdk/client-dynamodb';
import { buildQuery } from '../requests/buildQuery';
import type { ReadPlan } from '../validation/ReadPlan';
import { PagedRead, type ReadTarget } from './PagedRead';
import { pages, type FetchPage } from './paginate';

/**
 * The records of one partition of a table or index, in sort key order: an async iterable that
 * requests pages as it goes (one page in memory at a time), or `.page()` for one page and a
 * cursor. Nothing is sent until it is iterated or paged; it can be iterated more than once.
 * @example
 * for await (const status of repo.query({ status: 'STARTED' }, { index: 'byStatus', reverse: true })) {
 *   console.log(status.request_id);
 * }
 */
export class Query<T> extends PagedRead<T> {
  /** The request as sent for the first page (later pages add ExclusiveStartKey and may change Limit). */
  readonly input: QueryCommandInput;

  /** @throws Error when `plan` is not a query's (plans come from checkQueryOptions). */
  constructor(target: ReadTarget, plan: ReadPlan) {
    super(target, plan);
    this.input = buildQuery(target.schema, target.tableName, plan);
  }

  async *[Symbol.asyncIterator](): AsyncGenerator<T> {
    for await (const page of pages(this.fetch(), this.paging())) {
      for (const item of page) yield this.decode(item);
    }
  }

  protected fetch(): FetchPage {
    const request = this.request();
    return async (startKey, limit, signal) => {
      const input: QueryCommandInput = {
        ...this.input,
        ...(startKey && { ExclusiveStartKey: startKey }),
        ...(limit !== undefined && { Limit: limit }),
      };
      const output = await this.target.pipeline.send('Query', input, request, signal);
      return { items: output.Items ?? [], ...(output.LastEvaluatedKey && { lastKey: output.LastEvaluatedKey }) };
    };
  }
}
