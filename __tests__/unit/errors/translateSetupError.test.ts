import { ResourceNotFoundException } from '@aws-sdk/client-dynamodb';
import {
  EndpointUnreachableError,
  MissingCredentialsError,
  MissingRegionError,
  OrmError,
  SetupError,
  TableNotFoundError,
} from '../../../lib';
import { setupMistakeOf, translateSetupError, unreachableCodeOf } from '../../../lib/errors/translateSetupError';

const facts = { tableNames: ['phones'], region: 'eu-west-1', endpoint: 'https://dynamodb.eu-west-1.amazonaws.com' };
const named = (name: string, message: string, fields: object = {}): Error =>
  Object.assign(new Error(message), { name, ...fields });

describe('setupMistakeOf: SDK errors that reveal a set-up mistake, matched by name, code and message', () => {
  it.each<[string, unknown, ReturnType<typeof setupMistakeOf>]>([
    [
      'the SDK class of a missing table',
      new ResourceNotFoundException({ message: 'not found', $metadata: {} }),
      'table',
    ],
    [
      'a missing table from another SDK copy',
      named('ResourceNotFoundException', 'Requested resource not found'),
      'table',
    ],
    [
      'the default chain finding nothing',
      named('CredentialsProviderError', 'Could not load credentials from any providers'),
      'credentials',
    ],
    [
      'a profile that does not exist',
      named('CredentialsProviderError', 'Could not resolve credentials using profile: [x]'),
      'credentials',
    ],
    ['the region provider', new Error('Region is missing'), 'region'],
    ['a refused connection', named('Error', 'connect ECONNREFUSED 127.0.0.1:9', { code: 'ECONNREFUSED' }), 'endpoint'],
    ['an unknown host', named('Error', 'getaddrinfo ENOTFOUND nohost.invalid', { code: 'ENOTFOUND' }), 'endpoint'],
    [
      'a refused connection re-wrapped by the SDK in another realm (jest)',
      new Error('AWS SDK error wrapper for Error: connect ECONNREFUSED 127.0.0.1:9'),
      'endpoint',
    ],
    ['a connection reset mid-request', named('Error', 'socket hang up', { code: 'ECONNRESET' }), undefined],
    ['a timeout', named('TimeoutError', 'Connection timed out after 1000 ms'), undefined],
    [
      'an engine answer whose message quotes a code',
      named('ValidationException', 'value ECONNREFUSED is bad', { $metadata: { httpStatusCode: 400 } }),
      undefined,
    ],
    ['a failed condition', named('ConditionalCheckFailedException', 'The conditional request failed'), undefined],
    ['access denied', named('AccessDeniedException', 'User is not authorized'), undefined],
    ['not an error', 'ECONNREFUSED', undefined],
    ['null', null, undefined],
  ])('%s', (_case, error, mistake) => {
    expect(setupMistakeOf(error)).toBe(mistake);
  });

  it('reads the code from the error, else from its message', () => {
    expect(unreachableCodeOf({ code: 'EHOSTUNREACH' })).toBe('EHOSTUNREACH');
    expect(unreachableCodeOf({ message: 'AWS SDK error wrapper for Error: getaddrinfo EAI_AGAIN x' })).toBe(
      'EAI_AGAIN',
    );
    expect(unreachableCodeOf({ code: 'EPIPE', message: 'ECONNREFUSED' })).toBeUndefined();
  });
});

describe('translateSetupError: typed errors whose message says what to do, the SDK error as cause', () => {
  it('a missing table names it, the region and endpoint, and says to call createTable()', () => {
    const cause = named('ResourceNotFoundException', 'Requested resource not found');
    const error = translateSetupError(cause, 'table', facts);
    expect(error).toBeInstanceOf(TableNotFoundError);
    expect(error).toBeInstanceOf(SetupError);
    expect(error).toBeInstanceOf(OrmError);
    expect(error).toMatchObject({ name: 'TableNotFoundError', tableNames: ['phones'], region: 'eu-west-1', cause });
    expect(error.message).toBe(
      'Table phones does not exist in region eu-west-1 at https://dynamodb.eu-west-1.amazonaws.com: call createTable() ' +
        "on its repository first, or check the tableName option and the client's region and endpoint.",
    );
  });

  it("a transaction's tables are all named, and unknown region and endpoint are left out", () => {
    const error = translateSetupError(new Error('x'), 'table', {
      tableNames: ['a', 'b'],
      region: undefined,
      endpoint: undefined,
    });
    expect(error.message).toBe(
      'One of the tables a, b does not exist: call createTable() on their repositories first, ' +
        "or check the tableName option and the client's region and endpoint.",
    );
  });

  it('an unreachable endpoint names the endpoint and the code, else the host the error names', () => {
    const cause = named('Error', 'getaddrinfo ENOTFOUND dynamodb.eu-wset-1.amazonaws.com', {
      code: 'ENOTFOUND',
      hostname: 'dynamodb.eu-wset-1.amazonaws.com',
    });
    const error = translateSetupError(cause, 'endpoint', {
      ...facts,
      endpoint: 'https://dynamodb.eu-wset-1.amazonaws.com',
    });
    expect(error).toBeInstanceOf(EndpointUnreachableError);
    expect(error).toMatchObject({ endpoint: 'https://dynamodb.eu-wset-1.amazonaws.com', code: 'ENOTFOUND', cause });
    expect(error.message).toMatch(/its host name is not found: check the client's endpoint option, or its region/);
    const hostOnly = translateSetupError(cause, 'endpoint', { ...facts, endpoint: undefined });
    expect(hostOnly).toMatchObject({ endpoint: 'dynamodb.eu-wset-1.amazonaws.com' });
    const wrapped = new Error('AWS SDK error wrapper for Error: connect ECONNREFUSED 127.0.0.1:9');
    expect(translateSetupError(wrapped, 'endpoint', { ...facts, endpoint: undefined })).toMatchObject({
      endpoint: '127.0.0.1:9',
      code: 'ECONNREFUSED',
    });
  });

  it('a missing region or missing credentials say which variables and option to set', () => {
    const region = translateSetupError(new Error('Region is missing'), 'region', facts);
    expect(region).toBeInstanceOf(MissingRegionError);
    expect(region).toMatchObject({ setting: 'region', environmentVariables: ['AWS_REGION'] });
    expect(region.message).toContain('AWS_REGION');
    const provider = named('CredentialsProviderError', 'Could not load credentials from any providers');
    const credentials = translateSetupError(provider, 'credentials', facts);
    expect(credentials).toBeInstanceOf(MissingCredentialsError);
    expect(credentials).toMatchObject({ setting: 'credentials', cause: provider });
    expect(credentials.message).toContain('"Could not load credentials from any providers"');
    for (const variable of ['AWS_ACCESS_KEY_ID', 'AWS_SECRET_ACCESS_KEY', 'AWS_PROFILE']) {
      expect(credentials.message).toContain(variable);
    }
  });
});
