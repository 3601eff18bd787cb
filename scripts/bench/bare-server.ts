import { readFileSync } from 'node:fs';
import { createServer } from 'node:http';

/*
 * The comparison: a bare Node HTTP server answering the very bytes and headers the service
 * answered, from memory, with nothing else in the way. Run as its own process:
 *   tsx scripts/bench/bare-server.ts MANIFEST.json PORT
 */

export interface CapturedResponse {
  path: string;
  headers: Record<string, string>;
  body: string; // base64
}

const [manifestFile, port] = process.argv.slice(2);
const captured = JSON.parse(readFileSync(manifestFile!, 'utf8')) as CapturedResponse[];
const byPath = new Map(
  captured.map((c) => {
    const headers = Object.entries(c.headers).flat();
    const body = Buffer.from(c.body, 'base64');
    return [c.path, { headers: [...headers, 'content-length', String(body.length)] as string[], etag: c.headers.etag, body }] as [string, { headers: string[]; etag: string | undefined; body: Buffer }];
  }),
);

createServer((req, res) => {
  if (req.url === '/healthz') {
    res.writeHead(200, ['content-type', 'application/json; charset=utf-8', 'cache-control', 'no-store']).end('{"status":"ok"}');
    return;
  }
  const found = byPath.get(req.url ?? '');
  if (!found) {
    res.writeHead(404).end();
    return;
  }
  if (found.etag && req.headers['if-none-match'] === found.etag) {
    res.writeHead(304, ['etag', found.etag]).end();
    return;
  }
  res.writeHead(200, found.headers).end(found.body);
}).listen(Number(port), '127.0.0.1', () => console.log(`bare server ready (process ${process.pid})`));
