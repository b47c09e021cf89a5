import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import type { Condition } from '../expressions/conditions';
import type { IndexProjection } from '../metadata/declarations';
import type { ObservationOptions } from '../pipeline/ObservationOptions';
import type { AnyModel } from '../types/ModelTypes';

/**
 * How a repository reaches its table, and how its requests are observed (`hooks`, `logger`,
 * `logValues`, `returnConsumedCapacity`: see ObservationOptions).
 */
export interface RepositoryOptions extends ObservationOptions {
  /** Without one, the standard AWS SDK configuration chain is used (real AWS). */
  readonly client?: DynamoDBClient;
  /** Overrides the `@Table` name (e.g. a per-stage table). */
  readonly tableName?: string;
  /** How long `createTable` and `createGsi` wait for ACTIVE, in milliseconds; default 10 minutes. */
  readonly waitTimeoutMs?: number;
}

/** Options of `getRecord`. */
export interface GetOptions {
  /** A strongly consistent read (DynamoDB's default, and ours, is eventually consistent). */
  readonly consistent?: boolean;
}

/** Options of `createRecord` (and of a transaction's `create`); `M` is the model, whose conditions it takes. */
export interface WriteOptions<M = AnyModel> {
  /** A condition the record must meet for the write to happen (else ConditionFailedError): the repository's `where`, or the free one. */
  readonly condition?: Condition<M>;
}

/** Options of `updateRecord` and `deleteRecord` (and of a transaction's `update` and `delete`). */
export interface VersionedWriteOptions<M = AnyModel> extends WriteOptions<M> {
  /** The @Version the caller read: the write happens only if the record still has it (optimistic locking). */
  readonly expectedVersion?: number;
}

/** Options of `updateRecord`. */
export type UpdateOptions<M = AnyModel> = VersionedWriteOptions<M>;

/** Options of `deleteRecord`. */
export type DeleteOptions<M = AnyModel> = VersionedWriteOptions<M>;

/** Options of `createGsi`. */
export interface GsiOptions {
  readonly sortKey?: string;
  /** Default `'ALL'`. */
  readonly projection?: IndexProjection;
  /** Defaults to the partition key attribute's name. */
  readonly name?: string;
}
