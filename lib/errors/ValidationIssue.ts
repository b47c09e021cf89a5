/** One failing attribute: its name, the type of the value received and the constraint it broke. */
export interface ValidationIssue {
  readonly attribute: string;
  readonly received: string;
  readonly constraint: string;
}
