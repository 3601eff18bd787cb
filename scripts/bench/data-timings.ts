/*
 * How long the two big writes take on a real PostgreSQL: importing a large plan file, and
 * publishing a large plan. Run directly, it measures both on throwaway databases:
 *   npx tsx scripts/bench/data-timings.ts [--rows 10000] [--entries 2000]
 * on DATABASE_URL's server when set, otherwise on an embedded PostgreSQL in a temporary folder.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { loadConfig } from '../../src/config/config.ts';
import { createDb, type Db } from '../../src/db/create-db.ts';
import type { NewDecision } from '../../src/decisions/decisions.tables.ts';
import { startEmbeddedServer } from '../../src/db/embedded/embedded-server.ts';
import { migrateToLatestOrThrow } from '../../src/db/migrate.ts';
import { createDeps } from '../../src/deps.ts';
import { londonInstant, ManualClock } from '../../src/lib/clock.ts';
import { importPlan } from '../../src/plans/plan-import.service.ts';
import { largePlanCsv } from './plan-csv-rows.ts';

const IMPORTED_ON = '2024-02-23';
/** A fortnight later: every generated expected date is then far enough ahead for any notice rule. */
const PUBLISHED_ON = '2024-03-08';

/** The defaults, not this machine's environment, so the figures do not depend on where they run. */
function depsFor(db: Db, clock: ManualClock) {
  // A key of its own, so the defaults do not warn that forms would not survive a restart.
  return createDeps(loadConfig({ SECRET_KEY: randomBytes(32).toString('hex') }), db, clock);
}

/** Imports a generated plan of `rows` decisions into an empty, migrated database; times importPlan only. */
export async function measureImport(db: Db, options: { rows: number }): Promise<{ rows: number; ms: number }> {
  const bytes = largePlanCsv({ rows: options.rows });
  const deps = depsFor(db, new ManualClock(londonInstant(IMPORTED_ON, '10:00')));
  try {
    const started = performance.now();
    const summary = await importPlan(db, bytes, IMPORTED_ON, { alerts: deps.alerts });
    const ms = performance.now() - started;
    if (summary.status !== 'imported' || summary.entries !== options.rows) {
      throw new Error(`The import recorded ${summary.entries} entries (${summary.status}), not ${options.rows}`);
    }
    return { rows: options.rows, ms };
  } finally {
    await deps.feeds.close();
  }
}

const LIVE_STATUSES = ['draft', 'planned', 'deferred'] as const;

