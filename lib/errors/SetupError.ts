import { OrmError } from './OrmError';

/**
 * Base of the errors that mean the set-up is wrong rather than the data: a table that does not
 * exist, an endpoint that does not answer, a missing region or missing credentials. Each message
 * says what to set or call; the SDK's error is the `cause`.
 */
export class SetupError extends OrmError {}
