import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { ValidationIssue } from '../errors/ValidationIssue';

/** DynamoDB's limit on one item: 400 KB, names and values together. */
export const MAX_ITEM_BYTES = 400 * 1024;

/** UTF-8 bytes of a string; `bound` gives 3 per UTF-16 unit instead (never less), without counting. */
function utf8Length(text: string, bound: boolean): number {
  return bound ? text.length * 3 : Buffer.byteLength(text, 'utf8');
}

/**
 * The size DynamoDB counts for a value (with `bound`, a cheap upper bound that counts no bytes): UTF-8 bytes for strings and names, bytes for binary,
 * about one byte per two digits plus one for numbers, 1 for booleans and null, and 3 plus one
 * per element for lists and maps (its documented rules, rounded up where it gives a range).
 */
export function attributeValueSize(value: AttributeValue, bound = false): number {
  if (value.S !== undefined) return utf8Length(value.S, bound);
  if (value.N !== undefined) return numberSize(value.N);
  if (value.B !== undefined) return value.B.byteLength;
  if (value.BOOL !== undefined || value.NULL !== undefined) return 1;
  if (value.SS !== undefined) return value.SS.reduce((sum, member) => sum + utf8Length(member, bound), 0);
  if (value.NS !== undefined) return value.NS.reduce((sum, member) => sum + numberSize(member), 0);
  if (value.BS !== undefined) return value.BS.reduce((sum, member) => sum + member.byteLength, 0);
  if (value.L !== undefined) return value.L.reduce((sum, element) => sum + 1 + attributeValueSize(element, bound), 3);
  if (value.M !== undefined) {
    return Object.entries(value.M).reduce(
      (sum, [name, element]) => sum + 1 + utf8Length(name, bound) + attributeValueSize(element, bound),
      3,
    );
  }
  return 0;
}

function numberSize(text: string): number {
  const digits = text.replace(/^-|[eE].*$|\./g, '').replace(/^0+/, '').length;
  return Math.ceil(digits / 2) + 1;
}

/** The size of a whole item: each attribute's name and value. */
export function itemSize(item: Readonly<Record<string, AttributeValue>>, bound = false): number {
  let size = 0;
  for (const name in item) size += utf8Length(name, bound) + attributeValueSize(item[name]!, bound);
  return size;
}

/**
 * Whether the given parts of an item (maps of values) and attribute names could together exceed
 * the item limit: a cheap upper bound, never an undercount.
 */
export function mayExceedItemLimit(
  parts: readonly (Readonly<Record<string, AttributeValue>> | undefined)[],
  names: readonly string[],
): boolean {
  let bound = 0;
  for (const part of parts) if (part) bound += itemSize(part, true);
  for (const name of names) bound += utf8Length(name, true);
  return bound > MAX_ITEM_BYTES;
}

/**
 * The issue of an item over DynamoDB's 400 KB, naming its largest attribute, or undefined.
 * `label` prefixes the attribute name (`put[3].`) for batches.
 */
export function itemSizeIssue(item: Readonly<Record<string, AttributeValue>>, label = ''): ValidationIssue | undefined {
  // the bound settles ordinary items without counting a byte; only a large one is weighed exactly
  if (itemSize(item, true) <= MAX_ITEM_BYTES) return undefined;
  const size = itemSize(item);
  if (size <= MAX_ITEM_BYTES) return undefined;
  const sizes = Object.entries(item).map(
    ([name, value]) => [name, utf8Length(name, false) + attributeValueSize(value)] as const,
  );
  const [largest, largestSize] = sizes.reduce((best, each) => (each[1] > best[1] ? each : best));
  return {
    attribute: `${label}${largest}`,
    received: `${largestSize} bytes`,
    constraint: `makes the item ${size} bytes, over DynamoDB's limit of ${MAX_ITEM_BYTES} (400 KB)`,
  };
}
