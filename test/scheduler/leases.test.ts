import { setTimeout as sleep } from 'node:timers/promises';
import test, { type ExecutionContext } from 'ava';
import { sql } from 'kysely';
import { createDb, type Db, type DbHandle } from '../../src/db/create-db.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { fortnightlyPublicationJob } from '../../src/publication/publication-jobs.ts';
import { everyMinutes, fortnightlyAt } from '../../src/scheduler/schedule.ts';
import { createScheduler, type Job, type SchedulerOptions } from '../../src/scheduler/scheduler.ts';
import { startTcpProxy } from '../comments/tcp-proxy.ts';
import { freshDb } from '../helpers/db.ts';
import { addDecision, publicationWorld } from '../publication/helpers.ts';
import { collectingLog, runRows } from './helpers.ts';

const MINUTE = 60_000;
const LEASE = 5 * MINUTE; // the default
const everyOtherFriday = fortnightlyAt({ anchor: '2024-02-23', time: '09:00' });
const SLOT = new Date('2024-03-08T09:00:00Z');

let handle: DbHandle;
test.before(async () => {
  handle = await freshDb();
});
test.after.always(() => handle.close());
test.beforeEach(() => sql`TRUNCATE job_runs, job_run_attempts RESTART IDENTITY`.execute(handle.db));

/** An instance of the service's scheduler, named, with one job that counts its runs. */
function instance(name: string, clock: ManualClock, job: Partial<Job> = {}, options: Partial<SchedulerOptions> = {}) {
  const log = collectingLog();
  const scheduler = createScheduler({ db: handle.db, clock, log, instanceId: name, ...options });
  const runs = { count: 0 };
  scheduler.register({
    name: 'plan-draft',
    schedule: everyOtherFriday,
    async run() {
      runs.count += 1;
      return `prepared by ${name}`;
    },
    ...job,
  });
  return { scheduler, log, runs };
}

/** The row an instance leaves when it dies mid-run: 'running', its lease last renewed at `renewed`. */
async function runLeftBy(holder: string, renewed: Date) {
  const { id } = await handle.db
    .insertInto('job_runs')
    .values({ job: 'plan-draft', scheduled_for: SLOT, started_at: SLOT, holder, lease_expires_at: new Date(renewed.getTime() + LEASE) })
    .returning('id')
    .executeTakeFirstOrThrow();
  await handle.db.insertInto('job_run_attempts').values({ run_id: id, attempt: 1, holder, started_at: SLOT }).execute();
}

const attempts = (db: Db = handle.db) =>
  db.selectFrom('job_run_attempts').select(['attempt', 'holder', 'outcome', 'message']).orderBy('run_id').orderBy('attempt').execute();

async function until(t: ExecutionContext, condition: () => Promise<boolean> | boolean, what: string) {
  for (let turns = 0; !(await condition()) && turns < 1_000; turns++) await sleep(10);
  t.true(await condition(), what);
}

test.serial('a slot left running by a crashed instance is retried once its lease has expired, and the retry is logged and recorded', async (t) => {
  await runLeftBy('instance-a', new Date('2024-03-08T09:01:00Z'));
  const clock = new ManualClock('2024-03-08T09:05:59Z');
  const b = instance('instance-b', clock);

  t.deepEqual((await b.scheduler.runDue()).map((r) => [r.outcome, r.attempt]), [['running', 1]], 'within the lease it is left alone');
  t.is(b.runs.count, 0);

  clock.set('2024-03-08T09:06:00Z');
  const [retry] = await b.scheduler.runDue();
  t.like(retry, { outcome: 'succeeded', attempt: 2, message: 'prepared by instance-b' });
  t.is(b.runs.count, 1);
  t.deepEqual(await runRows(handle.db), [
    { job: 'plan-draft', scheduledFor: '2024-03-08T09:00:00.000Z', outcome: 'succeeded', message: 'prepared by instance-b', finished: true },
  ]);
  t.deepEqual(await attempts(), [
    { attempt: 1, holder: 'instance-a', outcome: 'abandoned', message: 'its lease expired with no outcome reported' },
    { attempt: 2, holder: 'instance-b', outcome: 'succeeded', message: 'prepared by instance-b' },
  ]);
  t.is(b.log.lines.warn.length, 1);
  t.regex(
    b.log.lines.warn[0]!,
    /^job plan-draft for 2024-03-08T09:00:00.000Z: retrying as attempt 2 in instance-b, because attempt 1 by instance-a stopped renewing its lease, which expired at 2024-03-08T09:06:00.000Z/,
  );
  t.deepEqual(await b.scheduler.runDue(), [], 'done: not run again');
});

