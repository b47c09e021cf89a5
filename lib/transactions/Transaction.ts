import { TransactWriteItemsCommand, type DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { UnsupportedCapabilityError } from '../errors/UnsupportedCapabilityError';
import { isUnknownOperation } from '../errors/translateAwsError';
import type { Condition } from '../expressions/conditions';
import type { Repository } from '../repository/Repository';
import type { NotInferred } from '../types/ModelTypes';
import type { RecordData, RecordId, UpdateChanges } from '../types/records';
import { buildTransaction, TRANSACTION_LABEL, type TransactionRequestOptions } from '../requests/buildTransaction';
import type { DeleteOptions, UpdateOptions, WriteOptions } from '../repository/options';
import { checkOptions, stringOption } from '../validation/checkOptions';
import { prepareActions, type PreparedAction, type TransactionAction } from './prepareActions';
import { isTransactionCanceled, translateCancellation } from './translateCancellation';

/** Options of `commit`. */
export interface CommitOptions {
  /**
   * 1 to 36 characters that make the commit idempotent for 10 minutes: committing the same
   * transaction again with the same token is not applied twice. Without one the SDK makes a
   * token of its own, reused by its own retries.
   */
  readonly clientRequestToken?: string;
}

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

  constructor(readonly client: DynamoDBClient) {}

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
    try {
      await this.client.send(new TransactWriteItemsCommand(input));
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
    if (isTransactionCanceled(error)) return translateCancellation(this.client, prepared, error);
    if (isUnknownOperation(error)) {
      const detail =
        'the engine does not know TransactWriteItems (dynalite has no transactions). Use DynamoDB Local or DynamoDB.';
      return new UnsupportedCapabilityError('transactions', detail, { cause: error });
    }
    return error;
  }
}

/**
 * Starts a transaction sent through `client`; add actions, then `commit()`.
 * @example
 * await transaction(client).create(statusRepo, record).delete(userRepo, 'u2').commit();
 */
export function transaction(client: DynamoDBClient): Transaction {
  return new Transaction(client);
}

const COMMIT_OPTIONS = { clientRequestToken: stringOption(1, MAX_TOKEN_LENGTH) };

function checkCommitOptions(options: unknown): TransactionRequestOptions {
  return checkOptions<TransactionRequestOptions>(TRANSACTION_LABEL, options, COMMIT_OPTIONS, 'commit');
}
