import { OrmError } from '../errors/OrmError';
import type {
  LogValues,
  Logger,
  ObservationOptions,
  RequestEvent,
  RequestErrorEvent,
  RequestHooks,
  ResponseEvent,
} from './ObservationOptions';
import { consumedCapacityOf, countOf, scannedCountOf, TABLE_CHANGES, type OperationName } from './operations';
import type { RequestTarget } from './Pipeline';

/** A request under way: its event and when it started. */
export interface Started {
  readonly event: RequestEvent;
  readonly at: number;
}

// Errors that are answers the calling code handles (a failed condition becomes RecordExistsError...,
// a parallel scan aborts its other segments): logged at debug, where other failures are warnings.
const ANSWERS = new Set(['ConditionalCheckFailedException', 'TransactionCanceledException', 'AbortError']);

/**
 * Calls the hooks and writes the log lines of every request of one repository or transaction.
 * Made only when there is a hook or a logger: without either, the pipeline skips it altogether.
 */
export class Observer {
  private readonly hooks: RequestHooks;
  private readonly logger: Logger | undefined;
  private readonly logValues: LogValues;

  constructor(options: ObservationOptions) {
    this.hooks = options.hooks ?? {};
    this.logger = options.logger;
    this.logValues = options.logValues ?? 'none';
  }

  /** Whether the options ask for anything to observe. */
  static wanted(options: ObservationOptions): boolean {
    return options.hooks !== undefined || options.logger !== undefined;
  }

  /** Calls `onRequest`; returns what the answer's event builds on. */
  before(operation: OperationName, target: RequestTarget): Started {
    const { call, table, index } = target;
    // events are written out property by property: a spread followed by more properties is many
    // times slower in V8, and this runs on every request of an observed repository
    const event: RequestEvent = { call, operation, table: typeof table === 'string' ? table : table.join(','), index };
    if (this.hooks.onRequest) this.guard(() => this.hooks.onRequest?.(event), event);
    return { event, at: performance.now() };
  }

  /** Calls `onResponse` and logs the request (info for table changes, warn when the SDK retried, else debug). */
  response(started: Started, output: object, input: object, target: RequestTarget): void {
    const { event, at } = started;
    const operation = event.operation as OperationName;
    const metadata = metadataOf(output);
    const attempts = metadata?.attempts ?? 1;
    const response: ResponseEvent = {
      call: event.call,
      operation,
      table: event.table,
      index: event.index,
      durationMs: performance.now() - at,
      attempts,
      retries: attempts - 1,
      retryDelayMs: metadata?.totalRetryDelay ?? 0,
      consumedCapacity: consumedCapacityOf(output),
      count: countOf(operation, output),
      scannedCount: scannedCountOf(operation, output),
    };
    if (this.hooks.onResponse) this.guard(() => this.hooks.onResponse?.(response), response);
    if (!this.logger) return;
    const level = attempts > 1 ? 'warn' : TABLE_CHANGES.has(operation) ? 'info' : 'debug';
    const { count, scannedCount, consumedCapacity } = response;
    const parts = [`${response.durationMs.toFixed(1)} ms`];
    if (attempts > 1) parts.push(`${attempts} attempts`);
    if (count !== undefined) parts.push(`${count} ${count === 1 ? 'item' : 'items'}`);
    if (scannedCount !== undefined) parts.push(`${scannedCount} scanned`);
    if (consumedCapacity) parts.push(`${capacityUnits(consumedCapacity)} capacity units`);
    this.log(level, this.fields(response, input, target), `${describe(event)}: ${parts.join(', ')}`);
  }

  /**
   * Calls `onError` and logs the failure: debug when the caller handles it as an answer, else warn.
   * `endedAt` is when the SDK gave up, before any time spent explaining a set-up error.
   */
  failure(started: Started, error: unknown, input: object, target: RequestTarget, endedAt: number): void {
    const { event, at } = started;
    // a SetupError carries the SDK's error, and its $metadata, as cause
    const metadata = metadataOf(error) ?? metadataOf((error as { cause?: unknown } | null)?.cause);
    const attempts = metadata?.attempts ?? 1;
    const failure: RequestErrorEvent = {
      call: event.call,
      operation: event.operation,
      table: event.table,
      index: event.index,
      durationMs: endedAt - at,
      attempts,
      retries: attempts - 1,
      retryDelayMs: metadata?.totalRetryDelay ?? 0,
      error,
    };
    if (this.hooks.onError) this.guard(() => this.hooks.onError?.(failure), failure);
    if (!this.logger) return;
    const name = errorName(error);
    const answer = ANSWERS.has(name) || (target.answers?.includes(name) ?? false);
    // the error's name only: an engine's message may quote a value
    const fields = this.fields({ ...failure, error: name }, input, target);
    // this library's messages carry names, never values: a set-up error's says what to do
    const explained = error instanceof OrmError ? `: ${error.message}` : '';
    this.log(
      answer ? 'debug' : 'warn',
      fields,
      `${describe(event)}: ${name} after ${failure.durationMs.toFixed(1)} ms${explained}`,
    );
  }

  /** A log line's fields: the event's defined fields, and the values `logValues` allows. */
  private fields(event: object, input: object, target: RequestTarget): Record<string, unknown> {
    const fields: Record<string, unknown> = {};
    for (const [name, value] of Object.entries(event)) if (value !== undefined) fields[name] = value;
    if (this.logValues === 'none') return fields;
    const { key } = target;
    if (key !== undefined) fields['keys'] = typeof key === 'function' ? key() : [key];
    if (this.logValues === 'all') fields['request'] = input;
    return fields;
  }

  private log(level: keyof Logger, fields: Record<string, unknown>, message: string): void {
    try {
      this.logger?.[level](fields, message);
    } catch (error) {
      warn(`the logger's ${level} threw: ${String(error)}`);
    }
  }

  /** Runs a hook so that neither its exception nor its rejected promise changes the call's outcome. */
  private guard(hook: () => unknown, event: RequestEvent): void {
    const report = (error: unknown) => {
      const message = `${describe(event)}: a request hook threw: ${String(error)}`;
      if (this.logger) this.log('error', { call: event.call, operation: event.operation, table: event.table }, message);
      else warn(message);
    };
    try {
      const result = hook();
      if (typeof (result as PromiseLike<unknown> | undefined)?.then === 'function') {
        (result as PromiseLike<unknown>).then(undefined, report);
      }
    } catch (error) {
      report(error);
    }
  }
}

function metadataOf(answer: unknown): { attempts?: number; totalRetryDelay?: number } | undefined {
  return (answer as { $metadata?: { attempts?: number; totalRetryDelay?: number } } | null | undefined)?.$metadata;
}

function describe(event: RequestEvent): string {
  const index = event.index === undefined ? '' : ` index ${event.index}`;
  return `${event.call}: ${event.operation} ${event.table}${index}`;
}

function capacityUnits(capacity: readonly { CapacityUnits?: number }[]): number {
  return capacity.reduce((sum, each) => sum + (each.CapacityUnits ?? 0), 0);
}

function errorName(error: unknown): string {
  const name = (error as { name?: unknown } | null)?.name;
  return typeof name === 'string' ? name : typeof error;
}

function warn(message: string): void {
  process.emitWarning(`dynamodb-decorators: ${message}`);
}
