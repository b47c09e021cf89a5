/** Namespaced metadata keys, so ours never collide with another library's on the same class. */
export const TABLE_KEY = 'dynamodb-decorators:table';
export const ATTRIBUTES_KEY = 'dynamodb-decorators:attributes';
export const INDEXES_KEY = 'dynamodb-decorators:indexes';
export const MISUSES_KEY = 'dynamodb-decorators:misuses';
