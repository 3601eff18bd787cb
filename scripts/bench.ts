/*
 * The service under load, beside a bare Node HTTP server answering the very same bytes:
 *   npm run bench -- [--seconds 10] [--skip-data]
 * Builds a large council on a throwaway embedded PostgreSQL, times the 10,000-row import and the
 * publication of a 2,000-entry plan, starts the service as `npm start` does, loads it with
 * autocannon at 50 and 200 connections, probes /healthz on fresh connections meanwhile, times
 * uncached renders and reports memory. Prints Markdown tables for the README.
 */
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { createDb, type Db } from '../src/db/create-db.ts';
import { startEmbeddedServer, type EmbeddedServer } from '../src/db/embedded/embedded-server.ts';
import { migrateToLatestOrThrow } from '../src/db/migrate.ts';
import { addDays, isoWeekday } from '../src/lib/dates.ts';
import { capture, CLIENT_HEADERS } from './bench/capture.ts';
import { measureImport, measurePublication } from './bench/data-timings.ts';
import { buildLargeCouncil } from './bench/large-council.ts';
import { freshGet, load, LOADER, median, type LoadResult } from './bench/load.ts';
import { residentBytes, startProcess, treeResidentBytes, type Started } from './bench/processes.ts';
import { formatReport, type Report } from './bench/report.ts';

const { values } = parseArgs({ options: { seconds: { type: 'string', default: '10' }, 'skip-data': { type: 'boolean', default: false } } });
const SECONDS = Math.max(1, Math.min(120, Number.parseInt(values.seconds, 10) || 10));
const UNCACHED_SAMPLES = 15;
const COLD_PDFS = 20;
const IDLE_SETTLE_MS = 20_000;

interface Target {
  name: string;
  path: string;
  headers?: Record<string, string>;
  expect?: number;
}

function lastFriday(today: string): string {
  return addDays(today, -((isoWeekday(today) + 2) % 7));
}

