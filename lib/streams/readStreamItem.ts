import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import type { ValidationIssue } from '../errors/ValidationIssue';
import type { Item } from '../marshalling/codec';
import { describeType, isBinary, isPlainObject } from '../validation/checks';
import { ownValue, readInput } from '../validation/readInput';

// A stream record's attribute values come in two spellings: GetRecords (the SDK) gives binaries as
// Uint8Array, a Lambda event (JSON) as base64 strings; numbers are strings in both. Both are read
// here into the SDK's shape, which is what the model's codec reads, checking every value on the way:
// the record comes from outside and its types are only claims.

/** DynamoDB nests lists and maps at most 32 levels deep. */
const MAX_DEPTH = 32;
const NUMBER_TEXT = /^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/;
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;
const TYPES = new Set(['S', 'N', 'B', 'SS', 'NS', 'BS', 'M', 'L', 'NULL', 'BOOL']);

/**
 * Reads a stream record's `Keys`, `NewImage` or `OldImage` (attribute values by name) into an item
 * as the SDK returns one, binaries as Uint8Array. Each problem is added to `issues`, named by its
 * path from `path` (`dynamodb.NewImage.tags[2]`); the result is undefined when there was one.
 */
export function readStreamItem(value: unknown, path: string, issues: ValidationIssue[]): Item | undefined {
  const before = issues.length;
  const item = readMap(value, path, issues, 0);
  return issues.length === before ? item : undefined;
}

function readMap(value: unknown, path: string, issues: ValidationIssue[], depth: number): Item {
  if (!isPlainObject(value)) {
    issues.push({
      attribute: path,
      received: describeType(value),
      constraint: 'must be an object of attribute values',
    });
    return {};
  }
  const members = readObject(value, path, issues);
  // fromEntries defines each name as an own property: a `__proto__` attribute stays an attribute
  return Object.fromEntries(
    Object.keys(members).flatMap((name) => {
      const read = readValue(ownValue(members, name), `${path}.${name}`, issues, depth);
      return read ? [[name, read]] : [];
    }),
  );
}

function readValue(value: unknown, path: string, issues: ValidationIssue[], depth: number): AttributeValue | undefined {
  if (!isPlainObject(value)) {
    const constraint = 'must be an attribute value such as { "S": "text" } or { "N": "1" }';
    issues.push({ attribute: path, received: describeType(value), constraint });
    return undefined;
  }
  const members = readObject(value, path, issues);
  const types = Object.keys(members);
  const [type = ''] = types;
  if (types.length !== 1 || !TYPES.has(type)) {
    const received = types.length === 0 ? 'no type' : `types ${types.join(', ')}`;
    issues.push({ attribute: path, received, constraint: `must hold exactly one of ${[...TYPES].join(', ')}` });
    return undefined;
  }
  const content = ownValue(members, type);
  const refuse = (what: string): undefined => {
    issues.push({ attribute: path, received: `${type} of ${describeType(content)}`, constraint: `must hold ${what}` });
    return undefined;
  };
  if (depth >= MAX_DEPTH && (type === 'M' || type === 'L')) return refuse('at most 32 levels of nested lists and maps');
  switch (type) {
    case 'S':
      return typeof content === 'string' ? { S: content } : refuse('a string');
    case 'N':
      return isNumberText(content) ? { N: content } : refuse('a number written as a string');
    case 'B': {
      const bytes = readBytes(content);
      return bytes ? { B: bytes } : refuse('binary: a Uint8Array, or a base64 string as in a Lambda event');
    }
    case 'SS':
      return readSet(
        content,
        path,
        issues,
        refuse,
        (member) => (typeof member === 'string' ? member : undefined),
        'SS',
      );
    case 'NS':
      return readSet(content, path, issues, refuse, (member) => (isNumberText(member) ? member : undefined), 'NS');
    case 'BS':
      return readSet(content, path, issues, refuse, readBytes, 'BS');
    case 'M':
      return isPlainObject(content) ? { M: readMap(content, path, issues, depth + 1) } : refuse('a map');
    case 'L':
      return readList(content, path, issues, depth + 1) ?? refuse('a list');
    case 'NULL':
      return content === true ? { NULL: true } : refuse('true');
    default:
      return typeof content === 'boolean' ? { BOOL: content } : refuse('a boolean');
  }
}

function readList(value: unknown, path: string, issues: ValidationIssue[], depth: number): AttributeValue | undefined {
  const elements = readArray(value, path, issues);
  if (!elements) return undefined;
  const list: AttributeValue[] = [];
  elements.forEach((element, index) => {
    const read = readValue(element, `${path}[${index}]`, issues, depth);
    if (read) list.push(read);
  });
  return { L: list };
}

function readSet<Member>(
  value: unknown,
  path: string,
  issues: ValidationIssue[],
  refuse: (what: string) => undefined,
  readMember: (member: unknown) => Member | undefined,
  type: 'SS' | 'NS' | 'BS',
): AttributeValue | undefined {
  const members = readArray(value, path, issues);
  if (!members) return refuse('an array');
  const read: Member[] = [];
  members.forEach((member, index) => {
    const converted = readMember(member);
    if (converted === undefined) {
      const constraint = `must be a member of a ${type}`;
      issues.push({ attribute: `${path}[${index}]`, received: describeType(member), constraint });
    } else {
      read.push(converted);
    }
  });
  return { [type]: read } as unknown as AttributeValue;
}

/** The elements of a real array, each read once (a throwing getter is an issue, not a throw). */
function readArray(value: unknown, path: string, issues: ValidationIssue[]): unknown[] | undefined {
  let length: number;
  try {
    if (!Array.isArray(value)) return undefined;
    length = (value as unknown[]).length;
  } catch {
    return undefined; // a proxy that throws: not an array this code can read
  }
  const elements = readObject(value as unknown[], path, issues);
  // a hole or an undefined element is left out by readInput: it is read as missing, and named
  return Array.from({ length }, (_, index) => ownValue(elements, String(index)));
}

/** An object's own values, read once, with readInput's issues named under `path`. */
export function readObject(value: object, path: string, issues: ValidationIssue[]): Record<string, unknown> {
  const found: ValidationIssue[] = [];
  const members = readInput(value, found);
  for (const issue of found) {
    issues.push({ ...issue, attribute: issue.attribute.startsWith('(') ? path : `${path}.${issue.attribute}` });
  }
  return members;
}

function readBytes(value: unknown): Uint8Array | undefined {
  if (isBinary(value)) return value;
  // a plain Uint8Array, as the SDK gives, rather than a Buffer: records read either way compare equal
  return typeof value === 'string' && BASE64.test(value) ? Uint8Array.from(Buffer.from(value, 'base64')) : undefined;
}

function isNumberText(value: unknown): value is string {
  return typeof value === 'string' && NUMBER_TEXT.test(value);
}
