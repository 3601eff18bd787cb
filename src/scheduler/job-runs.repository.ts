import { sql } from 'kysely';
import type { Db } from '../db/create-db.ts';
import type { JobRunOutcome } from './scheduler.tables.ts';

export interface JobRun {
  id: number;
  job: string;
  scheduledFor: Date;
  /** When the first attempt started. */
  startedAt: Date;
  /** Set once the run has succeeded or failed. */
  finishedAt: Date | null;
  outcome: JobRunOutcome;
  message: string | null;
  /** The instance holding (or that last held) the run; null for runs from before leases. */
  holder: string | null;
  attempts: number;
  /** Running: the holder's lease. Interrupted: when it is retried. Otherwise null. */
  leaseExpiresAt: Date | null;
}

const columns = ['id', 'job', 'scheduled_for', 'started_at', 'finished_at', 'outcome', 'message', 'holder', 'attempts', 'lease_expires_at'] as const;

function toJobRun(row: {
  id: number;
  job: string;
  scheduled_for: Date;
  started_at: Date;
  finished_at: Date | null;
  outcome: JobRunOutcome;
  message: string | null;
  holder: string | null;
  attempts: number;
  lease_expires_at: Date | null;
}): JobRun {
  return {
    id: row.id,
    job: row.job,
    scheduledFor: row.scheduled_for,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    outcome: row.outcome,
    message: row.message,
    holder: row.holder,
    attempts: row.attempts,
    leaseExpiresAt: row.lease_expires_at,
  };
}

export async function findRun(db: Db, job: string, scheduledFor: Date): Promise<JobRun | undefined> {
  const row = await db
    .selectFrom('job_runs')
    .select(columns)
    .where('job', '=', job)
    .where('scheduled_for', '=', scheduledFor)
    .executeTakeFirst();
  return row && toJobRun(row);
}

interface Lease {
  holder: string;
  now: Date;
  leaseMs: number;
}

const plus = (instant: Date, ms: number) => new Date(instant.getTime() + ms);

/**
 * Takes the slot for this instance as its first attempt. Returns the new run's id, or undefined
 * when another instance (or an earlier call) already holds it: the unique (job, scheduled_for)
 * decides.
 */
export async function claimRun(db: Db, job: string, scheduledFor: Date, lease: Lease): Promise<number | undefined> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .insertInto('job_runs')
      .values({ job, scheduled_for: scheduledFor, started_at: lease.now, holder: lease.holder, lease_expires_at: plus(lease.now, lease.leaseMs) })
      .onConflict((oc) => oc.columns(['job', 'scheduled_for']).doNothing())
      .returning('id')
      .executeTakeFirst();
    if (row) await trx.insertInto('job_run_attempts').values({ run_id: row.id, attempt: 1, holder: lease.holder, started_at: lease.now }).execute();
    return row?.id;
  });
}

/**
 * Takes over a run whose lease has expired, or an interrupted one whose retry time has come, as
 * its next attempt. The update re-checks both under the row's lock, so of instances trying at
 * once exactly one gets it; the others get undefined. `abandoned`: recorded on the previous
 * attempt when it was still 'running' (its instance never reported back).
 */
export async function takeOverRun(db: Db, run: Pick<JobRun, 'id' | 'attempts'>, lease: Lease, abandoned: string): Promise<number | undefined> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .updateTable('job_runs')
      .set({ outcome: 'running', holder: lease.holder, attempts: run.attempts + 1, lease_expires_at: plus(lease.now, lease.leaseMs) })
      .where('id', '=', run.id)
      .where('attempts', '=', run.attempts)
      .where('outcome', 'in', ['running', 'interrupted'])
      .where('lease_expires_at', '<=', lease.now)
      .returning('attempts')
      .executeTakeFirst();
    if (!row) return undefined;
    await trx
      .updateTable('job_run_attempts')
      .set({ outcome: 'abandoned', message: abandoned })
      .where('run_id', '=', run.id)
      .where('attempt', '=', run.attempts)
      .where('outcome', '=', 'running')
      .execute();
    await trx.insertInto('job_run_attempts').values({ run_id: run.id, attempt: row.attempts, holder: lease.holder, started_at: lease.now }).execute();
    return row.attempts;
  });
}

