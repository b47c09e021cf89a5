/** Renders a key for a message: `{"person_id":1}`, with bigints and binaries readable. */
export function describeKey(key: Readonly<Record<string, unknown>>): string {
  return JSON.stringify(key, (_name, value: unknown) => {
    if (typeof value === 'bigint') return `${value}n`;
    if (value instanceof Uint8Array) return `<${value.byteLength} bytes>`;
    return value;
  });
}
