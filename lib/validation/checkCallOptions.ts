import type { CompiledSchema } from '../schema/CompiledSchema';
import { checkCondition } from './checkCondition';
import { booleanOption, optionIssues, wholeNumberOption, type OptionRule, type OptionRules } from './checkOptions';
import type { ValidationIssue } from '../errors/ValidationIssue';

// The option rules of the single-item calls; the option types live with the calls (repository/options.ts).

/** `getRecord`'s options. */
export const GET_OPTIONS: OptionRules = { consistent: booleanOption };

/** A condition, checked against the model's attributes. */
function conditionOption(schema: CompiledSchema): OptionRule {
  return (condition) => checkCondition(schema, condition, 'condition');
}

const wholeVersion = wholeNumberOption(1);

/** The version a caller read, on a model that has one. */
function expectedVersionOption(schema: CompiledSchema): OptionRule {
  return (value) => (schema.version ? wholeVersion(value) : 'needs a model with a @Version attribute');
}

// the rules close over the schema: made once per schema, not per call
const rulesBySchema = new WeakMap<CompiledSchema, { readonly create: OptionRules; readonly versioned: OptionRules }>();

function rulesOf(schema: CompiledSchema): { readonly create: OptionRules; readonly versioned: OptionRules } {
  let rules = rulesBySchema.get(schema);
  if (!rules) {
    const condition = conditionOption(schema);
    rules = { create: { condition }, versioned: { condition, expectedVersion: expectedVersionOption(schema) } };
    rulesBySchema.set(schema, rules);
  }
  return rules;
}

/** The issues of `createRecord`'s options (a create has no version to expect: it writes 1). */
export function createOptionIssues(schema: CompiledSchema, options: unknown, call: string): ValidationIssue[] {
  return options === undefined ? [] : optionIssues(options, rulesOf(schema).create, call);
}

/** The issues of the options of `updateRecord` and `deleteRecord`. */
export function versionedOptionIssues(schema: CompiledSchema, options: unknown, call: string): ValidationIssue[] {
  return options === undefined ? [] : optionIssues(options, rulesOf(schema).versioned, call);
}
