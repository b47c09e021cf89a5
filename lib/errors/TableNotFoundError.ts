import { SetupError } from './SetupError';

/**
 * The table a request addressed does not exist where the client looks (DynamoDB's
 * ResourceNotFoundException, kept as `cause`). `tableNames` lists the table, or for a
 * transaction every table it addressed (DynamoDB does not say which one is missing).
 */
export class TableNotFoundError extends SetupError {
  constructor(
    readonly tableNames: readonly string[],
    /** The client's region, when it has one. */
    readonly region: string | undefined,
    /** The endpoint the client sends to, when it can be told. */
    readonly endpoint: string | undefined,
    options?: ErrorOptions,
  ) {
    const where = [region && `in region ${region}`, endpoint && `at ${endpoint}`].filter(Boolean).join(' ');
    const what =
      tableNames.length === 1
        ? `Table ${tableNames[0]} does not exist${where && ` ${where}`}: call createTable() on its repository first`
        : `One of the tables ${tableNames.join(', ')} does not exist${where && ` ${where}`}: call createTable() on their repositories first`;
    super(`${what}, or check the tableName option and the client's region and endpoint.`, options);
  }
}
