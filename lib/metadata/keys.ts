/** Namespaced metadata keys, so ours never collide with another library's on the same class. */
export const TABLE_KEY = 'dynamo-decorators:table';
export const ATTRIBUTES_KEY = 'dynamo-decorators:attributes';
export const INDEXES_KEY = 'dynamo-decorators:indexes';
