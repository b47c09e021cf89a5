import { EndpointUnreachableError, UNREACHABLE_CODES } from './EndpointUnreachableError';
import { MissingCredentialsError } from './MissingCredentialsError';
import { MissingRegionError } from './MissingRegionError';
import type { SetupError } from './SetupError';
import { TableNotFoundError } from './TableNotFoundError';
import { isResourceNotFound } from './translateAwsError';

/** Which set-up mistake an SDK error reveals. */
export type SetupMistake = 'table' | 'endpoint' | 'region' | 'credentials';

/** What the error's message needs to know about the request and the client. */
export interface SetupFacts {
  readonly tableNames: readonly string[];
  readonly region: string | undefined;
  readonly endpoint: string | undefined;
}

// Under jest (and any other vm realm) the SDK re-wraps Node's own errors as
// `Error('AWS SDK error wrapper for Error: connect ECONNREFUSED ...')`, keeping the code only in the message.
const CODE_IN_MESSAGE = new RegExp(`\\b(${UNREACHABLE_CODES.join('|')})\\b`);

/**
 * The set-up mistake an SDK error reveals, or undefined: ResourceNotFoundException (a missing
 * table), a connection refused or a host not found, the SDK's "Region is missing", a
 * CredentialsProviderError. Matched by name, code and message: another copy of the SDK has other classes.
 */
export function setupMistakeOf(error: unknown): SetupMistake | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  if (isResourceNotFound(error)) return 'table';
  const { name, message } = error as { name?: unknown; message?: unknown };
  if (name === 'CredentialsProviderError') return 'credentials';
  if (message === 'Region is missing') return 'region';
  return unreachableCodeOf(error) === undefined ? undefined : 'endpoint';
}

/** The Node error code of a connection that never got an answer (ECONNREFUSED...), or undefined. */
export function unreachableCodeOf(error: unknown): string | undefined {
  const { code, message, $metadata } = error as {
    code?: unknown;
    message?: unknown;
    $metadata?: { httpStatusCode?: number };
  };
  if (typeof code === 'string') return UNREACHABLE_CODES.includes(code) ? code : undefined;
  // an answer over HTTP is the engine's, whatever its message says
  if ($metadata?.httpStatusCode !== undefined || typeof message !== 'string') return undefined;
  return CODE_IN_MESSAGE.exec(message)?.[1];
}

/**
 * The typed error for a set-up mistake (from setupMistakeOf), with the SDK error as `cause`.
 */
export function translateSetupError(error: unknown, mistake: SetupMistake, facts: SetupFacts): SetupError {
  const cause = { cause: error };
  switch (mistake) {
    case 'table':
      return new TableNotFoundError(facts.tableNames, facts.region, facts.endpoint, cause);
    case 'endpoint':
      return new EndpointUnreachableError(
        facts.endpoint ?? hostOf(error),
        unreachableCodeOf(error) ?? 'unknown',
        cause,
      );
    case 'region':
      return new MissingRegionError(cause);
    case 'credentials':
      return new MissingCredentialsError(String((error as { message?: unknown }).message), cause);
  }
}

/** The host a Node connection error names (`connect ECONNREFUSED 127.0.0.1:9`), when the client's endpoint is unknown. */
function hostOf(error: unknown): string {
  const { hostname, address, port, message } = error as Record<string, unknown>;
  if (typeof hostname === 'string') return hostname;
  if (typeof address === 'string') return typeof port === 'number' ? `${address}:${port}` : address;
  const named = typeof message === 'string' ? /(?:ECONNREFUSED|ENOTFOUND|EAI_AGAIN|UNREACH) (\S+)/.exec(message) : null;
  return named?.[1] ?? 'its endpoint';
}
