import { DynamoDB, DynamoDBClient, type AttributeValue, type DynamoDBClientConfig } from '@aws-sdk/client-dynamodb';

// Clients for the contenders: either against an engine's endpoint, or with an in-memory request
// handler that answers every request at once with a canned response, so that what is timed is
// the client-side work (library + SDK middleware, signing, JSON) and nothing of an engine.

const credentials = { accessKeyId: 'local', secretAccessKey: 'local' };

/** What a contender's in-memory handler answers. */
export interface CannedAnswers {
  /** The stored item that GetItem, UpdateItem (ALL_NEW) and DeleteItem (ALL_OLD) return. */
  readonly item: Record<string, AttributeValue>;
  /** False for a contender whose delete asks for no ReturnValues (its response then has no Attributes). */
  readonly deleteReturnsItem: boolean;
}

/** Where a contender's client sends its requests. */
export type Target =
  { readonly kind: 'memory'; readonly capture?: string[] } | { readonly kind: 'engine'; readonly endpoint: string };

/**
 * A client for one contender (`answers`: what the in-memory handler returns). `aggregated` gives the `DynamoDB` class (dynamoose calls its
 * methods by name); its `send` is the same as `DynamoDBClient`'s.
 */
export function createClient(target: Target, answers?: CannedAnswers, aggregated = false): DynamoDBClient {
  const config: DynamoDBClientConfig = {
    region: 'us-east-1',
    credentials,
    endpoint: target.kind === 'engine' ? target.endpoint : 'http://127.0.0.1:8000',
    ...(target.kind === 'memory' && {
      requestHandler: cannedHandler(answers ?? { item: {}, deleteReturnsItem: false }, target.capture),
    }),
  };
  return aggregated ? new DynamoDB(config) : new DynamoDBClient(config);
}

/**
 * An HttpHandler that never touches the network: it answers each operation (from the
 * X-Amz-Target header) with a canned 200 response whose JSON body was encoded once. With
 * `capture`, the request bodies are kept (to document what each contender sends).
 */
export function cannedHandler(
  answers: CannedAnswers,
  capture?: string[],
): NonNullable<DynamoDBClientConfig['requestHandler']> {
  const item = JSON.stringify(answers.item);
  const bodies: Record<string, Uint8Array> = {
    PutItem: Buffer.from('{}'),
    GetItem: Buffer.from(`{"Item":${item}}`),
    UpdateItem: Buffer.from(`{"Attributes":${item}}`),
    DeleteItem: Buffer.from(answers.deleteReturnsItem ? `{"Attributes":${item}}` : '{}'),
    DescribeTable: Buffer.from('{"Table":{"TableStatus":"ACTIVE"}}'),
  };
  return {
    metadata: { handlerProtocol: 'http/1.1' },
    handle(request: { headers: Record<string, string>; body?: unknown }) {
      const target = request.headers['x-amz-target'] ?? '';
      const operation = target.slice(target.indexOf('.') + 1);
      const body = bodies[operation];
      if (!body) return Promise.reject(new Error(`canned handler: no answer for ${operation}`));
      if (capture) capture.push(`${operation} ${bodyText(request.body)}`);
      return Promise.resolve({
        response: {
          statusCode: 200,
          reason: 'OK',
          // a fresh copy per response, as a socket would give: the SDK adapts the body in place
          headers: {
            'content-type': 'application/x-amz-json-1.0',
            'content-length': String(body.byteLength),
            'x-amzn-requestid': 'canned',
          },
          body: body.slice(),
        },
      });
    },
    updateHttpClientConfig() {},
    httpHandlerConfigs() {
      return {};
    },
    destroy() {},
  };
}

function bodyText(body: unknown): string {
  if (typeof body === 'string') return body;
  return body instanceof Uint8Array ? new TextDecoder().decode(body) : String(body);
}
