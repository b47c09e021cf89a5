import type { DynamoDBClient, ItemResponse } from '@aws-sdk/client-dynamodb';
import { Pipeline } from '../pipeline/Pipeline';
import type { ObservationOptions } from '../pipeline/ObservationOptions';
import { OBSERVATION_OPTIONS } from '../validation/observationOptions';
import { checkOptions } from '../validation/checkOptions';
import { UnsupportedCapabilityError } from '../errors/UnsupportedCapabilityError';
import { fromItem } from '../marshalling/codec';
import { foreignItemError } from '../validation/checkEntity';
import type { Repository } from '../repository/Repository';
import { buildReadTransaction } from '../requests/buildReadTransaction';
import { prepareGets, type PreparedGet, type ReadGet } from './prepareGets';
import { isTransactionCanceled, translateReadCancellation, unsupportedTransactions } from './translateCancellation';

/** The id `getRecord` of a repository of `M` takes, typed as getRecord types it. */
export type ReadId<M extends object> = Parameters<Repository<M>['getRecord']>[0];

/**
 * Up to 100 reads across repositories, made together with TransactGetItems: the records returned
 * are as they all were at one moment, never half before and half after a write transaction. Each
 * `get` returns a new ReadTransaction whose type adds the model of that get to the tuple `commit`
 * resolves to; the builder it was called on is left as it was, so a builder can be reused as a prefix.
 * Ids are checked at `commit`, as `getRecord` checks them.
 * @example
 * const [order, user] = await readTransaction(client).get(orders, 'o1').get(users, 'u1').commit();
 * // order: Order | undefined, user: User | undefined; undefined where no such record exists
 */
export class ReadTransaction<Records extends readonly unknown[] = []> {
  private gets: readonly ReadGet[] = [];
  private readonly pipeline: Pipeline;

  /** @throws RecordValidationError naming an unknown or ill-typed option. */
  constructor(
    readonly client: DynamoDBClient,
    private readonly options?: ObservationOptions,
  ) {
    const checked = checkOptions<ObservationOptions>(
      'ReadTransaction',
      options,
      OBSERVATION_OPTIONS,
      'readTransaction',
    );
    this.pipeline = new Pipeline(client, checked);
  }

  /** The number of gets recorded so far. */
  get size(): number {
    return this.gets.length;
  }

  /**
   * A read transaction with one more get: the record of `repository` with this id, read from the
   * repository's table (by its name, as the repository has it) through this read transaction's client.
   */
  get<M extends object>(repository: Repository<M>, id: ReadId<M>): ReadTransaction<[...Records, M | undefined]> {
    const next = new ReadTransaction<[...Records, M | undefined]>(this.client, this.options);
    next.gets = [...this.gets, { repository, id }];
    return next;
  }

  /**
   * Checks every id, then reads all the records in one TransactGetItems. Resolves to one entry per
   * get, in the order of the gets: the record as an instance of its repository's model, or
   * `undefined` where no record has that id (a missing record is not an error here, unlike `getRecord`).
   * @throws RecordValidationError before anything is sent: any invalid id (`gets[2].order_id`), no
   *   get or more than 100, the same item twice (DynamoDB refuses it).
   * @throws TransactionCanceledError when DynamoDB cancelled the read (a write transaction on one of
   *   the items was under way: its reason has code TransactionConflict); nothing is returned, retry it.
   * @throws UnsupportedCapabilityError ('transactions') on an engine without them (dynalite).
   * @throws StoredValueError when a record read cannot be read exactly as its model's types.
   * @throws EntityMismatchError when an item read is another entity's (a table shared by several models).
   */
  async commit(): Promise<Records> {
    const prepared = prepareGets(this.gets);
    let responses: readonly (ItemResponse | null)[] | undefined;
    try {
      const tables = [...new Set(prepared.map((get) => get.tableName))];
      const target = { call: 'commit', table: tables, key: () => prepared.map((get) => get.keyValues) };
      ({ Responses: responses } = await this.pipeline.send('TransactGetItems', buildReadTransaction(prepared), target));
    } catch (error) {
      if (isTransactionCanceled(error)) throw translateReadCancellation(prepared, error);
      throw unsupportedTransactions('TransactGetItems', error) ?? error;
    }
    return recordsOf(prepared, responses) as unknown as Records;
  }
}

/**
 * Starts a read transaction sent through `client`; add gets, then `commit()`.
 * @example
 * const [order, user] = await readTransaction(client).get(orders, 'o1').get(users, 'u1').commit();
 */
export function readTransaction(client: DynamoDBClient, options?: ObservationOptions): ReadTransaction {
  return new ReadTransaction(client, options);
}

/** Each get's record from DynamoDB's answer, which holds one response per get, in order (empty or null when absent). */
function recordsOf(gets: readonly PreparedGet[], responses: readonly (ItemResponse | null)[] = []): unknown[] {
  if (responses.length !== gets.length) {
    // without one response per get no position can be told missing from present: say so, never guess
    const detail = `the engine answered TransactGetItems with ${responses.length} responses for ${gets.length} gets.`;
    throw new UnsupportedCapabilityError('transactional reads', detail);
  }
  return gets.map((get, index) => {
    const item = responses[index]?.Item;
    if (item === undefined) return undefined;
    const foreign = foreignItemError(get.schema, item, get.keyValues);
    if (foreign) throw foreign;
    return fromItem(get.schema, item);
  });
}
