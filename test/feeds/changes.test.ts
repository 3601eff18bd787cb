import { randomBytes } from 'node:crypto';
import test from 'ava';
import { sql } from 'kysely';
import pg from 'pg';
import { createChangeWatcher, PUBLIC_TABLES, type ChangeWatcher } from '../../src/db/change-watcher.ts';
import { freshDb } from '../helpers/db.ts';

async function until(condition: () => boolean, what: string, ms = 5_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting until ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

test('every real change to a decision raises its revision and revised_at; a no-op update does not', async (t) => {
  const handle = await freshDb({ sample: true });
  t.teardown(handle.close);
  const db = handle.db;
  const read = () => db.selectFrom('decisions').select(['revision', 'revised_at']).where('reference', '=', 'KEY/25MAR24/02').executeTakeFirstOrThrow();
  const start = await read();
  t.is(start.revision, 0);

  await db.updateTable('decisions').set({ title: 'Peterborough Housing Strategy 2024-2029' }).where('reference', '=', 'KEY/25MAR24/02').execute();
  t.deepEqual(await read(), start, 'the same values are not a change');

  await db.updateTable('decisions').set({ expected_date: '2024-07-15', expected_date_text: '15 July 2024' }).where('reference', '=', 'KEY/25MAR24/02').execute();
  const once = await read();
  t.is(once.revision, 1);
  t.true(once.revised_at.getTime() >= start.revised_at.getTime() + 1000, 'moves at least a whole second');

  await sql`UPDATE decisions SET internal_notes = 'a staff note', revision = 99 WHERE reference = 'KEY/25MAR24/02'`.execute(db);
  const twice = await read();
  t.is(twice.revision, 2, 'any column counts, and the revision cannot be set by hand');
  t.true(twice.revised_at > once.revised_at);
});

function watch(t: import('ava').ExecutionContext, watcher: ChangeWatcher) {
  t.teardown(() => watcher.close());
  return watcher;
}

test('a committed change in a watched table is heard; a rolled-back one is not', async (t) => {
  const handle = await freshDb({ sample: true });
  t.teardown(handle.close);
  // NOTIFY alone, as another process hears it.
  const watcher = watch(t, createChangeWatcher({ kind: 'postgres', connectionString: handle.url }, handle.db));
  await watcher.start();
  t.true(watcher.listening());
  const v0 = watcher.version();

  await handle.db
    .transaction()
    .execute(async (trx) => {
      await trx.updateTable('committees').set({ description: 'changed' }).execute();
      throw new Error('roll back');
    })
    .catch(() => undefined);
  await new Promise((resolve) => setTimeout(resolve, 200));
  t.is(watcher.version(), v0, 'nothing committed, nothing heard');

  await handle.db.updateTable('wards').set({ description: 'changed' }).where('slug', '=', 'central').execute();
  await until(() => watcher.version() > v0, 'the ward change is heard');
  const v1 = watcher.version();
  await handle.db.insertInto('decision_events').values({
    decision_id: (await handle.db.selectFrom('decisions').select('id').limit(1).executeTakeFirstOrThrow()).id,
    kind: 'deferred', occurred_at: new Date(), plan_id: null, details: '{}',
  }).execute();
  await until(() => watcher.version() > v1, 'the new event is heard');
});

test("this process's own committed writes to public tables count at once, before the NOTIFY arrives; others' do not", async (t) => {
  const handle = await freshDb({ sample: true });
  t.teardown(handle.close);
  // Own writes only (no LISTEN), so a NOTIFY arriving meanwhile cannot blur what is measured.
  const watcher = watch(t, createChangeWatcher({ kind: 'none', onWrite: handle.onWrite }, handle.db));
  await watcher.start();
  const v0 = watcher.version();
  await handle.db.updateTable('wards').set({ description: 'changed' }).where('slug', '=', 'central').execute();
  t.true(watcher.version() > v0, 'counted by the time the write returns');

  const v1 = watcher.version();
  await handle.db.transaction().execute(async (trx) => {
    await trx.updateTable('committees').set({ description: 'changed in a transaction' }).execute();
    t.is(watcher.version(), v1, 'not before the commit');
  });
  t.true(watcher.version() > v1, 'counted at the commit');

  const v2 = watcher.version();
  await handle.db.deleteFrom('sign_in_attempts').execute();
  await handle.db.deleteFrom('job_runs').execute();
  t.is(watcher.version(), v2, 'tables no public page shows do not count');
});

test('the tables counted as public are exactly those whose triggers announce changes', async (t) => {
  const handle = await freshDb();
  t.teardown(handle.close);
  const { rows } = await sql<{ table: string }>`
    SELECT DISTINCT event_object_table AS table FROM information_schema.triggers
    WHERE trigger_name LIKE '%_notify_change' ORDER BY 1`.execute(handle.db);
  t.deepEqual(rows.map((r) => r.table), [...PUBLIC_TABLES].sort());
});

test('without a way to listen the watcher says so, and callers fall back to a short cache life', async (t) => {
  const handle = await freshDb();
  t.teardown(handle.close);
  const watcher = watch(t, createChangeWatcher({ kind: 'none' }, handle.db));
  await watcher.start();
  t.false(watcher.listening());
  const v = watcher.version();
  watcher.bump();
  t.is(watcher.version(), v + 1, 'in-process writers can still invalidate directly');
});

test('changes in another database are ignored and a lost connection is re-established', async (t) => {
  const [ours, theirs] = await Promise.all([freshDb(), freshDb()]);
  const url = ours.url;
  t.teardown(ours.close);
  t.teardown(theirs.close);
  const name = `feeds-test-${randomBytes(4).toString('hex')}`;
  const logged: string[] = [];
  const watcher = watch(t, createChangeWatcher({ kind: 'postgres', connectionString: url }, ours.db, { retryMs: 50, applicationName: name, log: (m) => logged.push(m) }));
  await watcher.start();
  t.true(watcher.listening());

  const v0 = watcher.version();
  await theirs.db.insertInto('wards').values({ slug: 'elsewhere', name: 'Elsewhere' }).execute();
  await new Promise((resolve) => setTimeout(resolve, 300));
  t.is(watcher.version(), v0, "another database's change is not ours");

  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  t.teardown(() => admin.end());
  await admin.query('SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE application_name = $1', [name]);
  await until(() => !watcher.listening() || watcher.version() > v0, 'the loss is noticed');
  t.true(watcher.version() > v0, 'losing the connection invalidates: changes may be missed');
  await until(() => watcher.listening(), 'listening again');
  t.true(logged.some((m) => /stopped hearing about changes/.test(m)));

  const v1 = watcher.version();
  await ours.db.insertInto('wards').values({ slug: 'here', name: 'Here' }).execute();
  await until(() => watcher.version() > v1, 'changes are heard after reconnecting');
});
