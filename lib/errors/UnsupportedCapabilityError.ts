import { nameErrorClass, OrmError } from './OrmError';

/** The engine behind the client lacks a DynamoDB capability the call needs (dynalite builds no index on a live table). */
export class UnsupportedCapabilityError extends OrmError {
  static {
    nameErrorClass(this, 'UnsupportedCapabilityError');
  }

  constructor(
    readonly capability: string,
    readonly detail: string,
    options?: ErrorOptions,
  ) {
    super(`This DynamoDB engine does not support ${capability}: ${detail}`, options);
  }
}
