/*
 * Queries and render time of every public page, uncached, on a large council's plan:
 *   DATABASE_URL=postgres://… npx tsx scripts/page-timings.ts [--requests 30] [--total 1000] [--database page_timings] [--only 'current plan;decisions, one committee']
 * Works in a database of its own on that server (made, migrated and filled with the sample plus
 * copies of its decisions up to --total on first use; --fresh drops it first), one request at a time over
 * loopback, so the median is one page's own cost. The current plan is also timed in parts: the
 * database, the Nunjucks render, and turning the string into the bytes sent.
 */
import { createServer, request, Agent } from 'node:http';
import type { AddressInfo } from 'node:net';
import { parseArgs } from 'node:util';
import { sql } from 'kysely';
import { queryCounter } from '../test/helpers/query-counter.ts';
import pg from 'pg';
import { createApp, NAVIGATION, SERVICE_NAME } from '../src/app.ts';
import { testConfig } from '../src/config/config.ts';
import { createDb } from '../src/db/create-db.ts';
import { migrateToLatestOrThrow } from '../src/db/migrate.ts';
import { createDeps } from '../src/deps.ts';
import { feedLinksForFilters } from '../src/decisions/following/feed-links.ts';
import { createTemplates } from '../src/http/render.ts';
import { ManualClock } from '../src/lib/clock.ts';
import { loadSample } from '../src/sample/load-sample.ts';
import { addManyDecisions, publicPages } from './many-decisions.ts';

const { values } = parseArgs({
  options: {
    requests: { type: 'string', default: '30' },
    total: { type: 'string', default: '1000' },
    database: { type: 'string', default: 'page_timings' },
    fresh: { type: 'boolean', default: false },
    only: { type: 'string' },
  },
});
const REQUESTS = Math.max(1, Number.parseInt(values.requests, 10) || 30);
const TOTAL = Math.max(39, Number.parseInt(values.total, 10) || 1000);
const DATABASE = values.database;
if (!/^[a-z_][a-z0-9_]{0,40}$/.test(DATABASE)) throw new Error('--database: lower-case letters, digits and _');

const median = (xs: number[]) => {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};
const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;

