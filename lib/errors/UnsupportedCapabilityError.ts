import { nameErrorClass, OrmError } from './OrmError';

/** The capabilities an engine may lack, as UnsupportedCapabilityError names them (and the command line lists them). */
export const CAPABILITIES = {
  gsiOnLiveTable: 'adding a global secondary index to an existing table',
  ttl: 'time to live (TTL)',
  streams: 'DynamoDB Streams',
  transactions: 'transactions',
} as const;

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
