import type { AttributeValue, CancellationReason } from '@aws-sdk/client-dynamodb';
import { EntityMismatchError } from '../errors/EntityMismatchError';
import { OrmError } from '../errors/OrmError';
import { TransactionActionError } from '../errors/TransactionActionError';
import {
  TransactionCanceledError,
  type TransactionActionFailure,
  type TransactionCancellationReason,
} from '../errors/TransactionCanceledError';
import { isUnknownOperation, translateAwsError, type WriteContext } from '../errors/translateAwsError';
import { UnsupportedCapabilityError } from '../errors/UnsupportedCapabilityError';
import type { Pipeline } from '../pipeline/Pipeline';
import { decodeCurrent } from '../repository/decodeCurrent';
import { buildGetRecord } from '../requests/buildGetRecord';
import { foreignItemError } from '../validation/checkEntity';
import type { PreparedAction } from './prepareActions';
import type { PreparedGet } from './prepareGets';

/** The SDK's TransactionCanceledException, matched by name (another copy of the SDK has other classes). */
export type CanceledTransaction = Error & { readonly CancellationReasons?: readonly CancellationReason[] };

/** What a record was found to be after a failed condition: null when absent, undefined when unknown. */
type Current = Readonly<Record<string, unknown>> | null | undefined;

// A check, like an update, needs the record: absent → RecordNotFoundError, present → ConditionFailedError.
const OPERATION: Readonly<Record<PreparedAction['action'], WriteContext['operation']>> = {
  create: 'create',
  put: 'put',
  update: 'update',
  delete: 'delete',
  check: 'update',
};

/** Whether an SDK error says DynamoDB cancelled the transaction. */
export function isTransactionCanceled(error: unknown): error is CanceledTransaction {
  return error instanceof Error && error.name === 'TransactionCanceledException';
}

/**
 * The TransactionCanceledError for a cancellation, each failed condition typed as its action's
 * single-item method would type it. The engine returns the item behind a failed condition
 * (ALL_OLD); when it returned none for an action that required more than (non-)existence, one
 * consistent read per such action tells "absent" from "condition not met", as Repository does.
 */
export async function translateCancellation(
  pipeline: Pipeline,
  actions: readonly PreparedAction[],
  error: CanceledTransaction,
): Promise<TransactionCanceledError> {
  const reasons = engineReasons(error, actions.length);
  if (!reasons) {
    // an engine that gives no per-action reasons: say so rather than guess which action failed
    return new TransactionCanceledError(
      actions.map((action) => reasonFor(action, { Code: 'Unknown' }, undefined, error)),
      error.message,
      { cause: error },
    );
  }
  const current = await Promise.all(
    actions.map((action, index) => currentRecord(pipeline, action, reasons[index]!, error)),
  );
  // as for createRecord: a put's failure says "taken", never what the existing record holds
  actions.forEach((action, index) => {
    if (action.action === 'create') delete reasons[index]!.Item;
  });
  return new TransactionCanceledError(
    actions.map((action, index) => {
      const found = current[index];
      if (!(found instanceof EntityMismatchError)) return reasonFor(action, reasons[index]!, found, error);
      // another entity's item: a create finds the key taken, any other action is refused as getRecord is
      if (action.action === 'create') return reasonFor(action, reasons[index]!, {}, error);
      const { index: at, action: kind, modelName, keyValues: key } = action;
      return { index: at, action: kind, modelName, key, code: 'ConditionalCheckFailed', error: found };
    }),
    error.message,
    { cause: error },
  );
}

/**
 * The TransactionCanceledError for a cancelled read transaction: a get has no condition, so each
 * failed get (TransactionConflict: a write was under way on its item) gets a TransactionActionError.
 */
export function translateReadCancellation(
  gets: readonly PreparedGet[],
  error: CanceledTransaction,
): TransactionCanceledError {
  const reasons = engineReasons(error, gets.length);
  const described = gets.map(({ index, modelName, keyValues: key }) => {
    // without per-get reasons (DynamoDB Local gives none for some cancellations) no get is blamed
    const reason = reasons?.[index] ?? { Code: 'Unknown' };
    return uncheckedReason({ index, action: 'get', modelName, key, code: reason.Code ?? 'None' }, reason, error);
  });
  return new TransactionCanceledError(described, error.message, { cause: error });
}

