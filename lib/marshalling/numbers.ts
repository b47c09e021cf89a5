// Reading DynamoDB numbers (decimal text of up to 38 digits) into JavaScript exactly, or not at all.

/** Any decimal of at most 15 significant digits survives a round trip through a double. */
const ALWAYS_EXACT_LENGTH = 15;

/**
 * A DynamoDB number in one spelling per value: `[-]<significant digits>e<exponent>` for
 * 0.<digits> × 10^exponent, so that "100", "1e2" and "100.0" agree.
 */
export function canonicalNumber(text: string): string {
  const match = /^([+-]?)(\d*)(?:\.(\d*))?(?:[eE]([+-]?\d+))?$/.exec(text.trim());
  if (!match) return text;
  const [, sign = '', whole = '', fraction = '', exponent = '0'] = match;
  const digits = whole + fraction;
  const withoutLeading = digits.replace(/^0+/, '');
  const significant = withoutLeading.replace(/0+$/, '');
  if (significant === '') return '0';
  const magnitude = whole.length - (digits.length - withoutLeading.length) + Number(exponent);
  return `${sign === '-' ? '-' : ''}${significant}e${magnitude}`;
}

/** The number an N holds when a JavaScript number holds exactly that decimal; else undefined. */
export function exactNumber(text: string): number | undefined {
  const number = Number(text);
  if (!Number.isFinite(number)) return undefined;
  if (text.length <= ALWAYS_EXACT_LENGTH) return number;
  return canonicalNumber(String(number)) === canonicalNumber(text) ? number : undefined;
}

/** The bigint an N holds when it is a whole number; else undefined. */
export function exactBigInt(text: string): bigint | undefined {
  if (/^-?\d+$/.test(text)) return BigInt(text);
  const canonical = canonicalNumber(text);
  const match = /^(-?)(\d+)e(-?\d+)$/.exec(canonical);
  if (canonical === '0') return 0n;
  if (!match) return undefined;
  const [, sign = '', digits = '', exponent = '0'] = match;
  const zeros = Number(exponent) - digits.length;
  if (zeros < 0) return undefined; // a fraction
  return BigInt(`${sign}${digits}${'0'.repeat(zeros)}`);
}

/**
 * An N of no declared type (in a set, list or map): a number when one holds it exactly, a
 * bigint when it is a whole number beyond that; else undefined.
 */
export function untypedNumber(text: string): number | bigint | undefined {
  return exactNumber(text) ?? exactBigInt(text);
}
