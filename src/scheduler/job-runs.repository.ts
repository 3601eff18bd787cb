import { sql } from 'kysely';
import type { Db } from '../db/create-db.ts';
import type { JobRunOutcome } from '../db/database.ts';

export interface JobRun {
  id: number;
  job: string;
  scheduledFor: Date;
  startedAt: Date;
  /** Null while running. */
  finishedAt: Date | null;
  /** 'running' long after startedAt means the instance running it died; see scheduler.ts. */
  outcome: JobRunOutcome;
  message: string | null;
}

const columns = ['id', 'job', 'scheduled_for', 'started_at', 'finished_at', 'outcome', 'message'] as const;

function toJobRun(row: {
  id: number;
  job: string;
  scheduled_for: Date;
  started_at: Date;
  finished_at: Date | null;
  outcome: JobRunOutcome;
  message: string | null;
}): JobRun {
  return {
    id: row.id,
    job: row.job,
    scheduledFor: row.scheduled_for,
    startedAt: row.started_at,
    finishedAt: row.finished_at,
    outcome: row.outcome,
    message: row.message,
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

/**
 * Takes the slot for this instance. Returns the new run's id, or undefined when another
 * instance (or an earlier call) already holds it: the unique (job, scheduled_for) decides.
 */
export async function claimRun(db: Db, job: string, scheduledFor: Date, startedAt: Date): Promise<number | undefined> {
  const row = await db
    .insertInto('job_runs')
    .values({ job, scheduled_for: scheduledFor, started_at: startedAt })
    .onConflict((oc) => oc.columns(['job', 'scheduled_for']).doNothing())
    .returning('id')
    .executeTakeFirst();
  return row?.id;
}

export async function finishRun(
  db: Db,
  id: number,
  outcome: Exclude<JobRunOutcome, 'running'>,
  finishedAt: Date,
  message: string | null,
): Promise<void> {
  await db
    .updateTable('job_runs')
    .set({ outcome, finished_at: finishedAt, message })
    .where('id', '=', id)
    .where('outcome', '=', 'running')
    .execute();
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
 * Deletes runs that started before `before`, stuck ones included (an older slot is never due
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
