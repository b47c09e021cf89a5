import { nameErrorClass, OrmError } from './OrmError';
import type { ValidationIssue } from './ValidationIssue';

/** Bad input, found before any request was sent; `issues` has one entry per failing attribute. */
export class RecordValidationError extends OrmError {
  static {
    nameErrorClass(this, 'RecordValidationError');
  }

  readonly issues: readonly ValidationIssue[];

  constructor(
    readonly modelName: string,
    issues: readonly ValidationIssue[],
  ) {
    super(describeIssues(modelName, issues));
    this.issues = Object.freeze([...issues]);
  }
}

function describeIssues(modelName: string, issues: readonly ValidationIssue[]): string {
  const count = issues.length === 1 ? '1 invalid attribute' : `${issues.length} invalid attributes`;
  return `${modelName}: ${count}: ${issues.map(describeIssue).join('; ')}.`;
}

function describeIssue({ attribute, received, constraint }: ValidationIssue): string {
  if (constraint.startsWith('required')) return `${attribute} is ${constraint}`;
  return `${attribute} (${received}) ${constraint}`;
}