test.serial('two instances finding the same expired lease never both run the slot', async (t) => {
  await runLeftBy('instance-dead', new Date('2024-03-08T09:00:00Z'));
  const clock = new ManualClock('2024-03-08T10:00:00Z');
  let ran = 0;
  // Slow enough that the instance that loses the race looks while the winner is running.
  const slow = { run: async () => void (ran += 1, await sleep(30)) };
  const [b, c] = [instance('instance-b', clock, slow), instance('instance-c', clock, slow)];
  const reports = (await Promise.all([b.scheduler.runDue(), c.scheduler.runDue()])).flat();
  t.is(ran, 1);
  t.is(reports.filter((r) => r.outcome === 'succeeded').length, 1);
  t.true(reports.every((r) => r.outcome === 'succeeded' || r.outcome === 'running'), 'the other saw the retry, at most');
  t.deepEqual((await attempts()).map((a) => [a.attempt, a.outcome]), [[1, 'abandoned'], [2, 'succeeded']]);
  t.deepEqual(await Promise.all([b.scheduler.runDue(), c.scheduler.runDue()]), [[], []]);
});

test.serial('a run that outlasts its lease keeps it by renewing it, so no other instance runs the slot meanwhile', async (t) => {
  const clock = new ManualClock('2024-03-08T09:00:00Z');
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const a = instance('instance-a', clock, { run: () => gate.then(() => 'slow but done') }, { leaseMs: LEASE, heartbeatMs: 10 });
  const b = instance('instance-b', clock);

  const running = a.scheduler.runDue();
  const lease = async () => (await handle.db.selectFrom('job_runs').select('lease_expires_at').executeTakeFirst())?.lease_expires_at?.getTime() ?? 0;
  await until(t, async () => (await lease()) > 0, 'a has claimed the slot');
  // Twenty minutes on: a's first lease is long gone, but a renews it while its job runs.
  clock.advance(20 * MINUTE);
  await until(t, async () => (await lease()) === clock.now().getTime() + LEASE, 'a has renewed its lease');
  t.deepEqual((await b.scheduler.runDue()).map((r) => r.outcome), ['running']);
  t.is(b.runs.count, 0, 'b left it to a');

  release();
  t.deepEqual((await running).map((r) => [r.outcome, r.attempt, r.message]), [['succeeded', 1, 'slow but done']]);
  t.deepEqual(await attempts(), [{ attempt: 1, holder: 'instance-a', outcome: 'succeeded', message: 'slow but done' }]);
});

test.serial('an instance that finds its run taken over is told to stop, and its late outcome does not overwrite the retry', async (t) => {
  const clock = new ManualClock('2024-03-08T09:00:00Z');
  const a = instance(
    'instance-a',
    clock,
    {
      // A long job that stops at the signal, as a job should.
      run: ({ signal }) =>
        new Promise((resolve) => signal.addEventListener('abort', () => resolve(`stopped: ${(signal.reason as Error).message}`))),
    },
    { heartbeatMs: 10 },
  );
  const running = a.scheduler.runDue();
  await until(t, async () => (await runRows(handle.db)).length === 1, 'a has claimed the slot');
  // What another instance does when a's lease has expired (a was cut off from the database).
  await handle.db.updateTable('job_runs').set({ holder: 'instance-b', attempts: 2, lease_expires_at: new Date('2024-03-08T09:10:00Z') }).execute();

  const [report] = await running;
  t.like(report, { outcome: 'running', attempt: 2 }, 'the run is the retry’s');
  t.deepEqual(await attempts(), [
    { attempt: 1, holder: 'instance-a', outcome: 'succeeded', message: 'stopped: job plan-draft for 2024-03-08T09:00:00.000Z (attempt 1) lost its lease: another instance has taken the run over' },
  ]);
  const run = await handle.db.selectFrom('job_runs').select(['outcome', 'holder', 'attempts', 'message']).executeTakeFirstOrThrow();
  t.deepEqual(run, { outcome: 'running', holder: 'instance-b', attempts: 2, message: null });
  t.is(a.log.lines.error.length, 2);
  t.regex(a.log.lines.error[0]!, /no longer holds its lease: another instance has taken the run over/);
  t.regex(a.log.lines.error[1]!, /succeeded after another instance had taken the run over \(this one lost its lease\): recorded for this attempt only/);
});

