import { OrmError } from '../errors/OrmError';
import type {
  LogValues,
  Logger,
  ObservationOptions,
  RequestEvent,
  RequestHooks,
  RequestOutcome,
} from './ObservationOptions';
import { responseFigures, TABLE_CHANGES, type OperationName } from './operations';
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
    const event: RequestEvent = {
      call,
      operation,
      table: typeof table === 'string' ? table : table.join(','),
      ...(index !== undefined && { index }),
    };
    if (this.hooks.onRequest) this.guard(() => this.hooks.onRequest?.(event), event);
    return { event, at: performance.now() };
  }

  /** Calls `onResponse` and logs the request (info for table changes, warn when the SDK retried, else debug). */
  response(started: Started, output: object, input: object, target: RequestTarget): void {
    const operation = started.event.operation as OperationName;
    const event = { ...outcome(started, output, performance.now()), ...responseFigures(operation, output) };
    if (this.hooks.onResponse) this.guard(() => this.hooks.onResponse?.(event), event);
    if (!this.logger) return;
    const level = event.attempts > 1 ? 'warn' : TABLE_CHANGES.has(operation) ? 'info' : 'debug';
    const parts = [`${event.durationMs.toFixed(1)} ms`];
    if (event.attempts > 1) parts.push(`${event.attempts} attempts`);
    if (event.count !== undefined) parts.push(`${event.count} ${event.count === 1 ? 'item' : 'items'}`);
    if (event.scannedCount !== undefined) parts.push(`${event.scannedCount} scanned`);
    if (event.consumedCapacity) parts.push(`${capacityUnits(event.consumedCapacity)} capacity units`);
    this.log(level, { ...event, ...this.values(input, target) }, `${describe(event)}: ${parts.join(', ')}`);
  }

  /**
   * Calls `onError` and logs the failure: debug when the caller handles it as an answer, else warn.
   * `endedAt` is when the SDK gave up, before any time spent explaining a set-up error.
   */
  failure(started: Started, error: unknown, input: object, target: RequestTarget, endedAt: number): void {
    const event = { ...outcome(started, error, endedAt), error };
    if (this.hooks.onError) this.guard(() => this.hooks.onError?.(event), event);
    if (!this.logger) return;
    const name = errorName(error);
    const answer = ANSWERS.has(name) || (target.answers?.includes(name) ?? false);
    // the error's name only: an engine's message may quote a value
    const fields = { ...event, error: name, ...this.values(input, target) };
    // this library's messages carry names, never values: a set-up error's says what to do
    const explained = error instanceof OrmError ? `: ${error.message}` : '';
    this.log(
      answer ? 'debug' : 'warn',
      fields,
      `${describe(event)}: ${name} after ${event.durationMs.toFixed(1)} ms${explained}`,
    );
  }

  /** The values a log line may hold, as `logValues` allows. */
  private values(input: object, target: RequestTarget): Record<string, unknown> {
    if (this.logValues === 'none') return {};
    const { key } = target;
    const keys = key === undefined ? undefined : typeof key === 'function' ? key() : [key];
    return { ...(keys && { keys }), ...(this.logValues === 'all' && { request: input }) };
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

function outcome(started: Started, answer: unknown, endedAt: number): RequestOutcome {
  const durationMs = endedAt - started.at;
  // a SetupError carries the SDK's error, and its $metadata, as cause
  const metadata = metadataOf(answer) ?? metadataOf((answer as { cause?: unknown } | null)?.cause);
  const attempts = metadata?.attempts ?? 1;
  return {
    ...started.event,
    durationMs,
    attempts,
    retries: attempts - 1,
    retryDelayMs: metadata?.totalRetryDelay ?? 0,
  };
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
