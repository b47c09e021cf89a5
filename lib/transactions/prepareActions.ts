import type { ConditionCheck } from '@aws-sdk/client-dynamodb';
import { RecordValidationError } from '../errors/RecordValidationError';
import type { ValidationIssue } from '../errors/ValidationIssue';
import type { Condition } from '../expressions/conditions';
import { toKey } from '../marshalling/toKey';
import { validateKey } from '../validation/validateKey';
import { Repository } from '../repository/Repository';
import {
  prepareCreate,
  prepareDelete,
  preparePut,
  prepareUpdate,
  type PreparedWrite,
} from '../repository/prepareWrites';
import { buildConditionCheck } from '../requests/buildConditionCheck';
import {
  sameItemIssues,
  TRANSACTION_LABEL,
  transactionSizeIssues,
  type TransactionWrite,
} from '../requests/buildTransaction';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { checkCondition } from '../validation/checkCondition';
import { describeType } from '../validation/checks';

/** An action as the builder records it: arguments as given, checked only at commit. */
export type TransactionAction =
  | { readonly kind: 'create'; readonly repository: unknown; readonly data: unknown; readonly options: unknown }
  | { readonly kind: 'put'; readonly repository: unknown; readonly data: unknown; readonly options: unknown }
  | {
      readonly kind: 'update';
      readonly repository: unknown;
      readonly id: unknown;
      readonly changes: unknown;
      readonly options: unknown;
    }
  | { readonly kind: 'delete'; readonly repository: unknown; readonly id: unknown; readonly options: unknown }
  | { readonly kind: 'check'; readonly repository: unknown; readonly id: unknown; readonly condition: unknown };

/** A validated action: its request, plus what a cancellation needs to name and type its failure. */
export type PreparedAction = TransactionWrite & {
  readonly schema: CompiledSchema;
  readonly tableName: string;
  /** Whether the action required more than (non-)existence: a version or the caller's condition. */
  readonly checked: boolean;
};

/**
 * Validates every action as its single-item method would (lifecycle values set at `now`) and
 * checks the transaction as a whole, reporting every issue at once, each under `actions[i]`.
 * @throws RecordValidationError (model name `Transaction`) before anything is sent.
 */
export async function prepareActions(actions: readonly TransactionAction[], now: Date): Promise<PreparedAction[]> {
  const issues: ValidationIssue[] = transactionSizeIssues(actions.length);
  const prepared: PreparedAction[] = [];
  for (const [index, action] of actions.entries()) {
    try {
      prepared.push(await prepareAction(action, index, now));
    } catch (error) {
      issues.push(...indexedIssues(error, `actions[${index}]`));
    }
  }
  issues.push(...sameItemIssues(prepared));
  if (issues.length > 0) throw new RecordValidationError(TRANSACTION_LABEL, issues);
  return prepared;
}

async function prepareAction(action: TransactionAction, index: number, now: Date): Promise<PreparedAction> {
  if (!(action.repository instanceof Repository)) {
    throw new RecordValidationError(TRANSACTION_LABEL, [
      { attribute: '(repository)', received: describeType(action.repository), constraint: 'must be a Repository' },
    ]);
  }
  const { schema, tableName } = action.repository as Repository<object>;
  const of = <Input>(write: PreparedWrite<Input>) => ({
    index,
    modelName: schema.modelName,
    schema,
    tableName,
    input: write.input,
    key: write.key,
    keyValues: write.keyValues,
    checked: write.checked,
  });
  switch (action.kind) {
    case 'create':
      return {
        action: 'create',
        ...of(await prepareCreate(schema, tableName, action.data, action.options, now, 'create')),
      };
    case 'put':
      return { action: 'put', ...of(await preparePut(schema, tableName, action.data, action.options, now, 'put')) };
    case 'update':
      return {
        action: 'update',
        ...of(await prepareUpdate(schema, tableName, action.id, action.changes, action.options, now, 'update')),
      };
    case 'delete':
      return { action: 'delete', ...of(await prepareDelete(schema, tableName, action.id, action.options, 'delete')) };
    case 'check':
      return { action: 'check', ...of(prepareCheck(schema, tableName, action.id, action.condition)) };
  }
}

/** Like the other prepare functions, for a condition check: every issue of the id and the condition at once. */
function prepareCheck(
  schema: CompiledSchema,
  tableName: string,
  id: unknown,
  condition: unknown,
): PreparedWrite<ConditionCheck> {
  const issues: ValidationIssue[] = condition === undefined ? [] : checkCondition(schema, condition, 'condition');
  let keyValues: Record<string, unknown> | undefined;
  try {
    keyValues = validateKey(schema, id);
  } catch (error) {
    if (!(error instanceof RecordValidationError)) throw error;
    issues.unshift(...error.issues);
  }
  if (!keyValues || issues.length > 0) throw new RecordValidationError(schema.modelName, issues);
  const key = toKey(schema, keyValues);
  return {
    input: buildConditionCheck(schema, tableName, key, condition as Condition | undefined),
    key,
    keyValues,
    checked: condition !== undefined,
  };
}

/** The issues of a RecordValidationError under `prefix` (`actions[1].email`); any other error is rethrown. */
export function indexedIssues(error: unknown, prefix: string): ValidationIssue[] {
  if (!(error instanceof RecordValidationError)) throw error;
  // '(changes)' stands for an argument as a whole: `actions[1].changes`
  return error.issues.map((issue) => ({
    ...issue,
    attribute: `${prefix}.${issue.attribute.replace(/^\((.*)\)$/, '$1')}`,
  }));
}
