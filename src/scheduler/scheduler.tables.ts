import type { Generated } from 'kysely';
import type { OptionalTimestamp, Timestamp } from '../db/column-types.ts';

export type JobRunOutcome = 'running' | 'interrupted' | 'succeeded' | 'failed';

export interface JobRunTable {
  id: Generated<number>;
  job: string;
  scheduled_for: Timestamp;
  started_at: Timestamp;
  finished_at: OptionalTimestamp;
  outcome: Generated<JobRunOutcome>;
  message: string | null;
  /** The instance running (or that last ran) the slot; null only for runs from before leases. */
  holder: string | null;
  attempts: Generated<number>;
  /** Set while running (the holder's lease) or interrupted (when it is retried). */
  lease_expires_at: OptionalTimestamp;
}

export type JobRunAttemptOutcome = 'running' | 'succeeded' | 'failed' | 'interrupted' | 'abandoned';

export interface JobRunAttemptTable {
  run_id: number;
  attempt: number;
  holder: string;
  started_at: Timestamp;
  ended_at: OptionalTimestamp;
  outcome: Generated<JobRunAttemptOutcome>;
  message: string | null;
}

/** The tables scheduler/ keeps: each job's runs (a slot each) and every attempt at one. */
export interface SchedulerTables {
  job_runs: JobRunTable;
  job_run_attempts: JobRunAttemptTable;
}
