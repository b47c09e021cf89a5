import type { ValidationIssue } from '../errors/ValidationIssue';
import { describeType } from './checks';

/**
 * The given (not undefined) own enumerable values of an input object, keyed by name, each read
 * once (issues named `<path><name>`): model instances carry own undefined fields (useDefineForClassFields), so undefined means
 * missing. Enumerable symbol-keyed properties, and properties whose getter throws (or a proxy that
 * throws), are added to `issues` rather than thrown. Read a result with `ownValue` for names that
 * exist on Object.prototype (`toString`, `constructor`...), never through the prototype chain.
 */
export function readInput(input: object, issues: ValidationIssue[], path = ''): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  let names: string[];
  try {
    names = Object.keys(input);
    for (const symbol of Object.getOwnPropertySymbols(input)) {
      if (Object.prototype.propertyIsEnumerable.call(input, symbol)) {
        issues.push({
          attribute: `${path}${String(symbol)}`,
          received: 'symbol key',
          constraint: 'is not an attribute: symbol-keyed properties cannot be stored',
        });
      }
    }
  } catch {
    issues.push({
      attribute: path ? path.slice(0, -1) : '(record)',
      received: describeType(input),
      constraint: 'cannot be read (a proxy threw)',
    });
    return values;
  }
  for (const name of names) {
    let value: unknown;
    try {
      value = (input as Record<string, unknown>)[name];
    } catch {
      issues.push({ attribute: `${path}${name}`, received: 'getter', constraint: 'cannot be read (its getter threw)' });
      continue;
    }
    if (value === undefined) continue;
    // `__proto__` is defined, not assigned: assigning it would replace the copy's prototype
    if (name === '__proto__') {
      Object.defineProperty(values, name, { value, enumerable: true, writable: true, configurable: true });
    } else {
      values[name] = value;
    }
  }
  return values;
}

/** The own value of `name`, never one inherited from Object.prototype (an attribute may be called `toString`). */
export function ownValue(values: Readonly<Record<string, unknown>>, name: string): unknown {
  return Object.hasOwn(values, name) ? values[name] : undefined;
}
