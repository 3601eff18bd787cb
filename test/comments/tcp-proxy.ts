import { createConnection, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP relay to a PostgreSQL server that a test can stop and start again on the same port:
 * to the application, the database goes away (connections reset, new ones refused) and comes back.
 */
export async function startTcpProxy(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  let port = 0;
  // Frozen: bytes are swallowed both ways, connections stay open — a server that stops answering.
  let frozen = false;
  const relay = (from: Socket, to: Socket) =>
    from.on('data', (chunk) => {
      if (!frozen) to.write(chunk);
    });
  const makeServer = () =>
    createServer((client) => {
      const upstream = createConnection(target);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      relay(client, upstream);
      relay(upstream, client);
      client.on('close', () => upstream.destroy());
      upstream.on('close', () => client.destroy());
    });
  let server = makeServer();
  let running = false;
  const listen = () =>
    new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(port, '127.0.0.1', () => {
        running = true;
        resolve();
      });
    });
  await listen();
  port = (server.address() as AddressInfo).port;
  return {
    port,
    async stop() {
      if (!running) return;
      running = false;
      for (const s of sockets) s.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
    async start() {
      if (running) return;
      server = makeServer();
      await listen();
    },
    freeze() {
      frozen = true;
    },
    thaw() {
      frozen = false;
    },
  };
}
