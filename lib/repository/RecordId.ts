/**
 * The id a caller passes for a record: the partition key's value, or an object naming every key
 * attribute (required when the table has a sort key): `{ user_id: 'u1', login_at: date }`.
 */
export type RecordId = string | number | bigint | Date | Uint8Array | Readonly<Record<string, unknown>>;
