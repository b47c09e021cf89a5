import type { DynamoDBClient, GetItemCommand } from '@aws-sdk/client-dynamodb';
import { setupMistakeOf, translateSetupError } from '../errors/translateSetupError';
import { locateClient } from './locateClient';
import type { ObservationOptions } from './ObservationOptions';
import { Observer } from './Observer';
import { CAPACITY_OPERATIONS, COMMANDS, type OperationName, type Operations } from './operations';

/** What a request is for, as its hooks and log line tell it. */
export interface RequestTarget {
  /** The library call sending it: `'getRecord'`. */
  readonly call: string;
  /** The table (a transaction's: every table it writes). */
  readonly table: string | readonly string[];
  readonly index?: string | undefined;
  /**
   * The key values of the item addressed, or a function listing those of every item (a batch's),
   * called only when `logValues` lets log lines hold keys.
   */
  readonly key?: Readonly<Record<string, unknown>> | (() => readonly unknown[]);
  /**
   * Error names the caller handles as answers (createTable's DescribeTable: ResourceNotFoundException):
   * passed on untranslated, and logged at debug.
   */
  readonly answers?: readonly string[];
}

/**
 * The one path of every request the library sends: a repository or transaction holds one, built
 * from its client and observation options. It adds `ReturnConsumedCapacity` when asked to, times
 * the request and calls the hooks and the logger when there are any, and turns the SDK errors
 * that reveal a set-up mistake into SetupErrors. Without hooks, logger or capacity it only sends.
 */
export class Pipeline {
  private readonly observer: Observer | undefined;
  private readonly capacity: 'TOTAL' | 'INDEXES' | undefined;

  constructor(
    readonly client: DynamoDBClient,
    options: ObservationOptions = {},
  ) {
    this.observer = Observer.wanted(options) ? new Observer(options) : undefined;
    const capacity = options.returnConsumedCapacity;
    this.capacity = capacity === 'NONE' ? undefined : capacity;
  }

  /**
   * Sends one request (`signal` aborts it: a parallel scan stopping its other segments).
   * @throws TableNotFoundError, EndpointUnreachableError, MissingRegionError or MissingCredentialsError
   *   (SetupErrors) for the SDK errors that mean so, the SDK's error as `cause`.
   * @throws every other error of the SDK or the engine unchanged.
   */
  async send<O extends OperationName>(
    operation: O,
    input: Operations[O]['input'],
    target: RequestTarget,
    signal?: AbortSignal,
  ): Promise<Operations[O]['output']> {
    const sent =
      this.capacity !== undefined && CAPACITY_OPERATIONS.has(operation)
        ? Object.assign({}, input, { ReturnConsumedCapacity: this.capacity })
        : input;
    // every command has the shape of GetItemCommand's for client.send; the output is typed by operation
    const command = new COMMANDS[operation](sent as never) as GetItemCommand;
    const options = signal && { abortSignal: signal };
    const observer = this.observer;
    if (observer === undefined) {
      try {
        return await this.client.send(command, options);
      } catch (error) {
        throw await this.translate(error, target);
      }
    }
    const started = observer.before(operation, target);
    let output: Operations[O]['output'];
    try {
      output = await this.client.send(command, options);
    } catch (error) {
      const endedAt = performance.now();
      const failure = await this.translate(error, target);
      observer.failure(started, failure, sent, target, endedAt);
      throw failure;
    }
    observer.response(started, output, sent, target);
    return output;
  }

  private async translate(error: unknown, target: RequestTarget): Promise<unknown> {
    const mistake = setupMistakeOf(error);
    if (mistake === undefined || target.answers?.includes((error as Error).name)) return error;
    const { region, endpoint } =
      mistake === 'table' || mistake === 'endpoint'
        ? await locateClient(this.client)
        : { region: undefined, endpoint: undefined };
    const tableNames = typeof target.table === 'string' ? [target.table] : target.table;
    return translateSetupError(error, mistake, { tableNames, region, endpoint });
  }
}
