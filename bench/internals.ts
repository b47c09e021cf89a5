import { dirname, join } from 'node:path';
import type * as Internal from '../dist/internal';

// The library's internals for the CPU suite, through its one internal entry point: dist/internal.js,
// beside the public dist/index.js that `dynamodb-decorators` resolves to (one copy of every module).
// It is not in the package's "exports", so it is loaded by path; its types come from the build.

/** What the library's internal entry point exports. */
export type Internals = typeof Internal;

/** Loads dist/internal.js from the same dist/ as the public API. */
export function loadInternals(): Internals {
  return require(join(dirname(require.resolve('dynamodb-decorators')), 'internal.js')) as Internals;
}
