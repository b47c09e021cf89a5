import { SetupError } from './SetupError';

/** The client has no region: the SDK's "Region is missing", kept as `cause`. */
export class MissingRegionError extends SetupError {
  /** The DynamoDBClient option to set. */
  readonly setting = 'region';
  /** The environment variables the SDK reads it from. */
  readonly environmentVariables: readonly string[] = ['AWS_REGION'];

  constructor(options?: ErrorOptions) {
    super(
      "No AWS region is configured: set the AWS_REGION environment variable, a region in your profile's ~/.aws/config, " +
        "or the region option of the DynamoDBClient (new DynamoDBClient({ region: 'eu-west-1' })); a local engine takes any region.",
      options,
    );
  }
}
