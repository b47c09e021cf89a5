import { SetupError } from './SetupError';

/**
 * The client's credential provider found no credentials (the SDK's CredentialsProviderError,
 * kept as `cause`; its message is `detail`).
 */
export class MissingCredentialsError extends SetupError {
  /** The DynamoDBClient option to set. */
  readonly setting = 'credentials';
  /** The environment variables the SDK's default chain reads first. */
  readonly environmentVariables: readonly string[] = [
    'AWS_ACCESS_KEY_ID',
    'AWS_SECRET_ACCESS_KEY',
    'AWS_SESSION_TOKEN',
    'AWS_PROFILE',
  ];

  constructor(
    /** What the SDK's provider said (it names no secret). */
    readonly detail: string,
    options?: ErrorOptions,
  ) {
    super(
      `No AWS credentials (the SDK's provider: "${detail}"): set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY ` +
        '(and AWS_SESSION_TOKEN for temporary ones), or AWS_PROFILE naming a profile of ~/.aws/credentials or ~/.aws/config ' +
        '(aws configure, aws sso login), or the credentials option of the DynamoDBClient; a local engine takes any values.',
      options,
    );
  }
}
