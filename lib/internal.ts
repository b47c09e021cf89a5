import 'reflect-metadata';

// The internals that `npm run bench` measures on their own (its CPU suite), behind this one entry
// point, compiled to dist/internal.js. Not in package.json "exports" and not public API: when the
// codec's internals are renamed or replaced, this file is the only thing the bench sees change.

export { compileSchema } from './schema/compileSchema';
export type { CompiledSchema } from './schema/CompiledSchema';
export { validateRecord } from './validation/validateRecord';
export { creationValues } from './marshalling/lifecycleValues';
export { fromItem, toItem } from './marshalling/codec';
export { itemSizeIssue } from './validation/itemSize';
