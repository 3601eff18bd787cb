import { setTimeout as sleep } from 'node:timers/promises';
import test from 'ava';
import { sql } from 'kysely';
import type { DbHandle } from '../../src/db/create-db.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { dailyAt, everyMinutes, fortnightlyAt } from '../../src/scheduler/schedule.ts';
import { createScheduler, type RunReport } from '../../src/scheduler/scheduler.ts';
import { freshDb } from '../helpers/db.ts';
import { collectingLog, runRows } from './helpers.ts';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
const everyOtherFriday = fortnightlyAt({ anchor: '2024-02-23', time: '09:00' });

// One database for the file (building one takes seconds); the tests run one after another and
// each starts from an empty job_runs.
let handle: DbHandle;
test.before(async () => {
  handle = await freshDb();
});
test.after.always(() => handle.close());
test.beforeEach(() => sql`TRUNCATE job_runs, job_run_attempts RESTART IDENTITY`.execute(handle.db));

/** Two service instances on one database, each with its own copy of the same job. */
function twoInstances(clock: ManualClock, schedule = everyOtherFriday) {
  const runs = { a: 0, b: 0 };
  const instances = (['a', 'b'] as const).map((which) => {
    const scheduler = createScheduler({ db: handle.db, clock, log: collectingLog() });
    scheduler.register({
      name: 'plan-draft',
      schedule,
      async run() {
        runs[which] += 1;
        await sleep(20); // long enough for the other instance to look at the slot meanwhile
        return `prepared by ${which}`;
      },
    });
    return scheduler;
  });
  const runDueOnBoth = async () => (await Promise.all(instances.map((s) => s.runDue()))).flat();
  return { runs, runDueOnBoth };
}

const outcomes = (reports: RunReport[]) => reports.map((r) => r.outcome).sort();

test.serial('two instances on one database run each slot once', async (t) => {
  const clock = new ManualClock('2024-03-08T09:00:30Z');
  const { runs, runDueOnBoth } = twoInstances(clock);

  const first = await runDueOnBoth();
  t.is(runs.a + runs.b, 1);
  t.is(first.filter((r) => r.outcome === 'succeeded').length, 1);
  t.true(first.every((r) => r.outcome === 'succeeded' || r.outcome === 'running'), 'the other instance saw the run, at most');
  t.deepEqual(await runDueOnBoth(), [], 'the slot is done: nothing more to run or report');

  clock.set('2024-03-22T09:00:00Z');
  await runDueOnBoth();
  t.is(runs.a + runs.b, 2);

  const rows = await runRows(handle.db);
  t.deepEqual(
    rows.map(({ scheduledFor, outcome }) => [scheduledFor, outcome]),
    [
      ['2024-03-08T09:00:00.000Z', 'succeeded'],
      ['2024-03-22T09:00:00.000Z', 'succeeded'],
    ],
  );
  t.regex(rows[0]?.message ?? '', /^prepared by [ab]$/);
});

test.serial('two instances racing minute after minute never run a slot twice', async (t) => {
  const clock = new ManualClock('2026-11-23T09:00:00Z');
  const { runs, runDueOnBoth } = twoInstances(clock, everyMinutes(1));
  for (let minute = 0; minute < 10; minute++) {
    await runDueOnBoth();
    clock.advance(MINUTE);
  }
  t.is(runs.a + runs.b, 10);
  const rows = await runRows(handle.db);
  t.is(rows.length, 10);
  t.true(rows.every((row) => row.outcome === 'succeeded' && row.finished));
});

test.serial('a slot missed while the service was down runs once at start, not once per missed slot', async (t) => {
  const clock = new ManualClock('2024-02-23T09:00:05Z');
  const slotsRun: string[] = [];
  const planDraft = {
    name: 'plan-draft',
    schedule: everyOtherFriday,
    async run({ scheduledFor }: { scheduledFor: Date }) {
      slotsRun.push(scheduledFor.toISOString());
    },
  };
  const before = createScheduler({ db: handle.db, clock, log: collectingLog() });
  before.register(planDraft);
  await before.runDue();
  await before.stop();

  // Down from 23 February to the Monday after 22 March: the 8 and 22 March slots pass unrun.
  clock.set('2024-03-25T10:00:00Z');
  const after = createScheduler({ db: handle.db, clock, log: collectingLog() });
  after.register(planDraft);
  after.start();
  for (let waited = 0; slotsRun.length < 2 && waited < 5_000; waited += 5) await sleep(5);
  await after.stop();

  t.deepEqual(slotsRun, ['2024-02-23T09:00:00.000Z', '2024-03-22T09:00:00.000Z']);
  t.deepEqual(
    (await runRows(handle.db)).map((row) => row.scheduledFor),
    ['2024-02-23T09:00:00.000Z', '2024-03-22T09:00:00.000Z'],
  );
});

test.serial('a newly registered job runs its latest slot only, however old its anchor', async (t) => {
  const clock = new ManualClock('2026-11-23T12:00:00Z');
  const scheduler = createScheduler({ db: handle.db, clock, log: collectingLog() });
  const slotsRun: string[] = [];
  scheduler.register({ name: 'plan-draft', schedule: everyOtherFriday, run: async (ctx) => void slotsRun.push(ctx.scheduledFor.toISOString()) });
  await scheduler.runDue();
  t.deepEqual(slotsRun, ['2026-11-13T09:00:00.000Z']);
});

