import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/** What a cursor is for: a query or scan of one table or index, whose items are identified by `keyNames`. */
export interface CursorTarget {
  readonly modelName: string;
  readonly operation: 'query' | 'scan';
  readonly tableName: string;
  readonly indexName?: string;
  /** The key attributes of an item of this read (table keys, then the index's). */
  readonly keyNames: readonly string[];
  /** A query's partition: a cursor of another partition is refused. */
  readonly partition?: { readonly name: string; readonly value: AttributeValue };
}

type KeyType = 'S' | 'N' | 'B';

/** What a cursor holds: its format, the read it was made for, and the start key. */
export interface CursorData {
  readonly v: 1;
  readonly o: 'query' | 'scan';
  readonly t: string;
  readonly i?: string;
  readonly k: Readonly<Record<string, readonly [KeyType, string]>>;
}

const FORMAT = 1;
const BASE64URL = /^[A-Za-z0-9_-]+$/;
const NUMBER = /^-?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Encodes a start key (DynamoDB's LastEvaluatedKey, binary values included) and what it is for
 * as an opaque, URL-safe string.
 * @throws Error when a key value is not a string, number or binary (DynamoDB keys are nothing else).
 */
export function encodeCursor(target: CursorTarget, key: Readonly<Record<string, AttributeValue>>): string {
  const k: Record<string, readonly [KeyType, string]> = {};
  for (const [name, value] of Object.entries(key)) {
    if (value.S !== undefined) k[name] = ['S', value.S];
    else if (value.N !== undefined) k[name] = ['N', value.N];
    else if (value.B !== undefined) k[name] = ['B', Buffer.from(value.B).toString('base64')];
    else throw new Error(`encodeCursor: key attribute ${name} is not a string, number or binary.`);
  }
  const data: CursorData = {
    v: FORMAT,
    o: target.operation,
    t: target.tableName,
    ...(target.indexName !== undefined && { i: target.indexName }),
    k,
  };
  return Buffer.from(JSON.stringify(data), 'utf8').toString('base64url');
}

/** The data of a cursor string, or undefined when it is not one (any format check beyond the shape is the caller's). */
export function parseCursor(cursor: string): CursorData | undefined {
  if (!BASE64URL.test(cursor)) return undefined;
  let data: unknown;
  try {
    data = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    return undefined;
  }
  if (typeof data !== 'object' || data === null) return undefined;
  const { v, o, t, i, k } = data as Record<string, unknown>;
  const shaped =
    v === FORMAT &&
    (o === 'query' || o === 'scan') &&
    typeof t === 'string' &&
    (i === undefined || typeof i === 'string');
  if (!shaped || typeof k !== 'object' || k === null || Array.isArray(k)) return undefined;
  return data as CursorData;
}

/** A start key value from a cursor entry, or undefined when malformed. */
export function toKeyValue(entry: unknown): AttributeValue | undefined {
  if (!Array.isArray(entry) || entry.length !== 2 || typeof entry[1] !== 'string') return undefined;
  const [type, text] = entry as [unknown, string];
  if (type === 'S') return { S: text };
  if (type === 'N') return NUMBER.test(text) ? { N: text } : undefined;
  if (type === 'B' && /^[A-Za-z0-9+/]*={0,2}$/.test(text) && text.length % 4 === 0)
    return { B: new Uint8Array(Buffer.from(text, 'base64')) };
  return undefined;
}
