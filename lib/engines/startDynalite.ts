import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { Socket } from 'node:net';
import { resolve } from 'node:path';
import type { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { createLocalClient } from './createLocalClient';
import { EngineError } from './EngineError';
import { keepProcessAliveUntil } from './keepProcessAliveUntil';
import type { RunningEngine } from './RunningEngine';

/** Options of {@link startDynalite}. */
export interface StartDynaliteOptions {
  /** TCP port on 127.0.0.1; a free one by default. */
  port?: number;
  /** Directory for a LevelDB store (created if missing), kept across restarts; in memory by default. */
  path?: string;
}

// The part of dynalite's untyped API used here: it returns an http.Server, not yet listening.
type Dynalite = (options: {
  path?: string;
  createTableMs?: number;
  deleteTableMs?: number;
  updateTableMs?: number;
}) => Server;

/**
 * Starts dynalite, a Java-free DynamoDB written in Node, inside this process on 127.0.0.1.
 * @throws EngineError when `dynalite` is not installed or the server cannot listen (e.g. port taken).
 * @example
 * const engine = await startDynalite();
 * try {
 *   await engine.client.send(new ListTablesCommand({}));
 * } finally {
 *   await engine.stop();
 * }
 */
export async function startDynalite(options: StartDynaliteOptions = {}): Promise<RunningEngine> {
  const dynalite = loadDynalite();
  let path: string | undefined;
  if (options.path !== undefined) {
    path = resolve(options.path);
    try {
      mkdirSync(path, { recursive: true });
    } catch (error) {
      throw new EngineError(`dynalite cannot use ${path} for its data: ${String(error)}`, {
        engine: 'dynalite',
        cause: error,
      });
    }
  }
  // Tables, indexes and deletions settle at once: tests should not wait for simulated delays.
  const server = dynalite({ path, createTableMs: 0, deleteTableMs: 0, updateTableMs: 0 });
  const port = await listen(server, options.port ?? 0);
  // Like DynamoDB Local's process, a forgotten engine must not keep a script from exiting: neither
  // the listening socket nor idle keep-alive connections (a request in flight still holds its client's socket).
  server.unref();
  const connections = trackConnections(server);
  const endpoint = `http://127.0.0.1:${port}`;
  const client = createLocalClient(endpoint);
  let stopping: Promise<void> | undefined;
  return {
    engine: 'dynalite',
    endpoint,
    client,
    stop() {
      stopping ??= keepProcessAliveUntil(close(server, connections, client));
      return stopping;
    },
  };
}

function loadDynalite(): Dynalite {
  try {
    // Loaded only when called: dynalite is an optional, development-time package.
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- an optional peer, loaded on first use
    return require('dynalite') as Dynalite;
  } catch (error) {
    throw new EngineError('dynalite is not installed: npm install --save-dev dynalite', {
      engine: 'dynalite',
      cause: error,
    });
  }
}

function listen(server: Server, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error) =>
      reject(
        new EngineError(`dynalite cannot listen on 127.0.0.1:${port}: ${error.message}`, {
          engine: 'dynalite',
          cause: error,
        }),
      ),
    );
    server.listen(port, '127.0.0.1', () => {
      const address = server.address();
      resolve(typeof address === 'object' && address !== null ? address.port : port);
    });
  });
}

const FORCE_CLOSE_AFTER_MS = 10_000;

/** The server's connections, and how to close each one once it has no request in flight. */
interface Connections {
  /** Closes every connection without a request in flight now, and each other one once its last request is answered. */
  closeWhenIdle(): void;
  /** Closes every connection, requests in flight or not. */
  closeAll(): void;
}

function trackConnections(server: Server): Connections {
  // Requests being answered, per connection. Node's own closeIdleConnections() leaves alone a
  // connection that has not sent a complete request yet, so that one would hold close() for minutes.
  const inFlight = new Map<Socket, number>();
  let stopping = false;
  server.on('connection', (socket) => {
    socket.unref();
    inFlight.set(socket, 0);
    socket.once('close', () => inFlight.delete(socket));
  });
  server.on('request', (request, response) => {
    const { socket } = request;
    inFlight.set(socket, (inFlight.get(socket) ?? 0) + 1);
    response.once('close', () => {
      const requests = inFlight.get(socket);
      if (requests === undefined) return; // the connection is gone already
      inFlight.set(socket, requests - 1);
      if (stopping && requests === 1) socket.destroy();
    });
  });
  return {
    closeWhenIdle() {
      stopping = true;
      for (const [socket, requests] of inFlight) if (requests === 0) socket.destroy();
    },
    closeAll() {
      for (const socket of inFlight.keys()) socket.destroy();
    },
  };
}

function close(server: Server, connections: Connections, client: DynamoDBClient): Promise<void> {
  client.destroy();
  return new Promise((resolve, reject) => {
    // dynalite's close() closes its store once the HTTP server has closed, i.e. once every
    // connection is gone. Killing connections with a request in flight would let that request
    // reach a closed store, and dynalite throws from it (an uncaught exception): so requests in
    // flight finish, and each connection is closed as soon as it falls idle.
    const force = setTimeout(() => connections.closeAll(), FORCE_CLOSE_AFTER_MS);
    server.close((error) => {
      clearTimeout(force);
      if (error)
        reject(
          new EngineError(`dynalite did not stop cleanly: ${error.message}`, { engine: 'dynalite', cause: error }),
        );
      else resolve();
    });
    connections.closeWhenIdle();
  });
}
