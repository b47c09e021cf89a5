import { RecordValidationError } from '../errors/RecordValidationError';
import type { ValidationIssue } from '../errors/ValidationIssue';
import type { Item } from '../marshalling/codec';
import { toKey } from '../marshalling/toKey';
import { Repository } from '../repository/Repository';
import { repeatedItemIssues, transactionSizeIssues } from '../requests/buildTransaction';
import type { CompiledSchema } from '../schema/CompiledSchema';
import { describeType } from '../validation/checks';
import { validateKey } from '../validation/validateKey';
import { indexedIssues } from './prepareActions';

/** The name a read transaction's RecordValidationError carries where a single read has its model's. */
export const READ_TRANSACTION_LABEL = 'ReadTransaction';

/** A get as the builder records it: arguments as given, checked only at commit. */
export interface ReadGet {
  readonly repository: unknown;
  readonly id: unknown;
}

/** A validated get: the key to send, and what decoding the answer and naming a cancellation need. */
export interface PreparedGet {
  /** The get's position in the read transaction (`gets[2]`). */
  readonly index: number;
  readonly schema: CompiledSchema;
  readonly modelName: string;
  readonly tableName: string;
  readonly key: Item;
  readonly keyValues: Readonly<Record<string, unknown>>;
}

/**
 * Checks every get's id as `getRecord` checks it, and the read transaction as a whole (1 to 100
 * gets, no item twice: DynamoDB refuses both), reporting every issue at once under `gets[i]`.
 * @throws RecordValidationError (model name `ReadTransaction`) before anything is sent.
 */
export function prepareGets(gets: readonly ReadGet[]): PreparedGet[] {
  const issues: ValidationIssue[] = transactionSizeIssues(gets.length, 'gets');
  const prepared: PreparedGet[] = [];
  for (const [index, get] of gets.entries()) {
    try {
      prepared.push(prepareGet(get, index));
    } catch (error) {
      issues.push(...indexedIssues(error, `gets[${index}]`));
    }
  }
  issues.push(...repeatedItemIssues(prepared, 'gets'));
  if (issues.length > 0) throw new RecordValidationError(READ_TRANSACTION_LABEL, issues);
  return prepared;
}

function prepareGet({ repository, id }: ReadGet, index: number): PreparedGet {
  if (!(repository instanceof Repository)) {
    throw new RecordValidationError(READ_TRANSACTION_LABEL, [
      { attribute: '(repository)', received: describeType(repository), constraint: 'must be a Repository' },
    ]);
  }
  const { schema, tableName } = repository as Repository<object>;
  const keyValues = validateKey(schema, id);
  return { index, schema, modelName: schema.modelName, tableName, key: toKey(schema, keyValues), keyValues };
}
