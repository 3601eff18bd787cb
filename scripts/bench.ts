/*
 * Feed throughput and latency on the sample plan, over loopback HTTP only:
 *   npm run bench -- [--requests 2000] [--cold 300] [--concurrency 8]
 * Runs on a throwaway embedded PostgreSQL. Cold renders are measured one at a time (each after an
 * invalidation), since concurrent requests for one feed share a single render by design.
 * For steadier memory figures, let it collect garbage between cases:
 *   NODE_OPTIONS=--expose-gc npm run bench --
 */
import { Agent, createServer, request } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { createRequestListener } from '../src/app.ts';
import { loadConfig } from '../src/config.ts';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { openDatabase } from '../src/db/open-database.ts';
import { migrateToLatestOrThrow } from '../src/db/migrate.ts';
import { createDeps } from '../src/deps.ts';
import { systemClock } from '../src/lib/clock.ts';
import { loadSample } from '../src/sample/load-sample.ts';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '2000' },
    cold: { type: 'string', default: '300' },
    concurrency: { type: 'string', default: '8' },
  },
});
const bounded = (raw: string, max: number) => Math.max(1, Math.min(max, Number.parseInt(raw, 10) || 1));
const REQUESTS = bounded(values.requests, 20_000);
const COLD = bounded(values.cold, 5_000);
const CONCURRENCY = bounded(values.concurrency, 64);

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;

async function main() {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'forward-plan-bench-'));
  chmodSync(dataDir, 0o755);
  const config = { ...loadConfig(), databaseUrl: undefined, dataDir, host: '127.0.0.1', baseUrl: 'https://forwardplan.example.gov.uk' };
  const database = await openDatabase(config, 'service');
  const handle = database.handle;
  await migrateToLatestOrThrow(handle.db);
  const deps = createDeps(config, handle.db, systemClock, handle);
  await loadSample(deps);
  const server = createServer(createRequestListener(deps));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const agent = new Agent({ keepAlive: true, maxSockets: CONCURRENCY });

  function get(path: string, headers: Record<string, string>): Promise<{ status: number; bytes: number; etag: string }> {
    return new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, agent, headers }, (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes, etag: String(res.headers.etag ?? '') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
  }

  const rows: string[][] = [];
  async function run(name: string, path: string, count: number, concurrency: number, options: { headers?: Record<string, string>; before?: () => void; expect: number }) {
    global.gc?.();
    const latencies: number[] = [];
    let bytes = 0;
    let next = 0;
    const statsBefore = deps.feeds.stats();
    const started = performance.now();
    await Promise.all(
      Array.from({ length: concurrency }, async () => {
        while (next < count) {
          next += 1;
          options.before?.();
          const t0 = performance.now();
          const response = await get(path, options.headers ?? {});
          latencies.push(performance.now() - t0);
          if (response.status !== options.expect) throw new Error(`${name}: ${response.status}, expected ${options.expect}`);
          bytes += response.bytes;
        }
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    latencies.sort((a, b) => a - b);
    const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))]!.toFixed(2);
    const stats = deps.feeds.stats();
    rows.push([
      name, String(count), String(concurrency), (count / seconds).toFixed(0), pct(0.5), pct(0.95),
      String(Math.round(bytes / count)), String(stats.renders - statsBefore.renders), mb(process.memoryUsage().rss),
    ]);
  }

  const all = '/feeds/decisions.rss';
  const committee = '/feeds/decisions.rss?committee=children-and-education';
  const calendar = '/feeds/decisions.ics';
  const invalidate = () => deps.feeds.invalidate();
  const identity = { 'Accept-Encoding': 'identity' };

  // Warm the JIT and the connection pool first, and measure the app's floor: a route that does nothing.
  for (let i = 0; i < 200; i += 1) await get('/healthz', identity);
  global.gc?.();
  const rssBefore = process.memoryUsage().rss;
  await run('baseline: GET /healthz (no feed)', '/healthz', REQUESTS, CONCURRENCY, { headers: identity, expect: 200 });
  await run('cold render, RSS, all (50 items)', all, COLD, 1, { before: invalidate, headers: identity, expect: 200 });
  await run('cold render, iCalendar, all', calendar, COLD, 1, { before: invalidate, headers: identity, expect: 200 });
  await run('warm cached, RSS, all', all, REQUESTS, CONCURRENCY, { headers: identity, expect: 200 });
  await run('warm cached, RSS, all, brotli', all, REQUESTS, CONCURRENCY, { headers: { 'Accept-Encoding': 'gzip, br' }, expect: 200 });
  await run('warm cached, RSS, one committee', committee, REQUESTS, CONCURRENCY, { headers: identity, expect: 200 });
  await run('warm cached, iCalendar, all', calendar, REQUESTS, CONCURRENCY, { headers: identity, expect: 200 });
  const { etag } = await get(all, identity);
  await run('304 If-None-Match, RSS, all', all, REQUESTS, CONCURRENCY, { headers: { 'If-None-Match': etag }, expect: 304 });
  const { etag: icsTag } = await get(calendar, identity);
  await run('304 If-None-Match, iCalendar', calendar, REQUESTS, CONCURRENCY, { headers: { 'If-None-Match': icsTag }, expect: 304 });

  // Pages and the API are rendered from the database on every request (only feeds are cached).
  await run('page: the current plan (HTML, 39 entries)', '/', COLD, 4, { headers: identity, expect: 200 });
  await run('page: /decisions filtered by committee', '/decisions?committee=children-and-education', COLD, 4, { headers: identity, expect: 200 });
  await run('page: /decisions full-text search', '/decisions?q=recycling%20contract', COLD, 4, { headers: identity, expect: 200 });
  await run('page: one decision', '/decisions/2', COLD, 4, { headers: identity, expect: 200 });
  await run('API: /api/v1/decisions?limit=100', '/api/v1/decisions?limit=100', COLD, 4, { headers: identity, expect: 200 });
  await run('bad input: /decisions?page=-1 (400)', '/decisions?page=-1', COLD, 4, { headers: identity, expect: 400 });

  const header = ['case', 'requests', 'concurrency', 'req/s', 'p50 ms', 'p95 ms', 'bytes/resp', 'renders', 'RSS after'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`Node ${process.version}, embedded PostgreSQL, sample plan (39 decisions), 127.0.0.1:${port}`);
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log(`memory (RSS): ${mb(rssBefore)} before the requests, ${mb(process.memoryUsage().rss)} after; feed cache ${deps.feeds.stats().entries} entries, ${mb(deps.feeds.stats().bytes)}`);

  agent.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await deps.feeds.close();
  await database.close();
  rmSync(dataDir, { recursive: true, force: true });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
