import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Condition } from '../expressions/conditions';
import type { ObservationOptions } from '../pipeline/ObservationOptions';
import { Pipeline } from '../pipeline/Pipeline';
import type { Repository } from '../repository/Repository';
import type { NotInferred } from '../types/ModelTypes';
import type { RecordData, RecordId, UpdateChanges } from '../types/records';
import { buildTransaction, TRANSACTION_LABEL, type TransactionRequestOptions } from '../requests/buildTransaction';
import type { DeleteOptions, UpdateOptions, WriteOptions } from '../repository/options';
import { checkOptions, stringOption } from '../validation/checkOptions';
import { OBSERVATION_OPTIONS } from '../validation/observationOptions';
import { prepareActions, type PreparedAction, type TransactionAction } from './prepareActions';
import { isTransactionCanceled, translateCancellation, unsupportedTransactions } from './translateCancellation';

/** Options of `commit`. */
export interface CommitOptions {
  /**
   * 1 to 36 characters that make the commit idempotent for 10 minutes: committing the same
   * transaction again with the same token is not applied twice. Without one the SDK makes a
   * token of its own, reused by its own retries.
   */
  readonly clientRequestToken?: string;
}

/**
 * Options of `transaction(client, options)`: the hooks, logger and consumed capacity of its
 * requests, as a repository takes them. A transaction spans repositories, which may each have
 * their own: it uses only these, so that one request is reported once.
 */
export type TransactionOptions = ObservationOptions;

const MAX_TOKEN_LENGTH = 36;

/**
 * Up to 100 writes and checks across repositories, applied all together or not at all with
 * TransactWriteItems, sent through the client given to `transaction(client)` to each
 * repository's table (by its name, as the repository has it). Actions are recorded as given
 * and validated at `commit`, each as its repository method would validate it.
 * @example
 * await transaction(client)
 *   .create(statusRepo, { request_id: 'r1', status: 'STARTED', timestamp })
 *   .update(userRepo, 'u1', { runs: add(1) })
 *   .check(userRepo, 'u2', where('email').exists())
 *   .commit();
 */
export class Transaction {
  private readonly actions: TransactionAction[] = [];
  // one time for every action's lifecycle values, kept while the actions are, so that a retried
  // commit sends the same request (DynamoDB refuses a token reused with another request)
  private now: Date | undefined;
  private readonly pipeline: Pipeline;

  /** @throws RecordValidationError naming an unknown or ill-typed option. */
  constructor(
    readonly client: DynamoDBClient,
    options?: TransactionOptions,
  ) {
    const checked = checkOptions<TransactionOptions>(TRANSACTION_LABEL, options, OBSERVATION_OPTIONS, 'transaction');
    this.pipeline = new Pipeline(client, checked);
  }

  /** The number of actions recorded so far. */
  get size(): number {
    return this.actions.length;
  }

  /** Adds a create, like `createRecord`: it never overwrites, and fails when the key is taken (RecordExistsError in the reasons). */
  create<M extends object>(
    repository: Repository<M>,
    record: NotInferred<M | RecordData<M>>,
    options?: WriteOptions<NotInferred<M>>,
  ): this {
    return this.add({ kind: 'create', repository, data: record, options });
  }

  /**
   * Adds a put, like `putRecord`: creates or replaces the record, writing the next @Version and
   * keeping @CreatedAt (with `expectedVersion`, only if the record has that version).
   */
  put<M extends object>(repository: Repository<M>, record: M | RecordData<M>, options?: UpdateOptions): this {
    return this.add({ kind: 'put', repository, data: record, options });
  }

  /** Adds an update of an existing record, like `updateRecord` (with `expectedVersion`, conditional on the version you read). */
  update<M extends object>(
    repository: Repository<M>,
    id: NotInferred<RecordId<M>>,
    changes: NotInferred<UpdateChanges<M>>,
    options?: UpdateOptions<NotInferred<M>>,
  ): this {
    return this.add({ kind: 'update', repository, id, changes, options });
  }

  /** Adds a delete of an existing record, like `deleteRecord`. */
  delete<M extends object>(
    repository: Repository<M>,
    id: NotInferred<RecordId<M>>,
    options?: DeleteOptions<NotInferred<M>>,
  ): this {
    return this.add({ kind: 'delete', repository, id, options });
  }

  /** Adds a check, which writes nothing: the record must exist and meet `condition` for the transaction to go through. */
  check<M extends object>(
    repository: Repository<M>,
    id: NotInferred<RecordId<M>>,
    condition?: Condition<NotInferred<M>>,
  ): this {
    return this.add({ kind: 'check', repository, id, condition });
  }

  /**
   * Validates every action, then sends them as one TransactWriteItems.
   * @throws RecordValidationError before anything is sent: any invalid action (`actions[2].email`),
   * no action or more than 100, two actions on one item, a bad option.
   * @throws TransactionCanceledError when DynamoDB cancelled the transaction; nothing was written.
   * @throws UnsupportedCapabilityError ('transactions') on an engine without them (dynalite).
   */
  async commit(options?: CommitOptions): Promise<void> {
    const request = checkCommitOptions(options);
    this.now ??= new Date();
    const prepared = await prepareActions(this.actions, this.now);
    const input = buildTransaction(prepared, request);
    const tables = [...new Set(prepared.map((action) => action.tableName))];
    try {
      await this.pipeline.send('TransactWriteItems', input, {
        call: 'commit',
        table: tables,
        key: () => prepared.map((action) => action.keyValues),
      });
    } catch (error) {
      throw await this.translate(error, prepared);
    }
  }

  private add(action: TransactionAction): this {
    this.actions.push(action);
    this.now = undefined;
    return this;
  }

  private async translate(error: unknown, prepared: readonly PreparedAction[]): Promise<unknown> {
    if (isTransactionCanceled(error)) return translateCancellation(this.pipeline, prepared, error);
    return unsupportedTransactions('TransactWriteItems', error) ?? error;
  }
}

/**
 * Starts a transaction sent through `client`; add actions, then `commit()`. `options` takes the
 * hooks, logger and consumed capacity of its requests, as `new Repository` does.
 * @throws RecordValidationError naming an unknown or ill-typed option.
 * @example
 * await transaction(client, { logger }).create(statusRepo, record).delete(userRepo, 'u2').commit();
 */
export function transaction(client: DynamoDBClient, options?: TransactionOptions): Transaction {
  return new Transaction(client, options);
}

const COMMIT_OPTIONS = { clientRequestToken: stringOption(1, MAX_TOKEN_LENGTH) };

function checkCommitOptions(options: unknown): TransactionRequestOptions {
  return checkOptions<TransactionRequestOptions>(TRANSACTION_LABEL, options, COMMIT_OPTIONS, 'commit');
}
