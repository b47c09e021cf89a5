/**
 * Thrown by a decoder that meets a stored value it cannot read exactly; the record decoder turns
 * it into a StoredValueError naming the model, the attribute and the item's key.
 */
export class UnreadableValue extends Error {
  constructor(readonly reason: string) {
    super(reason);
  }
}
