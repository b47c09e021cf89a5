import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/**
 * The placeholders of one request: every attribute name and value in an expression goes
 * through here, so reserved words (`status`, `name`) and names with `-`, `.` or spaces are
 * safe and no value is ever written into an expression string. A name keeps one alias
 * (`#n0`); each value gets a new one (`:v0`).
 */
export class ExpressionContext {
  private readonly aliasByName = new Map<string, string>();
  private readonly names: Record<string, string> = {};
  private readonly values: Record<string, AttributeValue> = {};
  private valueCount = 0;
  private sealed = false;

  /** The alias of an attribute name, taken as one atomic name (nothing is split on `.`). */
  name(attributeName: string): string {
    this.checkOpen();
    let alias = this.aliasByName.get(attributeName);
    if (alias === undefined) {
      alias = `#n${this.aliasByName.size}`;
      this.aliasByName.set(attributeName, alias);
      this.names[alias] = attributeName;
    }
    return alias;
  }

  /** A fresh alias for a value. */
  value(attributeValue: AttributeValue): string {
    this.checkOpen();
    const alias = `:v${this.valueCount++}`;
    this.values[alias] = attributeValue;
    return alias;
  }

  /** The `ExpressionAttributeNames` / `ExpressionAttributeValues` to send, omitting empty maps (DynamoDB rejects them). */
  attributes(): {
    ExpressionAttributeNames?: Record<string, string>;
    ExpressionAttributeValues?: Record<string, AttributeValue>;
  } {
    // handed over, not copied: a context serves one request, and is sealed from now on
    this.checkOpen();
    this.sealed = true;
    const attributes: {
      ExpressionAttributeNames?: Record<string, string>;
      ExpressionAttributeValues?: Record<string, AttributeValue>;
    } = {};
    if (this.aliasByName.size > 0) attributes.ExpressionAttributeNames = this.names;
    if (this.valueCount > 0) attributes.ExpressionAttributeValues = this.values;
    return attributes;
  }

  private checkOpen(): void {
    if (this.sealed) throw new Error('ExpressionContext: sealed, its attributes are in a request already.');
  }
}
