import test from 'ava';
import { connect, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { createHttpServer } from '../../src/http/server.ts';

async function listening(maxConnections: number, timeouts: { headersTimeoutMs?: number; requestTimeoutMs?: number } = {}) {
  const server = createHttpServer((_req, res) => res.end('ok'), { maxConnections, ...timeouts });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { server, port: (server.address() as AddressInfo).port };
}

function open(port: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => resolve(socket));
    socket.on('error', reject);
  });
}

const received = (socket: Socket) =>
  new Promise<string>((resolve) => {
    let text = '';
    socket.on('data', (chunk) => (text += chunk.toString()));
    socket.on('close', () => resolve(text));
  });

test('past the connection limit a new connection gets a short 503 and is closed; the others carry on', async (t) => {
  const { server, port } = await listening(2);
  const held = [await open(port), await open(port)];
  t.teardown(() => {
    for (const s of held) s.destroy();
    server.close();
  });
  const extra = await open(port);
  const answer = await received(extra);
  t.regex(answer, /^HTTP\/1\.1 503 Service Unavailable/);
  t.regex(answer, /Retry-After: 5/);
  t.regex(answer, /very busy/);
  held[0]!.write('GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n');
  t.regex(await received(held[0]!), /200 OK[\s\S]*ok$/);
});

test('a client that sends its headers too slowly is cut off', async (t) => {
  const { server, port } = await listening(10, { headersTimeoutMs: 500, requestTimeoutMs: 1_000 });
  t.teardown(() => server.close());
  const slow = await open(port);
  slow.write('GET / HTTP/1.1\r\nHost: x\r\n');
  const started = Date.now();
  const answer = await received(slow);
  t.regex(answer, /^HTTP\/1\.1 408/);
  t.true(Date.now() - started < 5_000);
});
