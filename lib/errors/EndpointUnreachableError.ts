import { SetupError } from './SetupError';

const ADVICE: Readonly<Record<string, string>> = {
  ECONNREFUSED:
    'nothing accepts connections there: start the engine, or give the DynamoDBClient the endpoint of one that runs',
  ENOTFOUND: "its host name is not found: check the client's endpoint option, or its region when it has no endpoint",
  EAI_AGAIN: "its host name could not be resolved now (DNS): check the network and the client's endpoint",
  EHOSTUNREACH: "its host cannot be reached: check the network and the client's endpoint",
  ENETUNREACH: "its network cannot be reached: check the network and the client's endpoint",
};

/**
 * The client's endpoint refused the connection or could not be found (ECONNREFUSED, ENOTFOUND,
 * EAI_AGAIN, EHOSTUNREACH, ENETUNREACH), after the SDK's own retries. The SDK's error is the `cause`.
 */
export class EndpointUnreachableError extends SetupError {
  constructor(
    /** The URL the client sent to (its endpoint option, or the AWS endpoint of its region). */
    readonly endpoint: string,
    /** Node's error code. */
    readonly code: string,
    options?: ErrorOptions,
  ) {
    super(`Cannot reach DynamoDB at ${endpoint} (${code}): ${ADVICE[code] ?? "check the client's endpoint"}.`, options);
  }
}

/** The connection error codes that mean "nothing to talk to there", as opposed to a connection lost mid-request. */
export const UNREACHABLE_CODES: readonly string[] = Object.keys(ADVICE);
