import { OrmError } from './OrmError';
import { describeKey } from './describeKey';

/**
 * The item at a key belongs to another entity of a shared table (or carries no entity at all), so
 * the model's repository neither returns nor changes it. The message names the model, the key
 * attributes and the attribute that holds the entity; `key` holds the key's values and
 * `foundEntity` what the item holds there (undefined when nothing), which never go into the message.
 */
export class EntityMismatchError extends OrmError {
  constructor(
    readonly modelName: string,
    readonly key: Readonly<Record<string, unknown>>,
    /** The model's entity name. */
    readonly entity: string,
    /** The entity name the item holds, or undefined when it holds none. */
    readonly foundEntity: string | undefined,
    /** The attribute that holds the entity name. */
    readonly entityAttribute: string,
    options?: ErrorOptions,
  ) {
    const found =
      foundEntity === undefined
        ? `has no ${entityAttribute}`
        : `is another entity's (its ${entityAttribute} is not ${entity})`;
    super(`${modelName}: the item with the given ${describeKey(key)} ${found}.`, options);
  }
}
