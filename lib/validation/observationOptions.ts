import type { ValidationIssue } from '../errors/ValidationIssue';
import { describeType, isPlainObject } from './checks';
import { oneOfOption, optionIssues, type OptionRule, type OptionRules } from './checkOptions';

const isFunction: OptionRule = (value) => (typeof value === 'function' ? undefined : 'must be a function');
const HOOK_RULES: OptionRules = { onRequest: isFunction, onResponse: isFunction, onError: isFunction };
const LOGGER_METHODS = ['debug', 'info', 'warn', 'error'] as const;

/**
 * `hooks`: an object of onRequest, onResponse and onError functions. A plain object may hold
 * nothing else (a misspelt hook would never be called); an instance of a class may keep its
 * hooks on its prototype.
 */
const hooksRule: OptionRule = (value) => {
  if (isPlainObject(value)) return optionIssues(value, HOOK_RULES, 'hooks', 'hooks.');
  if (typeof value !== 'object' || value === null)
    return 'must be an object of onRequest, onResponse, onError functions';
  const hooks = value as Record<string, unknown>;
  return Object.keys(HOOK_RULES).flatMap((name): ValidationIssue[] =>
    hooks[name] === undefined || typeof hooks[name] === 'function'
      ? []
      : [{ attribute: `hooks.${name}`, received: describeType(hooks[name]), constraint: 'must be a function' }],
  );
};

/** `logger`: any object with debug, info, warn and error methods (console, pino, bunyan...). */
const loggerRule: OptionRule = (value) => {
  const logger = value as Record<string, unknown> | null;
  const lacking =
    typeof value === 'object' && value !== null
      ? LOGGER_METHODS.filter((method) => typeof logger?.[method] !== 'function')
      : LOGGER_METHODS;
  return lacking.length === 0
    ? undefined
    : `must be a logger with debug, info, warn and error methods (such as console or pino); lacks ${lacking.join(', ')}`;
};

/** The rules of the options that make requests observable, taken by Repository and transaction(). */
export const OBSERVATION_OPTIONS: OptionRules = {
  hooks: hooksRule,
  logger: loggerRule,
  logValues: oneOfOption(['none', 'keys', 'all']),
  returnConsumedCapacity: oneOfOption(['TOTAL', 'INDEXES', 'NONE']),
};