/** Pushes the lease forward while the job runs. False: the run is no longer this attempt's. */
export async function renewLease(db: Db, id: number, attempt: number, lease: Lease): Promise<boolean> {
  const result = await db
    .updateTable('job_runs')
    .set({ lease_expires_at: plus(lease.now, lease.leaseMs) })
    .where('id', '=', id)
    .where('attempts', '=', attempt)
    .where('holder', '=', lease.holder)
    .where('outcome', '=', 'running')
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export type AttemptOutcome =
  | { outcome: 'succeeded' | 'failed'; message: string | null }
  | { outcome: 'interrupted'; message: string; retryAt: Date };

/**
 * Records how an attempt ended, on the attempt and, while it still holds the run, on the run:
 * done, or interrupted until `retryAt`. False when another instance has taken the run over
 * meanwhile (this one lost its lease): then only the attempt is recorded.
 */
export async function finishAttempt(db: Db, id: number, attempt: number, holder: string, endedAt: Date, result: AttemptOutcome): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    await trx
      .updateTable('job_run_attempts')
      .set({ outcome: result.outcome, ended_at: endedAt, message: result.message })
      .where('run_id', '=', id)
      .where('attempt', '=', attempt)
      .execute();
    const run = await trx
      .updateTable('job_runs')
      .set(
        result.outcome === 'interrupted'
          ? { outcome: 'interrupted', lease_expires_at: result.retryAt, message: result.message }
          : { outcome: result.outcome, finished_at: endedAt, lease_expires_at: null, message: result.message },
      )
      .where('id', '=', id)
      .where('attempts', '=', attempt)
      .where('holder', '=', holder)
      .where('outcome', '=', 'running')
      .executeTakeFirst();
    return run.numUpdatedRows > 0n;
  });
}

/**
 * Closes a job's runs for slots before `slot` that never finished and will not be retried (only
 * the latest slot ever runs, and it does their work): interrupted ones, and running ones whose
 * lease has expired. They are marked failed with `message`, and returned so each can be logged.
 */
export async function supersedeUnfinished(db: Db, job: string, slot: Date, now: Date, message: string): Promise<JobRun[]> {
  // One statement (it runs for every job on every tick, and nearly always changes nothing).
  const rows = await db
    .with('closed', (qb) =>
      qb
        .updateTable('job_runs')
        .set({ outcome: 'failed', finished_at: now, lease_expires_at: null, message })
        .where('job', '=', job)
        .where('scheduled_for', '<', slot)
        .where((eb) => eb.or([eb('outcome', '=', 'interrupted'), eb.and([eb('outcome', '=', 'running'), eb('lease_expires_at', '<=', now)])]))
        .returning(columns),
    )
    .with('abandoned', (qb) =>
      qb
        .updateTable('job_run_attempts')
        .from('closed')
        .set({ outcome: 'abandoned', message: 'its lease expired with no outcome reported' })
        .whereRef('job_run_attempts.run_id', '=', 'closed.id')
        .whereRef('job_run_attempts.attempt', '=', 'closed.attempts')
        .where('job_run_attempts.outcome', '=', 'running'),
    )
    .selectFrom('closed')
    .select(columns)
    .execute();
  return rows.map(toJobRun);
}

/** The newest runs first, for the staff page. */
export async function listRecentRuns(db: Db, limit: number): Promise<JobRun[]> {
  if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
    throw new RangeError(`limit must be a whole number from 1 to 1000, not ${limit}`);
  }
  const rows = await db
    .selectFrom('job_runs')
    .select(columns)
    .orderBy('started_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toJobRun);
}

/**
 * Deletes runs that started before `before` with their attempts (an older slot is never due
 * again). Each job's newest row is always kept, whatever its age: deleting the row of a job's
 * latest slot would make that slot due again.
 */
export async function purgeOldRuns(db: Db, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('job_runs as r')
    .where('r.started_at', '<', before)
    .where('r.scheduled_for', '<', (eb) =>
      eb.selectFrom('job_runs as newest').select(sql<Date>`max(newest.scheduled_for)`.as('latest')).whereRef('newest.job', '=', 'r.job'),
    )
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
