import { nameErrorClass, OrmError } from './OrmError';
import { describeKey } from './describeKey';
import { TransactionActionError } from './TransactionActionError';

/**
 * What an action of a transaction does: create (never overwrites), update, delete, or condition
 * check; in a read transaction, get.
 */
export type TransactionActionKind = 'create' | 'put' | 'update' | 'delete' | 'check' | 'get';

/** Why one action of a cancelled transaction did or did not go through. */
export interface TransactionCancellationReason {
  /** The action's position in the transaction, from 0 (`actions[1]`, or `gets[1]` in a read transaction, is the second). */
  readonly index: number;
  readonly action: TransactionActionKind;
  readonly modelName: string;
  readonly key: Readonly<Record<string, unknown>>;
  /** DynamoDB's code: 'None' for an action that did not fail (it was cancelled with the rest). */
  readonly code: string;
  /**
   * The typed failure: RecordExistsError, RecordNotFoundError or ConditionFailedError for a
   * failed condition, TransactionActionError for any other code; absent when the action did not fail.
   */
  readonly error?: OrmError;
}

/**
 * DynamoDB cancelled a transaction, so none of its actions happened (of a read transaction: no
 * record was returned); `reasons` has one entry per action, in order, with the typed error of each
 * action that failed, and `cause` is the SDK error.
 * The message names each failed action's model and key attributes; each reason's `key` holds the values.
 */
export class TransactionCanceledError extends OrmError {
  static {
    nameErrorClass(this, 'TransactionCanceledError');
  }

  readonly reasons: readonly TransactionCancellationReason[];

  constructor(reasons: readonly TransactionCancellationReason[], detail: string | undefined, options?: ErrorOptions) {
    super(describeCancellation(reasons, detail), options);
    this.reasons = Object.freeze([...reasons]);
  }

  /** The reasons of the actions that failed. */
  get failures(): TransactionCancellationReason[] {
    return this.reasons.filter((reason) => reason.error !== undefined);
  }
}

function describeCancellation(reasons: readonly TransactionCancellationReason[], detail: string | undefined): string {
  const failed = reasons.filter((reason) => reason.error !== undefined);
  // without per-action reasons only the engine's own words say why
  if (failed.length === 0) return `Transaction cancelled: ${detail ?? 'the engine gave no reason'}`;
  return `Transaction cancelled: ${failed.map(describeReason).join('; ')}.`;
}

function describeReason({ index, action, modelName, key, code, error }: TransactionCancellationReason): string {
  const why =
    error instanceof TransactionActionError
      ? `${code}${error.detail ? ` (${error.detail})` : ''}`
      : (error?.name ?? code);
  const list = action === 'get' ? 'gets' : 'actions';
  return `${list}[${index}] (${action} ${modelName} with the given ${describeKey(key)}): ${why}`;
}
