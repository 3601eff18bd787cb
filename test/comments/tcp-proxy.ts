import { createConnection, createServer, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';

/**
 * A TCP relay to a PostgreSQL server that a test can stop and start again on the same port:
 * to the application, the database goes away (connections reset, new ones refused) and comes back.
 */
export async function startTcpProxy(target: { host: string; port: number }) {
  const sockets = new Set<Socket>();
  let port = 0;
  const makeServer = () =>
    createServer((client) => {
      const upstream = createConnection(target);
      for (const s of [client, upstream]) {
        sockets.add(s);
        s.on('close', () => sockets.delete(s));
        s.on('error', () => s.destroy());
      }
      client.pipe(upstream).pipe(client);
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
  };
}
