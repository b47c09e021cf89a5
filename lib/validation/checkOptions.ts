import { RecordValidationError } from '../errors/RecordValidationError';
import type { ValidationIssue } from '../errors/ValidationIssue';
import { describeType, isPlainObject } from './checks';

// One checker for the options of every public call, constructor and decorator, in the manner of
// dynamodb-toolbox's rejectExtraOptions: take what you know, refuse the rest, by name.

/**
 * The constraint a value breaks, or undefined when it fits; an option that is itself checked
 * attribute by attribute (a condition) returns its issues.
 */
export type OptionRule = (value: unknown) => string | readonly ValidationIssue[] | undefined;

/** The rule of each option a call takes. */
export type OptionRules = Readonly<Record<string, OptionRule>>;

/**
 * The issues of an options object: not a plain object, an option the call does not take (with
 * the nearest known name when one is close), or a value that breaks its option's rule. An option
 * given as `undefined` counts as not given. Issues are named `<prefix><option>`.
 */
export function optionIssues(options: unknown, rules: OptionRules, call: string, prefix = ''): ValidationIssue[] {
  if (options === undefined) return [];
  if (!isPlainObject(options)) {
    return [{ attribute: `${prefix}(options)`, received: describeType(options), constraint: 'must be an object' }];
  }
  // options the call does not take come first, then values that break their rule
  const unknown: ValidationIssue[] = [];
  const issues: ValidationIssue[] = [];
  for (const key of Reflect.ownKeys(options)) {
    if (typeof key === 'symbol') {
      unknown.push({
        attribute: `${prefix}${String(key)}`,
        received: 'symbol key',
        constraint: `is not an option of ${call}`,
      });
      continue;
    }
    const value = options[key];
    if (value === undefined) continue;
    if (!Object.hasOwn(rules, key)) {
      const near = nearestName(key, Object.keys(rules));
      const hint = near === undefined ? '' : ` (did you mean ${near}?)`;
      unknown.push({
        attribute: `${prefix}${key}`,
        received: describeType(value),
        constraint: `is not an option of ${call}${hint}`,
      });
      continue;
    }
    const problem = rules[key]!(value);
    if (typeof problem === 'string') {
      issues.push({ attribute: `${prefix}${key}`, received: describeType(value), constraint: problem });
    } else if (problem !== undefined) {
      issues.push(...problem);
    }
  }
  return [...unknown, ...issues];
}

/** A boolean. */
export const booleanOption: OptionRule = (value) => (typeof value === 'boolean' ? undefined : 'must be a boolean');

/** A string of `min` to `max` characters. */
export function stringOption(min = 0, max = Infinity): OptionRule {
  return (value) => {
    if (typeof value !== 'string') return 'must be a string';
    if (value.length < min || value.length > max) {
      return max === Infinity ? `must have at least ${min} characters` : `must have ${min} to ${max} characters`;
    }
    return undefined;
  };
}

/** A whole number from `min` to `max`. */
export function wholeNumberOption(min: number, max = Number.MAX_SAFE_INTEGER): OptionRule {
  const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${groupThousands(max)}`;
  return (value) =>
    Number.isSafeInteger(value) && (value as number) >= min && (value as number) <= max
      ? undefined
      : `must be a whole number ${range}`;
}

/**
 * `1000000` → `1,000,000`. Written out because `toLocaleString` loads the ICU locale data, which
 * cost about 25 ms of the package's import when a module-level rule called it.
 */
function groupThousands(value: number): string {
  return String(value).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
}

/** One of the listed values. */
export function oneOfOption(values: readonly unknown[]): OptionRule {
  return (value) =>
    values.includes(value) ? undefined : `must be one of ${values.map((each) => JSON.stringify(each)).join(', ')}`;
}

/**
 * Checks `options` and returns them typed.
 * @throws RecordValidationError (under `modelName`) naming every bad option.
 */
export function checkOptions<T extends object>(
  modelName: string,
  options: unknown,
  rules: OptionRules,
  call: string,
): T {
  const issues = optionIssues(options, rules, call);
  if (issues.length > 0) throw new RecordValidationError(modelName, issues);
  return (options ?? {}) as T;
}

/** Whatever passes `test`, described by `what` ("a DynamoDBClient"). */
export function optionOf(test: (value: unknown) => boolean, what: string): OptionRule {
  return (value) => (test(value) ? undefined : `must be ${what}`);
}

/** A known name within two edits of `name` (a typo), or undefined. */
function nearestName(name: string, known: readonly string[]): string | undefined {
  let best: string | undefined;
  let bestDistance = 3;
  for (const candidate of known) {
    const distance = editDistance(name.toLowerCase(), candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const current = [i];
    for (let j = 1; j <= b.length; j += 1) {
      const substitution = previous[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1);
      current.push(Math.min(previous[j]! + 1, current[j - 1]! + 1, substitution));
    }
    previous = current;
  }
  return previous[b.length]!;
}
