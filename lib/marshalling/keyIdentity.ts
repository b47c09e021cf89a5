import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { canonicalNumber } from './numbers';

/**
 * A string equal for two items exactly when DynamoDB sees the same key: numbers compare by
 * value (`1.50`, `1.5` and `15e-1` are one key, as the engine returns them normalised),
 * binaries by their bytes.
 */
export function keyIdentity(keyNames: readonly string[], item: Readonly<Record<string, AttributeValue>>): string {
  return JSON.stringify(keyNames.map((name) => identityOf(item[name])));
}

function identityOf(value: AttributeValue | undefined): string {
  if (value?.S !== undefined) return `S:${value.S}`;
  if (value?.N !== undefined) return `N:${canonicalNumber(value.N)}`;
  if (value?.B !== undefined) return `B:${Buffer.from(value.B).toString('base64')}`;
  return '-'; // not a key value: validation rejected it before, so this only keeps the function total
}
