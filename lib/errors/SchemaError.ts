import { nameErrorClass, OrmError } from './OrmError';

/**
 * A model's decorators are inconsistent (no or two partition keys, an empty categorical list,
 * no `@Table`, a type that cannot be inferred...). Thrown when the model is first used.
 */
export class SchemaError extends OrmError {
  static {
    nameErrorClass(this, 'SchemaError');
  }

  constructor(
    readonly modelName: string,
    readonly property: string | undefined,
    readonly reason: string,
  ) {
    super(`${property === undefined ? modelName : `${modelName}.${property}`}: ${reason}`);
  }
}
