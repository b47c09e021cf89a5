import type { AttributeValue } from '@aws-sdk/client-dynamodb';

/**
 * Thrown by a decoder that meets a stored value it cannot read exactly; the record decoder turns
 * it into a StoredValueError naming the model, the attribute (its path, inside a nested value) and
 * the item's key.
 */
export class UnreadableValue extends Error {
  constructor(
    readonly reason: string,
    /** The property names from the attribute that held it down to the value (`['ship_to', 'city']`). */
    readonly path: readonly (string | number)[] = [],
    /** The value that could not be read, when it is not the attribute's own. */
    readonly stored?: AttributeValue,
  ) {
    super(reason);
  }
}
