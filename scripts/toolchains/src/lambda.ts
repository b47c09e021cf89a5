// A Lambda function's handler, bundled into one file with esbuild as AWS CDK's NodejsFunction and
// serverless-esbuild do (the AWS SDK left out: the Lambda runtime provides it). The client is the
// function's own, pointed at the engine by DYNAMODB_ENDPOINT.
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { Repository } from 'dynamodb-decorators';
import { createTable, decoratorMode, moduleKind, walkthrough, type Phone } from './walkthrough.js';

/** A handler running the walk-through on the model given, returning its lines. */
export function phonebookHandler(Model: new () => Phone): () => Promise<string[]> {
  return async () => {
    // logged as a function logs its set-up (the driver prints the log, then the lines returned)
    console.log(`module: ${moduleKind()}`);
    console.log(`decorators: ${decoratorMode(Model)}`);
    const client = new DynamoDBClient({
      endpoint: process.env['DYNAMODB_ENDPOINT'],
      region: 'us-east-1',
      credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    });
    try {
      const phones = new Repository<Phone>(Model, { client });
      return [await createTable(phones), ...(await walkthrough(phones, Model))];
    } finally {
      client.destroy();
    }
  };
}
