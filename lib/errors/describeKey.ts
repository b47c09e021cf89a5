/**
 * Names a key in a message by its attribute names only (`person_id`, `device_id and at`): key values
 * stay out of messages, which go to logs (a key may be an e-mail address); errors carry them in `key`.
 */
export function describeKey(key: Readonly<Record<string, unknown>>): string {
  const names = Object.keys(key);
  if (names.length <= 1) return names[0] ?? 'key';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
