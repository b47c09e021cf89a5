import { nameErrorClass, OrmError } from './OrmError';

/** The table or index did not become ACTIVE in time. */
export class WaitTimeoutError extends OrmError {
  static {
    nameErrorClass(this, 'WaitTimeoutError');
  }

  constructor(
    readonly tableName: string,
    readonly indexName: string | undefined,
    readonly lastStatus: string | undefined,
    readonly timeoutMs: number,
  ) {
    const what = indexName === undefined ? `table ${tableName}` : `index ${indexName} of table ${tableName}`;
    super(`The ${what} was not ACTIVE after ${timeoutMs} ms (last status: ${lastStatus ?? 'absent'}).`);
  }
}
