import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here, never edit once released.

export async function up(db: Kysely<any>): Promise<void> {
  // One row per (job, slot) is the whole of the exactly-once guarantee: every instance tries to
  // insert the row for a due slot and only the one whose insert succeeds runs the job.
  await sql`
    CREATE TABLE job_runs (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      job text NOT NULL CHECK (job ~ '^[a-z0-9]+(-[a-z0-9]+)*$' AND length(job) <= 100),
      scheduled_for timestamptz NOT NULL,
      started_at timestamptz NOT NULL,
      finished_at timestamptz,
      outcome text NOT NULL DEFAULT 'running' CHECK (outcome IN ('running', 'succeeded', 'failed')),
      message text,
      CONSTRAINT job_runs_one_run_per_slot UNIQUE (job, scheduled_for),
      CHECK ((outcome = 'running') = (finished_at IS NULL))
    )`.execute(db);
  await sql`COMMENT ON COLUMN job_runs.scheduled_for IS
    'The slot this run is for, not when it started: a run caught up after downtime starts later than its slot'`.execute(db);
  await sql`COMMENT ON COLUMN job_runs.outcome IS
    'A row left running long after started_at belongs to an instance that died mid-run; the slot is not retried'`.execute(db);
  // The staff page lists the newest runs and the purge removes the oldest.
  await sql`CREATE INDEX job_runs_started_at ON job_runs (started_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE job_runs`.execute(db);
}
