import { OrmError } from './OrmError';
import { describeKey } from './describeKey';

/** No record has the given key (get, update and delete never create one). */
export class RecordNotFoundError extends OrmError {
  constructor(
    readonly modelName: string,
    readonly key: Readonly<Record<string, unknown>>,
    options?: ErrorOptions,
  ) {
    super(`${modelName}: no record with key ${describeKey(key)}.`, options);
  }
}
