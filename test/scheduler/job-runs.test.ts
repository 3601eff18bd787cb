import test from 'ava';
import { sql } from 'kysely';
import type { DbHandle } from '../../src/db/create-db.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { jobRunsPurge } from '../../src/scheduler/job-runs-purge.ts';
import { purgeOldRuns } from '../../src/scheduler/job-runs.repository.ts';
import { createScheduler, listRecentRuns } from '../../src/scheduler/scheduler.ts';
import { freshDb } from '../helpers/db.ts';
import { collectingLog, runRows } from './helpers.ts';


let handle: DbHandle;
test.before(async () => {
  handle = await freshDb();
});
test.after.always(() => handle.close());
test.beforeEach(() => sql`TRUNCATE job_runs, job_run_attempts RESTART IDENTITY`.execute(handle.db));

async function insertRun(job: string, scheduledFor: string, outcome: 'running' | 'succeeded' | 'failed' = 'succeeded') {
  await handle.db
    .insertInto('job_runs')
    .values({
      job,
      scheduled_for: scheduledFor,
      started_at: scheduledFor,
      finished_at: outcome === 'running' ? null : new Date(scheduledFor),
      lease_expires_at: outcome === 'running' ? new Date(new Date(scheduledFor).getTime() + 300_000) : null,
      outcome,
      message: outcome === 'failed' ? 'it broke' : null,
    })
    .execute();
}

test.serial('listRecentRuns gives the newest runs first, with running ones unfinished', async (t) => {
  await insertRun('mail-outbox-drain', '2024-01-15T09:00:00Z');
  await insertRun('overdue-comments-summary', '2024-01-15T09:01:00Z', 'failed');
  await insertRun('plan-draft', '2024-01-15T09:02:00Z', 'running');

  const runs = await listRecentRuns(handle.db, 2);
  t.deepEqual(
    runs.map((run) => [run.job, run.outcome, run.message, run.finishedAt?.toISOString() ?? null]),
    [
      ['plan-draft', 'running', null, null],
      ['overdue-comments-summary', 'failed', 'it broke', '2024-01-15T09:01:00.000Z'],
    ],
  );
  t.is(runs[0]?.scheduledFor.toISOString(), '2024-01-15T09:02:00.000Z');
  t.is(typeof runs[0]?.id, 'number');
  for (const limit of [0, -1, 1.5, 1001]) {
    await t.throwsAsync(listRecentRuns(handle.db, limit), { instanceOf: RangeError, message: /limit must be a whole number/ });
  }
});

test.serial('the purge deletes old runs but always keeps each job\'s newest', async (t) => {
  await insertRun('plan-draft', '2024-01-05T09:00:00Z');
  await insertRun('plan-draft', '2024-01-19T09:00:00Z', 'running');
  await insertRun('plan-draft', '2024-02-02T09:00:00Z');
  await insertRun('retired-job', '2023-06-01T03:00:00Z', 'failed');
  await insertRun('mail-outbox-drain', '2024-02-10T10:00:00Z');

  t.is(await purgeOldRuns(handle.db, new Date('2024-02-05T00:00:00Z')), 2);
  t.deepEqual(
    (await runRows(handle.db)).map((row) => [row.job, row.scheduledFor]),
    [
      ['retired-job', '2023-06-01T03:00:00.000Z'],
      ['plan-draft', '2024-02-02T09:00:00.000Z'],
      ['mail-outbox-drain', '2024-02-10T10:00:00.000Z'],
    ],
  );
});

test.serial('the job-runs-purge job deletes runs older than 30 days', async (t) => {
  const clock = new ManualClock('2024-03-02T03:10:00Z');
  await insertRun('mail-outbox-drain', '2024-02-01T03:09:00Z');
  await insertRun('mail-outbox-drain', '2024-02-01T03:11:00Z');
  await insertRun('mail-outbox-drain', '2024-03-02T03:09:00Z');
  const scheduler = createScheduler({ db: handle.db, clock, log: collectingLog() });
  scheduler.register(jobRunsPurge());
  t.is(jobRunsPurge().schedule.description, 'daily at 03:10 (Europe/London)');

  const [report] = await scheduler.runDue();
  t.is(report?.message, 'deleted 1 run(s) older than 30 days');
  t.deepEqual(
    (await runRows(handle.db)).map((row) => [row.job, row.scheduledFor]),
    [
      ['mail-outbox-drain', '2024-02-01T03:11:00.000Z'],
      ['mail-outbox-drain', '2024-03-02T03:09:00.000Z'],
      ['job-runs-purge', '2024-03-02T03:10:00.000Z'],
    ],
  );
});
