import { nameErrorClass, OrmError } from './OrmError';
import { describeKey } from './describeKey';

/**
 * A user condition (or a version check) on a write failed; `item` is the current record when the
 * engine returned it. The message names the model and the key attributes; `key` and `item` hold
 * the values, which never go into the message.
 */
export class ConditionFailedError extends OrmError {
  static {
    nameErrorClass(this, 'ConditionFailedError');
  }

  constructor(
    readonly modelName: string,
    readonly key: Readonly<Record<string, unknown>>,
    readonly item?: Readonly<Record<string, unknown>>,
    options?: ErrorOptions,
  ) {
    super(`${modelName}: the condition on the write to the record with the given ${describeKey(key)} failed.`, options);
  }
}
