import { nameErrorClass, OrmError } from './OrmError';
import { describeKey } from './describeKey';

/**
 * No record has the given key (get, update and delete never create one). The message names the
 * model and the key attributes; `key` holds the values, which never go into the message.
 */
export class RecordNotFoundError extends OrmError {
  static {
    nameErrorClass(this, 'RecordNotFoundError');
  }

  constructor(
    readonly modelName: string,
    readonly key: Readonly<Record<string, unknown>>,
    options?: ErrorOptions,
  ) {
    super(`${modelName}: no record with the given ${describeKey(key)}.`, options);
  }
}
