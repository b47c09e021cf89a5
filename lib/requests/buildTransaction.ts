import type {
  AttributeValue,
  ConditionCheck,
  DeleteItemCommandInput,
  PutItemCommandInput,
  TransactWriteItem,
  TransactWriteItemsCommandInput,
  UpdateItemCommandInput,
} from '@aws-sdk/client-dynamodb';
import { RecordValidationError } from '../errors/RecordValidationError';
import type { ValidationIssue } from '../errors/ValidationIssue';
import { describeKey } from '../errors/describeKey';
import { keyIdentity } from '../marshalling/keyIdentity';

/** DynamoDB's limit of actions in one TransactWriteItems. */
export const MAX_TRANSACTION_ACTIONS = 100;

/** The name a transaction's RecordValidationError carries where a single write has its model's. */
export const TRANSACTION_LABEL = 'Transaction';

/** One validated action of a transaction: its single-item request, and its key to tell items apart. */
export type TransactionWrite = {
  /** The action's position in the transaction, for messages (`actions[2]`). */
  readonly index: number;
  readonly modelName: string;
  readonly key: Record<string, AttributeValue>;
  readonly keyValues: Readonly<Record<string, unknown>>;
  /** Whether the action requires more than (non-)existence: a version or the caller's condition. */
  readonly checked: boolean;
} & (
  | { readonly action: 'create'; readonly input: PutItemCommandInput }
  | { readonly action: 'put'; readonly input: UpdateItemCommandInput }
  | { readonly action: 'update'; readonly input: UpdateItemCommandInput }
  | { readonly action: 'delete'; readonly input: DeleteItemCommandInput }
  | { readonly action: 'check'; readonly input: ConditionCheck }
);

/** Options of a TransactWriteItems request. */
export interface TransactionRequestOptions {
  /** Makes the request idempotent for 10 minutes: a retry with the same token and input is not applied twice. */
  readonly clientRequestToken?: string;
}

/**
 * The TransactWriteItems request for validated actions, in order; every action (a put only
 * when it carries a condition) asks for the item as it was when its condition fails
 * (`ALL_OLD`), so a cancellation can name each failure.
 * @throws RecordValidationError for no actions, more than 100, or two actions on one item
 * (DynamoDB rejects the whole request): each repeat is named (`actions[3]`), its key values in the issue's `key`.
 */
export function buildTransaction(
  writes: readonly TransactionWrite[],
  options: TransactionRequestOptions = {},
): TransactWriteItemsCommandInput {
  const issues = [...transactionSizeIssues(writes.length), ...sameItemIssues(writes)];
  if (issues.length > 0) throw new RecordValidationError(TRANSACTION_LABEL, issues);
  return {
    TransactItems: writes.map(transactItem),
    ...(options.clientRequestToken !== undefined && { ClientRequestToken: options.clientRequestToken }),
  };
}

/**
 * The issue of a transaction of `count` actions (or, for a read transaction, `gets`), if DynamoDB
 * would refuse that many (or none).
 */
export function transactionSizeIssues(count: number, list: 'actions' | 'gets' = 'actions'): ValidationIssue[] {
  if (count >= 1 && count <= MAX_TRANSACTION_ACTIONS) return [];
  return [
    {
      attribute: list,
      received: `${count} ${list}`,
      constraint: `a transaction takes 1 to ${MAX_TRANSACTION_ACTIONS} ${list}`,
    },
  ];
}

/** One issue per action on an item an earlier action already names (same table, same key). */
export function sameItemIssues(writes: readonly TransactionWrite[]): ValidationIssue[] {
  return repeatedItemIssues(
    writes.map((write) => ({ ...write, tableName: write.input.TableName ?? '' })),
    'actions',
  );
}

/** An operation of a transaction on one item, as the one-operation-per-item rule sees it. */
export interface ItemOperation {
  readonly index: number;
  readonly modelName: string;
  readonly tableName: string;
  readonly key: Record<string, AttributeValue>;
  readonly keyValues: Readonly<Record<string, unknown>>;
}

/**
 * One issue per operation on an item an earlier one already names (same table, same key):
 * DynamoDB refuses a transaction, of writes or of reads, that names an item twice. `list` names
 * the operations in the issues (`actions[3]`, `gets[3]`).
 */
export function repeatedItemIssues(operations: readonly ItemOperation[], list: 'actions' | 'gets'): ValidationIssue[] {
  const firstByItem = new Map<string, number>();
  const issues: ValidationIssue[] = [];
  const one = list === 'actions' ? 'one action per item in a transaction' : 'one get per item in a transaction';
  for (const operation of operations) {
    const item = JSON.stringify([operation.tableName, keyIdentity(Object.keys(operation.key).sort(), operation.key)]);
    const first = firstByItem.get(item);
    if (first === undefined) {
      firstByItem.set(item, operation.index);
    } else {
      const constraint = `has the same ${describeKey(operation.keyValues)} in table ${operation.tableName} as ${list}[${first}] (${one})`;
      issues.push({
        attribute: `${list}[${operation.index}]`,
        received: `${operation.modelName} key`,
        constraint,
        key: operation.keyValues,
      });
    }
  }
  return issues;
}

function transactItem(write: TransactionWrite): TransactWriteItem {
  const { TableName, ConditionExpression, ExpressionAttributeNames, ExpressionAttributeValues } = write.input;
  // only the members a transaction action takes: a single write's ReturnValues has no place here
  const common = {
    TableName,
    ConditionExpression,
    ...(ExpressionAttributeNames && { ExpressionAttributeNames }),
    ...(ExpressionAttributeValues && { ExpressionAttributeValues }),
    // a put needs the existing record only to tell "taken" from "your condition failed"
    ...((write.action !== 'create' || write.checked) && { ReturnValuesOnConditionCheckFailure: 'ALL_OLD' as const }),
  };
  switch (write.action) {
    case 'create':
      return { Put: { ...common, Item: write.input.Item } };
    case 'put':
      // a model of keys alone: nothing to update, the key itself is put
      if (write.input.UpdateExpression === undefined) return { Put: { ...common, Item: write.input.Key } };
      return { Update: { ...common, Key: write.input.Key, UpdateExpression: write.input.UpdateExpression } };
    case 'update':
      return { Update: { ...common, Key: write.input.Key, UpdateExpression: write.input.UpdateExpression } };
    case 'delete':
      return { Delete: { ...common, Key: write.input.Key } };
    case 'check':
      return { ConditionCheck: { ...common, Key: write.input.Key } };
  }
}