async function onFreshDatabase<T>(server: EmbeddedServer, name: string, work: (db: Db) => Promise<T>): Promise<T> {
  const admin = new pg.Client({ connectionString: server.urlFor('postgres') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    await admin.query(`CREATE DATABASE ${name}`);
    const handle = createDb({ url: server.urlFor(name), timeoutMs: 600_000 });
    try {
      await migrateToLatestOrThrow(handle.db);
      return await work(handle.db);
    } finally {
      await handle.close();
      await admin.query(`DROP DATABASE IF EXISTS ${name}`);
    }
  } finally {
    await admin.end();
  }
}

function freePort(): Promise<number> {
  return import('node:net').then(
    ({ createServer }) =>
      new Promise((resolve) => {
        const probe = createServer().listen(0, '127.0.0.1', () => {
          const { port } = probe.address() as { port: number };
          probe.close(() => resolve(port));
        });
      }),
  );
}

function postmasterPid(clusterDir: string): number {
  return Number(readFileSync(path.join(clusterDir, 'postmaster.pid'), 'utf8').split('\n')[0]);
}

async function probed<T>(baseUrl: string, during: () => Promise<T>): Promise<{ result: T; health: { samples: number; failures: number; p50: number; p99: number; max: number } }> {
  const probe = await startProcess('npx', ['tsx', 'scripts/bench/probe.ts', baseUrl, '20'], process.env, /probing .* \(process (\d+)\)/);
  const result = await during();
  await probe.stop();
  const line = probe.output().trim().split('\n').at(-1)!;
  return { result, health: JSON.parse(line) };
}

async function uncachedMedian(baseUrl: string, notify: pg.Client, target: string): Promise<number> {
  const times: number[] = [];
  for (let i = 0; i < UNCACHED_SAMPLES; i += 1) {
    // What a write from another process does: every public page is rendered again on its next request.
    await notify.query(`NOTIFY forward_plan_changed, 'public'`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    const { status, ms } = await freshGet(`${baseUrl}${target}`);
    if (status !== 200) throw new Error(`${target}: ${status}`);
    times.push(ms);
  }
  return median(times);
}

async function main() {
  const report: Partial<Report> = {
    machine: `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, ${(totalmem() / 2 ** 30).toFixed(0)} GB, Node ${process.version}, ${process.platform}`,
    seconds: SECONDS,
    loader: LOADER,
  };
  const dataDir = mkdtempSync(path.join(tmpdir(), 'forward-plan-bench-'));
  chmodSync(dataDir, 0o755);
  let service: Started | undefined;
  let bare: Started | undefined;
  try {
    console.error('Building the large council…');
    const server = await startEmbeddedServer({ dataDir, log: () => undefined });
    const handle = createDb({ url: server.url, timeoutMs: 600_000 });
    await migrateToLatestOrThrow(handle.db);
    const started = performance.now();
    const council = await buildLargeCouncil(handle.db, { latestPlanOn: lastFriday(new Date().toISOString().slice(0, 10)) });
    report.council = { ...council, buildMs: performance.now() - started };
    await handle.close();
    if (!values['skip-data']) {
      console.error('Timing the import and the publication…');
      report.importTiming = await onFreshDatabase(server, 'bench_import', (db) => measureImport(db, { rows: 10_000 }));
      report.publicationTiming = await onFreshDatabase(server, 'bench_publication', (db) => measurePublication(db, { entries: 2_000 }));
    }
    await server.stop();

    console.error('Starting the service as npm start does…');
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    const env: NodeJS.ProcessEnv = { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', BASE_URL: baseUrl, SCHEDULER_ENABLED: 'false', LOAD_SAMPLE: 'false' };
    delete env.DATABASE_URL;
    service = await startProcess('npm', ['start'], env, /Forward Plan service on .* \(process (\d+)\)/);
    const databaseServer = await startEmbeddedServer({ dataDir, log: () => undefined });
    const dbPid = postmasterPid(databaseServer.clusterDir);
    await freshGet(`${baseUrl}/healthz`);
    report.memoryAtStart = { service: residentBytes(service.pid).rss, database: treeResidentBytes(dbPid) };

    const plan = council.latestPlanOn;
    const targets: Target[] = [
      { name: 'the current plan `/`', path: '/' },
      { name: '`/decisions?committee=…`', path: `/decisions?committee=${council.sampleCommittee}` },
      { name: 'a decision page', path: `/decisions/${council.sampleDecisionId}` },
      { name: '`/api/v1/decisions`', path: '/api/v1/decisions' },
      { name: 'RSS `/feeds/decisions.rss`', path: '/feeds/decisions.rss' },
      { name: 'iCalendar `/feeds/decisions.ics`', path: '/feeds/decisions.ics' },
      { name: 'the plan PDF', path: `/plans/${plan}.pdf` },
    ];
    console.error('Capturing the responses…');
    const captured = [];
    for (const target of targets) {
      const response = await capture(baseUrl, target.path);
      if (response.status !== 200) throw new Error(`${target.path} answered ${response.status}`);
      captured.push(response);
    }
    const home = captured[0]!;
    targets.push({ name: '`/` revalidated (304)', path: '/', headers: { 'if-none-match': home.headers.etag! }, expect: 304 });
    report.sizes = Object.fromEntries(captured.map((c) => [c.path, Buffer.from(c.body, 'base64').length]));
    const manifest = path.join(dataDir, 'bare-manifest.json');
    writeFileSync(manifest, JSON.stringify(captured));
    const barePort = await freePort();
    bare = await startProcess('npx', ['tsx', 'scripts/bench/bare-server.ts', manifest, String(barePort)], process.env, /bare server ready \(process (\d+)\)/);
    const bareUrl = `http://127.0.0.1:${barePort}`;

    report.at50 = [];
    for (const target of targets) {
      console.error(`50 connections: ${target.path}`);
      const options = { connections: 50, seconds: SECONDS, headers: { ...CLIENT_HEADERS, ...target.headers }, expect: target.expect ?? 200 };
      const ours: LoadResult = await load(`${baseUrl}${target.path}`, options);
      const theirs: LoadResult = await load(`${bareUrl}${target.path}`, options);
      report.at50.push({ name: target.name, service: ours, bare: theirs });
    }
    report.at200 = [];
    for (const target of targets) {
      console.error(`200 connections: ${target.path}`);
      const options = { connections: 200, seconds: SECONDS, headers: { ...CLIENT_HEADERS, ...target.headers }, expect: target.expect ?? 200 };
      const ours = await probed(baseUrl, () => load(`${baseUrl}${target.path}`, options));
      const theirs = await probed(bareUrl, () => load(`${bareUrl}${target.path}`, options));
      report.at200.push({ name: target.name, service: ours.result, health: ours.health, bare: theirs.result, bareHealth: theirs.health });
    }

    console.error(`${COLD_PDFS} PDFs of earlier plans at once…`);
    const older = Array.from({ length: COLD_PDFS }, (_, i) => addDays(plan, -14 * (i + 1)));
    const pdfStarted = performance.now();
    const pdfs = await probed(baseUrl, () => Promise.all(older.map((date) => freshGet(`${baseUrl}/plans/${date}.pdf`, {}, 300_000))));
    report.coldPdfs = { count: COLD_PDFS, ms: performance.now() - pdfStarted, failures: pdfs.result.filter((r) => r.status !== 200).length, health: pdfs.health };

    console.error('Uncached renders…');
    const notify = new pg.Client({ connectionString: databaseServer.url });
    await notify.connect();
    report.uncached = {
      plan: await uncachedMedian(baseUrl, notify, '/'),
      filtered: await uncachedMedian(baseUrl, notify, `/decisions?committee=${council.sampleCommittee}`),
    };
    await notify.end();
    const memory = residentBytes(service.pid);
    report.memoryAfterLoad = { service: memory.rss, servicePeak: memory.peak, database: treeResidentBytes(dbPid) };
    // The PDF worker stops after 10 s without work; what the service then holds is what it keeps.
    await new Promise((resolve) => setTimeout(resolve, IDLE_SETTLE_MS));
    report.memoryAfterIdle = residentBytes(service.pid).rss;
    report.bareMemory = residentBytes(bare.pid).rss;
    console.log(formatReport(report as Report));
  } finally {
    await bare?.stop();
    await service?.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
