import type { ConsumedCapacity } from '@aws-sdk/client-dynamodb';

/** A request about to be sent: what `onRequest` receives, and what every later event repeats. */
export interface RequestEvent {
  /** The library call that sent it: `'getRecord'`, `'query'`, `'batchWrite'`, `'createTable'`, `'commit'`... */
  readonly call: string;
  /** DynamoDB's operation: `'GetItem'`, `'Query'`, `'BatchWriteItem'`, `'TransactWriteItems'`... */
  readonly operation: string;
  /** The table; for a transaction, every table it writes, comma-separated (a table name holds no comma). */
  readonly table: string;
  /** The index read by a query or scan of an index; undefined otherwise. */
  readonly index?: string | undefined;
}

/** What every answered request reports, whether it succeeded or failed. */
export interface RequestOutcome extends RequestEvent {
  /** From just before the SDK's `send` to its answer, SDK retries included, in milliseconds. */
  readonly durationMs: number;
  /** The SDK's `$metadata.attempts`: 1 when it did not retry (also when the SDK reports nothing). */
  readonly attempts: number;
  /** `attempts - 1`. */
  readonly retries: number;
  /** The SDK's `$metadata.totalRetryDelay`: milliseconds spent waiting between attempts. */
  readonly retryDelayMs: number;
}

/** A request DynamoDB answered: what `onResponse` receives. */
export interface ResponseEvent extends RequestOutcome {
  /**
   * DynamoDB's ConsumedCapacity (always a list), when the repository or transaction was made with
   * `returnConsumedCapacity` and the operation reports it (reads, writes, batches, transactions).
   */
  readonly consumedCapacity?: readonly ConsumedCapacity[] | undefined;
  /** Items read: 0 or 1 for GetItem, the items of every table for BatchGetItem, `Count` for Query and Scan; undefined for writes. */
  readonly count?: number | undefined;
  /** Items examined before the filter (Query and Scan's `ScannedCount`); undefined for other operations. */
  readonly scannedCount?: number | undefined;
}

/** A request that failed: what `onError` receives. */
export interface RequestErrorEvent extends RequestOutcome {
  /**
   * The error as the request ended: the SDK's (a failed condition is `ConditionalCheckFailedException`
   * here, whatever the call makes of it), or the SetupError it was translated to.
   */
  readonly error: unknown;
}

/**
 * Functions called around every request a repository (or transaction) sends. They run
 * synchronously in the request's path, so keep them cheap; what they return is ignored. A hook
 * that throws (or returns a rejected promise) does not change the call's outcome: the exception
 * goes to the logger's `error`, or to `process.emitWarning` without a logger.
 */
export interface RequestHooks {
  /** Before the request is handed to the SDK. */
  readonly onRequest?: (event: RequestEvent) => unknown;
  /** After DynamoDB answered. */
  readonly onResponse?: (event: ResponseEvent) => unknown;
  /** After the request failed (after the SDK's retries). */
  readonly onError?: (event: RequestErrorEvent) => unknown;
}

/** One method of a Logger: structured fields first, then the message (pino's and bunyan's order; console prints both). */
export type LogMethod = (fields: Record<string, unknown>, message: string) => void;

/** Any logger with these four methods: `console`, pino, bunyan, or your own. */
export interface Logger {
  readonly debug: LogMethod;
  readonly info: LogMethod;
  readonly warn: LogMethod;
  readonly error: LogMethod;
}

/**
 * What the log lines may hold besides names, durations and counts: `'none'` (the default: no
 * value at all), `'keys'` (the key values of the items each request addresses), `'all'` (also
 * the request as sent, values included).
 */
export type LogValues = 'none' | 'keys' | 'all';

/** Options that make requests observable: taken by `new Repository(...)` and `transaction(client, ...)`. */
export interface ObservationOptions {
  /** Called around every request. */
  readonly hooks?: RequestHooks;
  /** Receives one line per request (see the README's "Seeing what each call costs"). */
  readonly logger?: Logger;
  /** Which values log lines may hold; default `'none'`. */
  readonly logValues?: LogValues;
  /**
   * Asks DynamoDB for the capacity each read and write consumes (its `ReturnConsumedCapacity`),
   * reported to `onResponse` and in log lines. `'TOTAL'`, or `'INDEXES'` for a breakdown by table
   * and index; default none.
   */
  readonly returnConsumedCapacity?: 'TOTAL' | 'INDEXES' | 'NONE';
}