async function main() {
  const url = process.env.DATABASE_URL;
  if (!url) throw new Error('Set DATABASE_URL to a PostgreSQL server (a scratch database): the timings are for a real server');
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  if (values.fresh) await admin.query(`DROP DATABASE IF EXISTS ${DATABASE} WITH (FORCE)`);
  const exists = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
  if (!exists.rowCount) await admin.query(`CREATE DATABASE ${DATABASE}`);
  await admin.end();

  const target = new URL(url);
  target.pathname = `/${DATABASE}`;
  const handle = createDb({ url: target.href, poolSize: 10 });
  await migrateToLatestOrThrow(handle.db);
  const counter = queryCounter();
  const config = testConfig({ databaseUrl: target.href, baseUrl: 'https://forwardplan.example.gov.uk', schedulerEnabled: false });
  const deps = createDeps(config, handle.db.withPlugin(counter.plugin), new ManualClock('2024-03-11T10:00:00Z'));
  if (!(await handle.db.selectFrom('plans').select('id').executeTakeFirst())) {
    const started = performance.now();
    await loadSample(deps);
    const many = await addManyDecisions(handle.db, { total: TOTAL });
    await sql`ANALYZE`.execute(handle.db);
    console.log(`made ${many.entries} live decisions in ${many.committees} committees, plan of ${many.publishedOn}, in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  }

  const server = createServer(createApp(deps).callback());
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as AddressInfo).port;
  const agent = new Agent({ keepAlive: true, maxSockets: 1 });
  const get = (path: string, encoding = 'identity') =>
    new Promise<{ status: number; bytes: number }>((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port, path, agent, headers: { 'Accept-Encoding': encoding } }, (res) => {
        let bytes = 0;
        res.on('data', (chunk: Buffer) => (bytes += chunk.length));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, bytes }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });

  const only = values.only?.split(';');
  const pages = (await publicPages(handle.db)).filter((p) => !only || only.some((o) => p.name === o || p.path === o));
  const rows: string[][] = [];
  for (const page of pages) {
    for (let i = 0; i < 3; i += 1) await get(page.path);
    // The council's details are cached for a minute; forgetting them counts the query a page pays when that runs out.
    deps.council.forget();
    const before = counter.count();
    const first = await get(page.path);
    const count = counter.count() - before;
    if (first.status !== 200) throw new Error(`${page.path}: ${first.status}`);
    const times: number[] = [];
    // This process's CPU time (the app and the client): on a machine others are using too, a
    // steadier measure of the app's own work than the wall clock, which waits for the CPU.
    const cpu = process.cpuUsage();
    for (let i = 0; i < REQUESTS; i += 1) {
      const t0 = performance.now();
      await get(page.path);
      times.push(performance.now() - t0);
    }
    const used = process.cpuUsage(cpu);
    const cpuMs = (used.user + used.system) / 1000 / REQUESTS;
    const brotli = await get(page.path, 'br');
    rows.push([page.name, page.path.length > 60 ? `${page.path.slice(0, 57)}…` : page.path, String(count), median(times).toFixed(1), p95(times).toFixed(1), cpuMs.toFixed(1), String(first.bytes), String(brotli.bytes)]);
  }

  // The current plan in its two halves, as its route does them.
  const templates = createTemplates();
  const sqlTimes: number[] = [];
  const renderTimes: number[] = [];
  const flattenTimes: number[] = [];
  const encodeTimes: number[] = [];
  let html = '';
  for (let i = 0; i < REQUESTS + 3; i += 1) {
    const t0 = performance.now();
    const plan = await deps.plans.latest();
    const t1 = performance.now();
    html = templates.render('pages/plan.njk', {
      serviceName: SERVICE_NAME, navigation: NAVIGATION, council: await deps.council.get(), currentPath: '/', currentUrl: '/',
      cspNonce: 'x', plan, commentUrl: '/comments/new', ...feedLinksForFilters({}),
    });
    const t2 = performance.now();
    // What Koa and the socket then do with the string: count its UTF-8 bytes for Content-Length
    // (which first flattens the rope of pieces Nunjucks concatenated), and encode it to write it.
    Buffer.byteLength(html);
    const t3 = performance.now();
    Buffer.from(html);
    const t4 = performance.now();
    if (i >= 3) {
      sqlTimes.push(t1 - t0);
      renderTimes.push(t2 - t1);
      flattenTimes.push(t3 - t2);
      encodeTimes.push(t4 - t3);
    }
  }
  const br = await get('/', 'br');
  const gz = await get('/', 'gzip');
  const brTimes: number[] = [];
  for (let i = 0; i < Math.min(REQUESTS, 15); i += 1) {
    const t0 = performance.now();
    await get('/', 'gzip, deflate, br');
    brTimes.push(performance.now() - t0);
  }

  const header = ['page', 'path', 'queries', 'p50 ms', 'p95 ms', 'CPU ms', 'bytes', 'br bytes'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i < 2 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(`Node ${process.version}, PostgreSQL ${(await handle.db.selectNoFrom((eb) => eb.fn<string>('version', []).as('v')).executeTakeFirstOrThrow()).v.split(' ')[1]}, database ${DATABASE}, ${REQUESTS} requests each, one at a time`);
  console.log(line(header));
  for (const row of rows) console.log(line(row));
  console.log(`current plan, in parts: database and mapping p50 ${median(sqlTimes).toFixed(1)} ms, Nunjucks render p50 ${median(renderTimes).toFixed(1)} ms, flattening and counting the string p50 ${median(flattenTimes).toFixed(1)} ms, UTF-8 encoding p50 ${median(encodeTimes).toFixed(1)} ms; HTML ${html.length.toLocaleString('en-GB')} characters, ${Buffer.byteLength(html).toLocaleString('en-GB')} bytes (brotli ${br.bytes.toLocaleString('en-GB')}, gzip ${gz.bytes.toLocaleString('en-GB')}); with brotli as browsers ask, p50 ${median(brTimes).toFixed(1)} ms`);

  agent.destroy();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  await deps.feeds.close();
  await handle.close();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
