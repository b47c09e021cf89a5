import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { RecordValidationError } from '../errors/RecordValidationError';
import { parseCursor, toKeyValue, type CursorTarget } from '../marshalling/encodeCursor';
import { keyIdentity } from '../marshalling/keyIdentity';
import { describeType } from './checks';

/**
 * Decodes a cursor made by `encodeCursor` for the same target back to a start key, checking
 * its shape, its table, index and operation, its key attributes and (for a query) its partition.
 * @throws RecordValidationError naming `cursor` when it does not decode or was made for another read.
 */
export function decodeCursor(target: CursorTarget, cursor: unknown): Record<string, AttributeValue> {
  const fail = (constraint: string): never => {
    throw new RecordValidationError(target.modelName, [
      { attribute: 'cursor', received: describeType(cursor), constraint },
    ]);
  };
  if (typeof cursor !== 'string') return fail('is not a cursor: pass the cursor a page returned, unchanged');
  const data =
    parseCursor(cursor) ?? fail('is not a cursor (it does not decode): pass the cursor a page returned, unchanged');
  const mine = `${target.operation} of table ${target.tableName}${target.indexName === undefined ? '' : ` index ${target.indexName}`}`;
  const theirs = `${data.o} of table ${data.t}${data.i === undefined ? '' : ` index ${data.i}`}`;
  if (mine !== theirs) fail(`was made for a ${theirs}, not this ${mine}`);
  const names = Object.keys(data.k);
  if (names.length !== target.keyNames.length || !target.keyNames.every((name) => names.includes(name))) {
    fail(`holds the key attributes ${names.join(', ') || '(none)'}, not ${target.keyNames.join(', ')}`);
  }
  const key: Record<string, AttributeValue> = {};
  for (const name of target.keyNames) {
    key[name] = toKeyValue(data.k[name]) ?? fail(`holds a malformed value for ${name}`);
  }
  const { partition } = target;
  const samePartition =
    !partition ||
    keyIdentity([partition.name], key) === keyIdentity([partition.name], { [partition.name]: partition.value });
  if (!samePartition) fail(`was made for another partition than this query's ${partition.name}`);
  return key;
}
