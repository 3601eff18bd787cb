import { createServer, type RequestListener, type Server } from 'node:http';
import type { Socket } from 'node:net';

export interface HttpServerOptions {
  /** Open connections at most; one more is answered 503 and closed. */
  maxConnections: number;
  /** How long a client may take to send its request headers (default 10 s) and whole request (30 s). */
  headersTimeoutMs?: number;
  requestTimeoutMs?: number;
}

const BUSY = [
  'HTTP/1.1 503 Service Unavailable',
  'Content-Type: text/plain; charset=utf-8',
  'Retry-After: 5',
  'Connection: close',
  '',
  'The service is very busy at the moment. Try again in a few seconds.',
].join('\r\n');

/**
 * Node's HTTP server with limits set on purpose: a client that sends its headers or body slowly
 * is cut off, idle keep-alive connections close, and past `maxConnections` a new connection gets
 * a short 503 instead of holding a file descriptor the service needs.
 */
export function createHttpServer(listener: RequestListener, options: HttpServerOptions): Server {
  const server = createServer(
    {
      requestTimeout: options.requestTimeoutMs ?? 30_000,
      headersTimeout: options.headersTimeoutMs ?? 10_000,
      keepAliveTimeout: 5_000,
      maxHeaderSize: 16 * 1024,
      // Node checks the two timeouts above this often; the default (30 s) would let them overrun.
      connectionsCheckingInterval: 1_000,
    },
    listener,
  );
  server.timeout = 60_000;
  const open = new Set<Socket>();
  server.on('connection', (socket: Socket) => {
    if (open.size >= options.maxConnections) {
      socket.end(BUSY);
      socket.destroySoon();
      return;
    }
    open.add(socket);
    socket.once('close', () => open.delete(socket));
  });
  return server;
}