test.serial('an older slot left unfinished is closed as superseded when a later slot runs, and logged', async (t) => {
  await runLeftBy('instance-a', new Date('2024-03-08T09:00:00Z'));
  const clock = new ManualClock('2024-03-22T09:00:10Z');
  const b = instance('instance-b', clock);
  t.deepEqual((await b.scheduler.runDue()).map((r) => [r.scheduledFor.toISOString(), r.outcome]), [['2024-03-22T09:00:00.000Z', 'succeeded']]);
  t.deepEqual((await runRows(handle.db)).map((r) => [r.scheduledFor, r.outcome, r.message]), [
    ['2024-03-08T09:00:00.000Z', 'failed', 'not finished and not retried: superseded by the run for 2024-03-22T09:00:00.000Z, which does its work'],
    ['2024-03-22T09:00:00.000Z', 'succeeded', 'prepared by instance-b'],
  ]);
  t.regex(b.log.lines.warn[0] ?? '', /^job plan-draft for 2024-03-08T09:00:00.000Z \(attempt 1\) not finished and not retried: superseded/);
  t.is((await attempts())[0]?.outcome, 'abandoned');
});

/** The database going away for the statements that touch `table`, as the server does when it is shut down. */
async function outage(db: Db, table: string, event: 'INSERT' | 'UPDATE') {
  await sql`
    CREATE OR REPLACE FUNCTION simulate_outage() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN RAISE EXCEPTION 'terminating connection due to administrator command' USING ERRCODE = 'admin_shutdown'; END $$`.execute(db);
  await sql`CREATE TRIGGER simulate_outage BEFORE ${sql.raw(event)} ON ${sql.table(table)} FOR EACH ROW EXECUTE FUNCTION simulate_outage()`.execute(db);
  return () => sql`DROP TRIGGER simulate_outage ON ${sql.table(table)}`.execute(db);
}

async function publicationInstance(t: ExecutionContext) {
  const world = await publicationWorld(t, { config: { publishersEmail: 'democratic.services@example.gov.uk', publicationAnchor: '2024-02-23', publicationTime: '09:00' } });
  await addDecision(world, { title: 'Library opening hours' });
  const log = collectingLog();
  const scheduler = createScheduler({ db: world.db, clock: world.clock, log, instanceId: 'instance-a' });
  scheduler.register(fortnightlyPublicationJob(world.deps));
  const summaries = async () =>
    (await world.db.selectFrom('outbox_messages').select('dedupe_key').where('kind', '=', 'publication-summary').execute()).map((m) => m.dedupe_key);
  return { world, scheduler, log, summaries };
}

test.serial('a fortnightly publication slot missed while the database was down runs when it is back', async (t) => {
  const { world, scheduler, summaries } = await publicationInstance(t);
  const back = await outage(world.db, 'job_runs', 'INSERT');
  world.clock.set('2024-03-08T09:00:00Z');
  await t.throwsAsync(scheduler.runDue(), { instanceOf: AggregateError, message: /administrator command/ });
  world.clock.set('2024-03-08T09:37:00Z');
  await t.throwsAsync(scheduler.runDue(), { instanceOf: AggregateError }, 'still down: nothing recorded, nothing run');
  t.deepEqual(await summaries(), []);

  await back();
  world.clock.set('2024-03-08T09:38:00Z');
  const [report] = await scheduler.runDue();
  t.like(report, { job: 'plan-publication', outcome: 'succeeded', attempt: 1 });
  t.is(report?.scheduledFor.toISOString(), '2024-03-08T09:00:00.000Z');
  t.deepEqual(await summaries(), ['publication-summary:2024-03-08T09:00:00.000Z:democratic.services@example.gov.uk']);
});

test.serial('a fortnightly publication interrupted by the database going away mid-run is retried when it is back', async (t) => {
  const { world, scheduler, log, summaries } = await publicationInstance(t);
  const back = await outage(world.db, 'outbox_messages', 'INSERT');
  world.clock.set('2024-03-08T09:00:00Z');
  const [first] = await scheduler.runDue();
  t.like(first, { outcome: 'interrupted', attempt: 1, message: 'terminating connection due to administrator command' });
  t.regex(log.lines.warn[0] ?? '', /job plan-publication for 2024-03-08T09:00:00.000Z was interrupted, the database being unavailable; it is retried from 2024-03-08T09:01:00.000Z/);
  t.deepEqual(await summaries(), [], 'the summary was not queued');

  await back();
  world.clock.set('2024-03-08T09:00:40Z');
  t.deepEqual((await scheduler.runDue()).map((r) => r.outcome), ['interrupted'], 'waits for its retry time');
  world.clock.set('2024-03-08T09:01:00Z');
  const [retry] = await scheduler.runDue();
  t.like(retry, { outcome: 'succeeded', attempt: 2 });
  t.regex(retry?.message ?? '', /^prepared the plan dated 2024-03-08: 1 entries/);
  t.deepEqual(await summaries(), ['publication-summary:2024-03-08T09:00:00.000Z:democratic.services@example.gov.uk']);
  t.deepEqual((await attempts(world.db)).map((a) => a.outcome), ['interrupted', 'succeeded']);
});

