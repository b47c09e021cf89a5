/**
 * One failing attribute: its name, the type of the value received and the constraint it broke;
 * none of them holds a value given as input, since the message prints them.
 */
export interface ValidationIssue {
  readonly attribute: string;
  readonly received: string;
  readonly constraint: string;
  /** The repeated key's values, for an operation on a key an earlier one names (batch writes, transactions). */
  readonly key?: Readonly<Record<string, unknown>>;
}
