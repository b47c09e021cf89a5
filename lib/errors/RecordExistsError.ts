import { nameErrorClass, OrmError } from './OrmError';
import { describeKey } from './describeKey';

/**
 * `createRecord` found the key taken: create never overwrites. The message names the model and
 * the key attributes; `key` holds the values, which never go into the message.
 */
export class RecordExistsError extends OrmError {
  static {
    nameErrorClass(this, 'RecordExistsError');
  }

  constructor(
    readonly modelName: string,
    readonly key: Readonly<Record<string, unknown>>,
    options?: ErrorOptions,
  ) {
    super(`${modelName}: a record with the given ${describeKey(key)} already exists.`, options);
  }
}
