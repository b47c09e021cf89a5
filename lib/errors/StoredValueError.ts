import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { nameErrorClass, OrmError } from './OrmError';

/**
 * A stored item holds a value its model cannot read exactly: a number a JavaScript number cannot
 * hold (beyond 2^53, or more digits than a double keeps), or a value of another type than the
 * attribute's (written by other code). `key` is the item's key as DynamoDB returned it (exact,
 * even where it is the unreadable value) and `stored` the value itself; the message names only
 * the model, the attribute and the key attributes.
 */
export class StoredValueError extends OrmError {
  static {
    nameErrorClass(this, 'StoredValueError');
  }

  constructor(
    readonly modelName: string,
    readonly attribute: string,
    readonly key: Readonly<Record<string, AttributeValue>>,
    readonly stored: AttributeValue,
    readonly reason: string,
    options?: ErrorOptions,
  ) {
    const keyNames = Object.keys(key).join(', ') || '(no key)';
    super(`${modelName}: ${attribute} of the item with key ${keyNames} cannot be read: ${reason}.`, options);
  }
}