test.serial('a publication whose outcome could not be recorded is retried after its lease, and mails no one twice', async (t) => {
  const { world, scheduler, summaries } = await publicationInstance(t);
  world.clock.set('2024-03-08T09:00:00Z');
  // The job runs; the database goes away before the outcome is written.
  const back = await outage(world.db, 'job_run_attempts', 'UPDATE');
  await t.throwsAsync(scheduler.runDue(), { instanceOf: AggregateError, message: /succeeded but its outcome could not be recorded/ });
  t.deepEqual(await summaries(), ['publication-summary:2024-03-08T09:00:00.000Z:democratic.services@example.gov.uk']);
  await back();

  world.clock.set('2024-03-08T09:04:00Z');
  t.deepEqual((await scheduler.runDue()).map((r) => r.outcome), ['running'], 'its lease has not expired yet');
  world.clock.set('2024-03-08T09:05:00Z');
  const [retry] = await scheduler.runDue();
  t.like(retry, { outcome: 'succeeded', attempt: 2 });
  t.deepEqual(await summaries(), ['publication-summary:2024-03-08T09:00:00.000Z:democratic.services@example.gov.uk'], 'the summary is queued once per slot');
  t.deepEqual((await attempts(world.db)).map((a) => a.outcome), ['abandoned', 'succeeded']);
});

test.serial('every-minute jobs keep running after an interrupted minute, which is closed as superseded', async (t) => {
  const clock = new ManualClock('2024-03-08T09:00:00Z');
  const log = collectingLog();
  const scheduler = createScheduler({ db: handle.db, clock, log, instanceId: 'instance-a' });
  let calls = 0;
  scheduler.register({
    name: 'mail-outbox-drain',
    schedule: everyMinutes(1),
    async run() {
      calls += 1;
      if (calls === 1) throw new Error('Connection terminated unexpectedly');
      return 'sent 0';
    },
  });
  t.deepEqual((await scheduler.runDue()).map((r) => r.outcome), ['interrupted']);
  clock.advance(MINUTE);
  t.deepEqual((await scheduler.runDue()).map((r) => r.outcome), ['succeeded']);
  t.deepEqual((await runRows(handle.db)).map((r) => r.outcome), ['failed', 'succeeded']);
  t.is(calls, 2);
});

// A real outage needs a server to take away: the scheduler reaches it through a relay the test stops.
test.serial('a run cut off from the PostgreSQL server mid-run is retried once the server is back and its lease has expired', async (t) => {
  const url = new URL(handle.url);
  const proxy = await startTcpProxy({ host: url.hostname, port: Number(url.port || 5432) });
  const proxiedUrl = new URL(url);
  proxiedUrl.hostname = '127.0.0.1';
  proxiedUrl.port = String(proxy.port);
  const proxied = createDb({ url: proxiedUrl.href, poolSize: 2 });
  t.teardown(async () => {
    await proxy.start();
    await proxied.close();
    await proxy.stop();
  });

  const clock = new ManualClock('2024-03-08T09:00:00Z');
  const log = collectingLog();
  const scheduler = createScheduler({ db: proxied.db, clock, log, instanceId: 'instance-a' });
  let calls = 0;
  scheduler.register({
    name: 'plan-draft',
    schedule: everyOtherFriday,
    async run({ db }) {
      calls += 1;
      if (calls === 1) await proxy.stop(); // the server goes away while the job is working
      await sql`SELECT 1`.execute(db);
      return `done on attempt ${calls}`;
    },
  });
  await t.throwsAsync(scheduler.runDue(), { instanceOf: AggregateError, message: /interrupted but its outcome could not be recorded/ });
  t.deepEqual((await runRows(handle.db)).map((r) => r.outcome), ['running'], 'left running under its lease');

  await proxy.start();
  clock.set('2024-03-08T09:04:59Z');
  t.deepEqual((await scheduler.runDue()).map((r) => r.outcome), ['running']);
  t.is(calls, 1);
  clock.set('2024-03-08T09:05:00Z');
  const [retry] = await scheduler.runDue();
  t.like(retry, { outcome: 'succeeded', attempt: 2, message: 'done on attempt 2' });
  t.deepEqual((await attempts()).map((a) => [a.attempt, a.outcome]), [[1, 'abandoned'], [2, 'succeeded']]);
});