async function liveDecisions(db: Db): Promise<number> {
  const row = await db
    .selectFrom('decisions')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', 'in', LIVE_STATUSES)
    .where('expected_date', 'is not', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/**
 * Drafts as staff would add them between plans, straight into the tables: key decisions that
 * publication gives references, private and non-key ones, some members with no portfolio recorded.
 */
async function addDrafts(db: Db, count: number): Promise<void> {
  const makers = await db.selectFrom('decision_makers').select(['id', 'kind']).orderBy('id').execute();
  const [directorates, committees, wards] = await Promise.all([
    db.selectFrom('directorates').select('id').orderBy('id').execute(),
    db.selectFrom('committees').select('id').orderBy('id').execute(),
    db.selectFrom('wards').select('id').orderBy('id').execute(),
  ]);
  const at = <T>(items: T[], n: number): T => items[n % items.length]!;
  const drafts: NewDecision[] = Array.from({ length: count }, (_, n) => {
    const part = (['key', 'key', 'private', 'non_key'] as const)[n % 4]!;
    const month = 5 + (n % 8);
    return {
      title: `Draft decision ${n + 1} on local services`,
      description: 'To approve the commissioning of the service for a further three years, with an option to extend.',
      part,
      is_key: part !== 'non_key',
      status: 'draft',
      decision_maker_id: at(makers, n).id,
      directorate_id: at(directorates, n).id,
      expected_date: `2024-${String(month).padStart(2, '0')}-${n % 3 === 0 ? '01' : String(1 + (n % 28)).padStart(2, '0')}`,
      expected_precision: n % 3 === 0 ? 'month' : 'day',
      expected_date_text: '',
      expected_date_note: '',
      ward_scope: n % 2 === 0 ? 'all' : 'listed',
      wards_text: n % 2 === 0 ? 'All Wards' : '',
      consultation: 'Relevant internal and external stakeholder processes',
      contacts: 'Jo Bloggs, Commissioning Manager, jo.bloggs@example.gov.uk',
      documents: part === 'private' ? 'Exempt appendix. By virtue of paragraph 3.' : 'The report.',
      exempt_paragraph: part === 'private' ? 3 : null,
    };
  });
  for (let i = 0; i < drafts.length; i += 500) {
    const ids = await db.insertInto('decisions').values(drafts.slice(i, i + 500)).returning('id').execute();
    await db.insertInto('decision_committees').values(ids.map(({ id }, k) => ({ decision_id: id, committee_id: at(committees, i + k).id }))).execute();
    const listed = ids.filter((_, k) => (i + k) % 2 === 1);
    if (listed.length > 0) await db.insertInto('decision_wards').values(listed.map(({ id }, k) => ({ decision_id: id, ward_id: at(wards, k).id }))).execute();
  }
}

/**
 * Publishes a plan of `entries` entries on an empty, migrated database: about half carried over
 * from an imported plan, the rest new drafts. Times publish only.
 */
export async function measurePublication(db: Db, options: { entries: number }): Promise<{ entries: number; ms: number }> {
  const clock = new ManualClock(londonInstant(PUBLISHED_ON, '10:00'));
  const deps = depsFor(db, clock);
  try {
    await importPlan(db, largePlanCsv({ rows: Math.ceil(options.entries / 2) }), IMPORTED_ON);
    const carried = await liveDecisions(db);
    if (carried > options.entries) throw new Error(`The imported plan alone lists ${carried} entries, more than ${options.entries}`);
    await addDrafts(db, options.entries - carried);

    const started = performance.now();
    const outcome = await deps.publication.publish({ publishedOn: PUBLISHED_ON, userId: null });
    const ms = performance.now() - started;
    if (outcome.status !== 'published') {
      const why = outcome.status === 'refused' ? `: ${outcome.reasons.slice(0, 5).join('; ')}` : '';
      throw new Error(`The plan was not published (${outcome.status})${why}`);
    }
    const printed = await db.selectFrom('plan_entries').select((eb) => eb.fn.countAll<number>().as('n')).where('plan_id', '=', outcome.planId).executeTakeFirstOrThrow();
    if (Number(printed.n) !== options.entries || outcome.summary.entries !== options.entries) {
      throw new Error(`The published plan lists ${printed.n} entries, not ${options.entries}`);
    }
    return { entries: options.entries, ms };
  } finally {
    await deps.feeds.close();
  }
}

/** A server to make throwaway databases on: DATABASE_URL's, or an embedded one in a temporary folder. */
async function benchServer(): Promise<{ urlFor(database: string): string; description: string; stop(): Promise<void> }> {
  const configured = process.env.DATABASE_URL;
  if (configured) {
    const urlFor = (database: string) => Object.assign(new URL(configured), { pathname: `/${database}` }).href;
    return { urlFor, description: `PostgreSQL at ${new URL(configured).host}`, stop: async () => undefined };
  }
  const dir = mkdtempSync(path.join(tmpdir(), 'forward-plan-timings-'));
  // The server may run as another OS account (when we are root): it must be able to enter the folder.
  chmodSync(dir, 0o755);
  // Default settings, durable as the service's own embedded server is.
  const server = await startEmbeddedServer({ dataDir: dir, database: 'postgres', log: () => undefined });
  return {
    urlFor: (database) => server.urlFor(database),
    description: `embedded PostgreSQL (127.0.0.1:${server.port})`,
    async stop() {
      await server.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function onServer(url: string, statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function withFreshDatabase<T>(server: { urlFor(database: string): string }, work: (db: Db) => Promise<T>): Promise<T> {
  const name = `fp_timings_${randomBytes(5).toString('hex')}`;
  const admin = server.urlFor('postgres');
  await onServer(admin, `CREATE DATABASE ${name}`);
  const handle = createDb({ url: server.urlFor(name), timeoutMs: 10 * 60_000 });
  try {
    await migrateToLatestOrThrow(handle.db);
    return await work(handle.db);
  } finally {
    await handle.close();
    await onServer(admin, `DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  }
}

async function main() {
  const { values } = parseArgs({ options: { rows: { type: 'string', default: '10000' }, entries: { type: 'string', default: '2000' } } });
  const rows = Number.parseInt(values.rows, 10);
  const entries = Number.parseInt(values.entries, 10);
  const server = await benchServer();
  try {
    console.log(`On ${server.description}`);
    const imported = await withFreshDatabase(server, (db) => measureImport(db, { rows }));
    console.log(`import-plan of ${imported.rows} rows: ${(imported.ms / 1000).toFixed(2)} s`);
    const published = await withFreshDatabase(server, (db) => measurePublication(db, { entries }));
    console.log(`publish of ${published.entries} entries: ${(published.ms / 1000).toFixed(2)} s`);
  } finally {
    await server.stop();
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exitCode = 1;
  });
}
