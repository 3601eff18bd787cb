import type { Db } from '../../src/db/create-db.ts';
import type { SchedulerLog } from '../../src/scheduler/scheduler.ts';

/** A log that keeps what the scheduler said, so tests can check failures are logged. */
export function collectingLog(): SchedulerLog & { lines: { info: string[]; warn: string[]; error: string[] } } {
  const lines = { info: [] as string[], warn: [] as string[], error: [] as string[] };
  return {
    lines,
    info: (message) => lines.info.push(message),
    warn: (message) => lines.warn.push(message),
    error: (message) => lines.error.push(message),
  };
}

/** The job_runs table as plain values, oldest slot first. */
export async function runRows(db: Db) {
  const rows = await db
    .selectFrom('job_runs')
    .select(['job', 'scheduled_for', 'outcome', 'message', 'finished_at'])
    .orderBy('scheduled_for')
    .orderBy('job')
    .execute();
  return rows.map((row) => ({
    job: row.job,
    scheduledFor: row.scheduled_for.toISOString(),
    outcome: row.outcome,
    message: row.message,
    finished: row.finished_at !== null,
  }));
}