/**
 * The UnsupportedCapabilityError for an engine that does not know a transaction operation at all
 * (dynalite), or undefined when `error` says something else.
 */
export function unsupportedTransactions(
  operation: 'TransactWriteItems' | 'TransactGetItems',
  error: unknown,
): UnsupportedCapabilityError | undefined {
  if (!isUnknownOperation(error)) return undefined;
  const detail = `the engine does not know ${operation} (dynalite has no transactions). Use DynamoDB Local or DynamoDB.`;
  return new UnsupportedCapabilityError('transactions', detail, { cause: error });
}

/** The engine's per-action reasons, when it gave one per action; else undefined. */
function engineReasons(error: CanceledTransaction, count: number): readonly CancellationReason[] | undefined {
  // Array.isArray would widen the type to any[]: the engine's answer is checked, its type kept
  const given = error.CancellationReasons;
  const reasons: readonly CancellationReason[] | undefined = Array.isArray(given) ? given : undefined;
  return reasons?.length === count ? reasons : undefined;
}

/**
 * One action's reason: no error for 'None' (or an unknown outcome), the typed condition failure
 * for 'ConditionalCheckFailed', a TransactionActionError for any other code.
 */
export function reasonFor(
  action: PreparedAction,
  reason: CancellationReason,
  current: Current,
  cause: Error,
): TransactionCancellationReason {
  const code = reason.Code ?? 'None';
  const described = {
    index: action.index,
    action: action.action,
    modelName: action.modelName,
    key: action.keyValues,
    code,
  };
  if (code !== 'ConditionalCheckFailed') return uncheckedReason(described, reason, cause);
  // translateAwsError names a single write's ConditionalCheckFailedException: give it one per failed action
  const failed = Object.assign(new Error(reason.Message ?? 'The conditional request failed', { cause }), {
    name: 'ConditionalCheckFailedException',
  });
  const context: WriteContext = {
    operation: OPERATION[action.action],
    modelName: action.modelName,
    key: action.keyValues,
    checked: action.checked,
  };
  const translated = translateAwsError(failed, context, current);
  // a failed condition translates to one of the failures a reason names
  return translated instanceof OrmError ? { ...described, error: translated as TransactionActionFailure } : described;
}

/** A reason whose code is not a failed condition: no error for 'None' (or an unknown outcome), else a TransactionActionError. */
function uncheckedReason(
  described: TransactionCancellationReason,
  reason: CancellationReason,
  cause: Error,
): TransactionCancellationReason {
  const { modelName, key, code } = described;
  if (code === 'None' || code === 'Unknown') return described;
  return { ...described, error: new TransactionActionError(modelName, key, code, reason.Message, { cause }) };
}

async function currentRecord(
  pipeline: Pipeline,
  action: PreparedAction,
  reason: CancellationReason,
  cancellation: CanceledTransaction,
): Promise<Current | EntityMismatchError> {
  if (reason.Code !== 'ConditionalCheckFailed') return undefined;
  if (reason.Item)
    return (
      foreignItemError(action.schema, reason.Item, action.keyValues, { cause: cancellation }) ??
      decodeCurrent(action.schema, reason.Item, cancellation)
    );
  if (!action.checked) return undefined; // a bare existence check failed: its meaning needs no read
  let item: Record<string, AttributeValue> | undefined;
  try {
    const input = buildGetRecord(action.tableName, action.key, true);
    ({ Item: item } = await pipeline.send('GetItem', input, {
      call: 'commit',
      table: action.tableName,
      key: action.keyValues,
    }));
  } catch {
    // the read only refines the error: without it the failure stays a ConditionFailedError with no item
    return undefined;
  }
  if (!item) return null;
  return (
    foreignItemError(action.schema, item, action.keyValues, { cause: cancellation }) ??
    decodeCurrent(action.schema, item, cancellation)
  );
}
