import {
  GetItemCommand,
  type AttributeValue,
  type CancellationReason,
  type DynamoDBClient,
} from '@aws-sdk/client-dynamodb';
import { OrmError } from '../errors/OrmError';
import { TransactionActionError } from '../errors/TransactionActionError';
import {
  TransactionCanceledError,
  type TransactionActionKind,
  type TransactionActionFailure,
  type TransactionCancellationReason,
} from '../errors/TransactionCanceledError';
import { translateAwsError, type WriteContext } from '../errors/translateAwsError';
import { decodeCurrent } from '../repository/decodeCurrent';
import { buildGetRecord } from '../requests/buildGetRecord';
import type { PreparedAction } from './prepareActions';

/** The SDK's TransactionCanceledException, matched by name (another copy of the SDK has other classes). */
export type CanceledTransaction = Error & { readonly CancellationReasons?: readonly CancellationReason[] };

/** What a record was found to be after a failed condition: null when absent, undefined when unknown. */
type Current = Readonly<Record<string, unknown>> | null | undefined;

// A check, like an update, needs the record: absent → RecordNotFoundError, present → ConditionFailedError.
const OPERATION: Readonly<Record<TransactionActionKind, WriteContext['operation']>> = {
  create: 'create',
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
  client: DynamoDBClient,
  actions: readonly PreparedAction[],
  error: CanceledTransaction,
): Promise<TransactionCanceledError> {
  // Array.isArray would widen the type to any[]: the engine's answer is checked, its type kept
  const given = error.CancellationReasons;
  const reasons: readonly CancellationReason[] | undefined = Array.isArray(given) ? given : undefined;
  if (!reasons || reasons.length !== actions.length) {
    // an engine that gives no per-action reasons: say so rather than guess which action failed
    return new TransactionCanceledError(
      actions.map((action) => reasonFor(action, { Code: 'Unknown' }, undefined, error)),
      error.message,
      { cause: error },
    );
  }
  const current = await Promise.all(
    actions.map((action, index) => currentRecord(client, action, reasons[index]!, error)),
  );
  // as for createRecord: a put's failure says "taken", never what the existing record holds
  actions.forEach((action, index) => {
    if (action.action === 'create') delete reasons[index]!.Item;
  });
  return new TransactionCanceledError(
    actions.map((action, index) => reasonFor(action, reasons[index]!, current[index], error)),
    error.message,
    { cause: error },
  );
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
  if (code === 'None' || code === 'Unknown') return described;
  if (code !== 'ConditionalCheckFailed') {
    return {
      ...described,
      error: new TransactionActionError(action.modelName, action.keyValues, code, reason.Message, { cause }),
    };
  }
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

async function currentRecord(
  client: DynamoDBClient,
  action: PreparedAction,
  reason: CancellationReason,
  cancellation: CanceledTransaction,
): Promise<Current> {
  if (reason.Code !== 'ConditionalCheckFailed') return undefined;
  if (reason.Item) return decodeCurrent(action.schema, reason.Item, cancellation);
  if (!action.checked) return undefined; // a bare existence check failed: its meaning needs no read
  let item: Record<string, AttributeValue> | undefined;
  try {
    ({ Item: item } = await client.send(new GetItemCommand(buildGetRecord(action.tableName, action.key, true))));
  } catch {
    // the read only refines the error: without it the failure stays a ConditionFailedError with no item
    return undefined;
  }
  return item ? decodeCurrent(action.schema, item, cancellation) : null;
}
