import type { ConditionFailedError } from './ConditionFailedError';
import { nameErrorClass, OrmError } from './OrmError';
import type { RecordExistsError } from './RecordExistsError';
import type { RecordNotFoundError } from './RecordNotFoundError';
import { describeKey } from './describeKey';
import { TransactionActionError } from './TransactionActionError';

/**
 * What an action of a transaction does: create (never overwrites), update, delete, or condition
 * check; in a read transaction, get.
 */
export type TransactionActionKind = 'create' | 'put' | 'update' | 'delete' | 'check' | 'get';

/** How one action of a transaction failed; a failed condition carries the current record as the model `M`. */
export type TransactionActionFailure<M = Readonly<Record<string, unknown>>> =
  RecordExistsError | RecordNotFoundError | ConditionFailedError<M> | TransactionActionError;

/**
 * Why one action of a cancelled transaction did or did not go through. `M` is the transaction's models
 * (a union), which types a failed condition's current record.
 */
export interface TransactionCancellationReason<M = Readonly<Record<string, unknown>>> {
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
  readonly error?: TransactionActionFailure<M>;
}

/**
 * DynamoDB cancelled a transaction, so none of its actions happened (of a read transaction: no
 * record was returned); `reasons` has one entry per action, in order, with the typed error of each
 * action that failed, and `cause` is the SDK error.
 * The message names each failed action's model and key attributes; each reason's `key` holds the values.
 * `M` (the transaction's models, a union) types the current records of failed conditions; a reason's
 * error can also be narrowed per model with `ConditionFailedError.is(reason.error, repository)`.
 */
export class TransactionCanceledError<M = Readonly<Record<string, unknown>>> extends OrmError {
  static {
    nameErrorClass(this, 'TransactionCanceledError');
  }

  readonly reasons: readonly TransactionCancellationReason<M>[];

  constructor(
    reasons: readonly TransactionCancellationReason<M>[],
    detail: string | undefined,
    options?: ErrorOptions,
  ) {
    super(describeCancellation(reasons, detail), options);
    this.reasons = Object.freeze([...reasons]);
  }

  /** The reasons of the actions that failed. */
  get failures(): TransactionCancellationReason<M>[] {
    return this.reasons.filter((reason) => reason.error !== undefined);
  }
}

function describeCancellation(
  reasons: readonly TransactionCancellationReason<unknown>[],
  detail: string | undefined,
): string {
  const failed = reasons.filter((reason) => reason.error !== undefined);
  // without per-action reasons only the engine's own words say why
  if (failed.length === 0) return `Transaction cancelled: ${detail ?? 'the engine gave no reason'}`;
  return `Transaction cancelled: ${failed.map(describeReason).join('; ')}.`;
}

function describeReason({
  index,
  action,
  modelName,
  key,
  code,
  error,
}: TransactionCancellationReason<unknown>): string {
  const why =
    error instanceof TransactionActionError
      ? `${code}${error.detail ? ` (${error.detail})` : ''}`
      : (error?.name ?? code);
  const list = action === 'get' ? 'gets' : 'actions';
  return `${list}[${index}] (${action} ${modelName} with the given ${describeKey(key)}): ${why}`;
}
