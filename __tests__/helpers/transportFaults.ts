import { once } from 'node:events';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { HttpResponse, type HttpHandler, type HttpRequest } from '@smithy/core/protocols';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HttpHandlerOptions, NodeHttpHandlerOptions } from '@smithy/types';

// Faults injected below the SDK's retry strategy, at the transport: what the SDK does with them
// (parse the error, classify it, back off, retry, give up) is the SDK's real code, not a mock.

/** The DynamoDB operation of a request (`PutItem`), from its `x-amz-target` header. */
export function operationOf(headers: Readonly<Record<string, string | string[] | undefined>>): string {
  const target = headers['x-amz-target'] ?? headers['X-Amz-Target'];
  return (
    String(target ?? '')
      .split('.')
      .pop() ?? ''
  );
}

/** An HTTP error answer, as DynamoDB sends it: a status and a JSON body naming the error type. */
export interface ErrorAnswer {
  readonly statusCode: number;
  readonly type: string;
  readonly message: string;
  /** More members of the body, as the engine sends them with some errors (`CancellationReasons`). */
  readonly fields?: Readonly<Record<string, unknown>>;
}

/** Decides, for one attempt of an operation (1-based, counted per operation), whether to answer with an error instead of the engine. */
export type AttemptFault = (operation: string, attempt: number, body: string) => ErrorAnswer | undefined;

/** A client whose requests go through a handler that may answer some attempts itself. */
export interface FaultyTransportClient {
  readonly client: DynamoDBClient;
  /** Attempts per operation that reached the transport (answered by the fault or by the engine). */
  readonly attempts: Map<string, number>;
  /** How many attempts the fault answered. */
  readonly injected: () => number;
}

/** Delegates to the SDK's own NodeHttpHandler, except for the attempts `fault` answers. */
class FaultyHandler implements HttpHandler<NodeHttpHandlerOptions> {
  readonly attempts = new Map<string, number>();
  injected = 0;
  private readonly inner = new NodeHttpHandler();

  constructor(private readonly fault: AttemptFault) {}

  async handle(request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }> {
    const operation = operationOf(request.headers);
    const attempt = (this.attempts.get(operation) ?? 0) + 1;
    this.attempts.set(operation, attempt);
    const answer = this.fault(operation, attempt, typeof request.body === 'string' ? request.body : '');
    if (!answer) return this.inner.handle(request, options);
    this.injected += 1;
    const body = JSON.stringify({
      __type: `com.amazonaws.dynamodb.v20120810#${answer.type}`,
      message: answer.message,
      ...answer.fields,
    });
    return {
      response: new HttpResponse({
        statusCode: answer.statusCode,
        headers: { 'content-type': 'application/x-amz-json-1.0', 'x-amzn-requestid': `injected-${this.injected}` },
        body: Readable.from([Buffer.from(body)]),
      }),
    };
  }

  updateHttpClientConfig(key: keyof NodeHttpHandlerOptions, value: NodeHttpHandlerOptions[typeof key]): void {
    this.inner.updateHttpClientConfig(key, value);
  }

  httpHandlerConfigs(): NodeHttpHandlerOptions {
    return this.inner.httpHandlerConfigs();
  }

  destroy(): void {
    this.inner.destroy();
  }
}

/**
 * A client of its own for `endpoint` whose transport answers the attempts `fault` picks with an
 * HTTP error (e.g. 400 ProvisionedThroughputExceededException), so the SDK's real deserializer and
 * retry strategy (throttling backoff, `maxAttempts`) handle it.
 */
export function faultyTransportClient(
  endpoint: string,
  fault: AttemptFault,
  maxAttempts: number,
): FaultyTransportClient {
  const handler = new FaultyHandler(fault);
  const client = new DynamoDBClient({
    region: 'us-east-1',
    endpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
    maxAttempts,
    requestHandler: handler,
  });
  return { client, attempts: handler.attempts, injected: () => handler.injected };
}

/** What the proxy does with one request: pass it on, or drop the connection before or after the engine saw it. */
export type ProxyDecision = 'forward' | 'reset-before' | 'reset-after';

/** A TCP-level fault injector between a client and an engine. */
export interface ResettingProxy {
  /** `http://127.0.0.1:<port>`: point a client here. */
  readonly endpoint: string;
  /** The bodies of the requests whose connection was reset, with when the reset happened. */
  readonly resets: {
    readonly decision: Exclude<ProxyDecision, 'forward'>;
    readonly operation: string;
    readonly body: string;
  }[];
  /** How many requests reached the proxy, per operation. */
  readonly requests: Map<string, number>;
  close(): Promise<void>;
}

/**
 * Starts an HTTP proxy to `target` that destroys the client's socket for the requests `decide`
 * picks: before forwarding (the engine never sees the request) or after the engine answered (the
 * write happened, the acknowledgement is lost). The client sees a real `ECONNRESET`.
 */
export async function startResettingProxy(
  target: string,
  decide: (operation: string, body: string) => ProxyDecision,
): Promise<ResettingProxy> {
  const upstream = new http.Agent({ keepAlive: true });
  const resets: ResettingProxy['resets'][number][] = [];
  const requests = new Map<string, number>();
  const server = http.createServer((request, response) => {
    void (async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of request) chunks.push(chunk as Buffer);
      const body = Buffer.concat(chunks);
      const operation = operationOf(request.headers);
      requests.set(operation, (requests.get(operation) ?? 0) + 1);
      const decision = decide(operation, body.toString('utf8'));
      if (decision === 'reset-before') {
        resets.push({ decision, operation, body: body.toString('utf8') });
        request.socket.destroy();
        return;
      }
      const forwarded = http.request(new URL(request.url ?? '/', target), {
        method: request.method,
        headers: request.headers,
        agent: upstream,
      });
      forwarded.end(body);
      const [answer] = (await once(forwarded, 'response')) as [http.IncomingMessage];
      const answerChunks: Buffer[] = [];
      for await (const chunk of answer) answerChunks.push(chunk as Buffer);
      if (decision === 'reset-after') {
        resets.push({ decision, operation, body: body.toString('utf8') });
        request.socket.destroy();
        return;
      }
      response.writeHead(answer.statusCode ?? 500, answer.headers);
      response.end(Buffer.concat(answerChunks));
    })().catch(() => request.socket.destroy());
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  const { port } = server.address() as AddressInfo;
  return {
    endpoint: `http://127.0.0.1:${port}`,
    resets,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      upstream.destroy();
    },
  };
}
