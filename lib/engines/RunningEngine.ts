import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';

/** The local engines this package can start. */
export type EngineName = 'dynamodb-local' | 'dynalite';

/** A started local engine: where it listens, a client for it, and how to stop it. */
export interface RunningEngine {
  readonly engine: EngineName;
  /** `http://127.0.0.1:<port>`. */
  readonly endpoint: string;
  /** Region 'us-east-1', dummy static credentials; destroyed by `stop()`. */
  readonly client: DynamoDBClient;
  /** Stops the engine and resolves once it no longer listens; calling it again is a no-op. */
  stop(): Promise<void>;
}
