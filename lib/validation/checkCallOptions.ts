import type { CompiledSchema } from '../schema/CompiledSchema';
import { checkCondition } from './checkCondition';
import { booleanOption, optionIssues, wholeNumberOption, type OptionRule, type OptionRules } from './checkOptions';
import type { ValidationIssue } from '../errors/ValidationIssue';

// The option rules of the single-item calls; the option types live with the calls (repository/options.ts).

/** `getRecord`'s options. */
export const GET_OPTIONS: OptionRules = { consistent: booleanOption };

/** A condition, checked against the model's attributes. */
export function conditionOption(schema: CompiledSchema): OptionRule {
  return (condition) => checkCondition(schema, condition, 'condition');
}

/** The version a caller read, on a model that has one. */
export function expectedVersionOption(schema: CompiledSchema): OptionRule {
  const whole = wholeNumberOption(1);
  return (value) => (schema.version ? whole(value) : 'needs a model with a @Version attribute');
}

/** The issues of `createRecord`'s options (a create has no version to expect: it writes 1). */
export function createOptionIssues(schema: CompiledSchema, options: unknown, call: string): ValidationIssue[] {
  return optionIssues(options, { condition: conditionOption(schema) }, call);
}

/** The issues of the options of `updateRecord` and `deleteRecord`. */
export function versionedOptionIssues(schema: CompiledSchema, options: unknown, call: string): ValidationIssue[] {
  return optionIssues(
    options,
    { condition: conditionOption(schema), expectedVersion: expectedVersionOption(schema) },
    call,
  );
}
