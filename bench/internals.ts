import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { Repository } from 'dynamodb-decorators';

// The library's internal modules, loaded from the same compiled dist/ as the public API (one copy
// of each module), for the CPU suite. Typed here by hand: dist/ need not exist for a type check.
// When the codec changes (compiled encoders), this is the one place to point at the new path.

/** A model's compiled schema, as `repo.schema` exposes it. */
export type Schema = Repository<object>['schema'];

const dist = dirname(require.resolve('dynamodb-decorators'));

function load<T>(path: string): T {
  return require(join(dist, path)) as T;
}

export interface Internals {
  toItem(schema: Schema, values: Readonly<Record<string, unknown>>): Record<string, AttributeValue>;
  fromItem(schema: Schema, item: Readonly<Record<string, AttributeValue>>): object;
  validateRecord(schema: Schema, record: unknown): Promise<Record<string, unknown>>;
  creationValues(
    schema: Schema,
    values: Readonly<Record<string, unknown>>,
    now: Date,
  ): Readonly<Record<string, unknown>>;
  /** The 400 KB item-size check prepareCreate runs on the encoded item (absent from versions without it). */
  itemSizeIssue?(item: Readonly<Record<string, AttributeValue>>): unknown;
}

export function loadInternals(): Internals {
  return {
    ...load<Pick<Internals, 'toItem'>>('marshalling/toItem.js'),
    ...load<Pick<Internals, 'fromItem'>>('marshalling/fromItem.js'),
    ...load<Pick<Internals, 'validateRecord'>>('validation/validateRecord.js'),
    ...load<Pick<Internals, 'creationValues'>>('marshalling/lifecycleValues.js'),
    ...(existsSync(join(dist, 'validation/itemSize.js')) &&
      load<Pick<Internals, 'itemSizeIssue'>>('validation/itemSize.js')),
  };
}
