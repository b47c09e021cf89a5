import { OrmError } from './OrmError';
import { describeKey } from './describeKey';

/** `createRecord` found the key taken: create never overwrites. */
export class RecordExistsError extends OrmError {
  constructor(
    readonly modelName: string,
    readonly key: Readonly<Record<string, unknown>>,
    options?: ErrorOptions,
  ) {
    super(`${modelName}: a record with key ${describeKey(key)} already exists.`, options);
  }
}
