import { nameErrorClass, OrmError } from './OrmError';
import { describeKey } from './describeKey';

/**
 * One action of a cancelled transaction failed for a reason other than its condition
 * (DynamoDB's `code`: TransactionConflict, ThrottlingError, ProvisionedThroughputExceeded,
 * ItemCollectionSizeLimitExceeded, ValidationError...); `detail` is the engine's message. Our
 * part of the message names the model and the key attributes; `key` holds the values.
 */
export class TransactionActionError extends OrmError {
  static {
    nameErrorClass(this, 'TransactionActionError');
  }

  constructor(
    readonly modelName: string,
    readonly key: Readonly<Record<string, unknown>>,
    readonly code: string,
    readonly detail: string | undefined,
    options?: ErrorOptions,
  ) {
    super(
      `${modelName}: the transaction's action on the record with the given ${describeKey(key)} failed with ${code}${detail ? `: ${detail}` : '.'}`,
      options,
    );
  }
}