test.serial('a failing job is recorded and logged as failed, and the next slot still runs', async (t) => {
  const clock = new ManualClock('2024-07-01T08:00:00Z');
  const log = collectingLog();
  const scheduler = createScheduler({ db: handle.db, clock, log });
  let attempt = 0;
  scheduler.register({
    name: 'overdue-comments-summary',
    schedule: dailyAt('09:00'),
    async run() {
      attempt += 1;
      if (attempt === 1) throw new Error('SMTP server said 421: try again later');
      return 'sent 1 summary';
    },
  });
  scheduler.register({ name: 'comments-retention', schedule: dailyAt('09:00'), run: async () => 'erased 0 people' });

  const reports = await scheduler.runDue();
  t.deepEqual(
    reports.map((r) => [r.job, r.outcome, r.message]),
    [
      ['overdue-comments-summary', 'failed', 'SMTP server said 421: try again later'],
      ['comments-retention', 'succeeded', 'erased 0 people'],
    ],
  );
  t.is(log.lines.error.length, 1);
  t.regex(log.lines.error[0] ?? '', /job overdue-comments-summary for 2024-07-01T08:00:00.000Z failed: Error: SMTP server said 421/);
  t.deepEqual(await scheduler.runDue(), [], 'a failed slot is not retried');

  clock.advance(DAY);
  const next = await scheduler.runDue();
  t.deepEqual(next.map((r) => [r.job, r.outcome]), [
    ['overdue-comments-summary', 'succeeded'],
    ['comments-retention', 'succeeded'],
  ]);
  const summaries = (await runRows(handle.db)).filter((row) => row.job === 'overdue-comments-summary');
  t.deepEqual(summaries, [
    { job: 'overdue-comments-summary', scheduledFor: '2024-07-01T08:00:00.000Z', outcome: 'failed', message: 'SMTP server said 421: try again later', finished: true },
    { job: 'overdue-comments-summary', scheduledFor: '2024-07-02T08:00:00.000Z', outcome: 'succeeded', message: 'sent 1 summary', finished: true },
  ]);
});

// What happens to a run left 'running' (its lease, the retry) is in leases.test.ts.

test.serial('stop() waits for the run in progress, and a stopped scheduler starts nothing', async (t) => {
  const clock = new ManualClock('2024-01-15T09:00:00Z');
  const scheduler = createScheduler({ db: handle.db, clock, log: collectingLog() });
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let started = 0;
  scheduler.register({
    name: 'mail-outbox-drain',
    schedule: everyMinutes(1),
    async run() {
      started += 1;
      await gate;
      return 'sent 2';
    },
  });
  scheduler.start();
  t.throws(() => scheduler.start(), { message: 'The scheduler is already started' });
  while (started === 0) await sleep(5);

  let stopped = false;
  const stopping = scheduler.stop().then(() => (stopped = true));
  await sleep(50);
  t.false(stopped, 'stop() returned while a job was still running');
  release();
  await stopping;
  t.deepEqual((await runRows(handle.db)).map((row) => [row.outcome, row.message]), [['succeeded', 'sent 2']]);

  clock.advance(MINUTE);
  t.deepEqual(await scheduler.runDue(), []);
  t.is(started, 1);
  t.throws(() => scheduler.start(), { message: 'A stopped scheduler cannot start again' });
});

test.serial('a job never overlaps itself within one instance', async (t) => {
  const clock = new ManualClock('2024-01-15T09:00:00Z');
  const scheduler = createScheduler({ db: handle.db, clock, log: collectingLog() });
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  let started = 0;
  scheduler.register({
    name: 'mail-outbox-drain',
    schedule: everyMinutes(1),
    async run() {
      started += 1;
      await gate;
    },
  });
  const slow = scheduler.runDue();
  while (started === 0) await sleep(5);
  clock.advance(MINUTE);
  t.deepEqual(await scheduler.runDue(), [], 'the 09:01 slot waits while the 09:00 run is going');
  release();
  await slow;
  t.deepEqual(outcomes(await scheduler.runDue()), ['succeeded']);
  t.is(started, 2);
});

test.serial('register refuses a badly named or duplicate job, and a lease no longer than its heartbeat is refused', (t) => {
  const scheduler = createScheduler({ db: handle.db, clock: new ManualClock('2024-01-15T09:00:00Z'), log: collectingLog() });
  const job = { name: 'mail-outbox-drain', schedule: everyMinutes(1), run: async () => {} };
  scheduler.register(job);
  t.throws(() => scheduler.register(job), { message: 'A job named "mail-outbox-drain" is already registered' });
  t.throws(() => scheduler.register({ ...job, name: 'Mail Outbox' }), { message: /must be kebab-case .* not "Mail Outbox"/ });
  t.throws(() => createScheduler({ db: handle.db, clock: new ManualClock('2024-01-15T09:00:00Z'), leaseMs: 1000, heartbeatMs: 1000 }), {
    instanceOf: RangeError,
    message: 'The lease (1000 ms) must be longer than the heartbeat that renews it (1000 ms)',
  });
});

test.serial('the database refusing the bookkeeping rejects runDue, after the other jobs ran', async (t) => {
  const clock = new ManualClock('2024-01-15T09:00:00Z');
  const scheduler = createScheduler({ db: handle.db, clock, log: collectingLog() });
  let ran = 0;
  scheduler.register({ name: 'comments-retention', schedule: dailyAt('09:00'), run: async () => void (ran += 1) });
  // A slot before 4713 BC, which timestamptz cannot hold, makes the database refuse the bookkeeping.
  scheduler.register({
    name: 'broken-slot',
    schedule: { description: 'broken', latestSlotAtOrBefore: () => new Date(Date.UTC(-5000, 0, 1)), nextSlotAfter: () => new Date(0) },
    run: async () => t.fail('must not run without its run record'),
  });
  const error = await t.throwsAsync(scheduler.runDue(), { instanceOf: AggregateError });
  t.regex(error?.message ?? '', /^The scheduler could not check 1 job\(s\)/);
  t.is(ran, 1);
});
