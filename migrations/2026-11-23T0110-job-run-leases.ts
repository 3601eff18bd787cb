import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here, never edit once released.
// Leases on scheduled runs. A run that is 'running' belongs to the instance named in `holder`
// until `lease_expires_at`, which that instance pushes forward while the job runs; a run whose
// lease has expired (its instance died, or lost the database and could not record the outcome)
// is taken over and run again by any instance, and so is one interrupted by the database
// going away once its retry time has come. Every attempt is kept in job_run_attempts.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE job_runs
      ADD COLUMN holder text CHECK (btrim(holder) <> '' AND length(holder) <= 200),
      ADD COLUMN attempts integer NOT NULL DEFAULT 1 CHECK (attempts >= 1),
      ADD COLUMN lease_expires_at timestamptz`.execute(db);
  // Runs left 'running' before leases existed were reported stuck after an hour and never
  // retried: they get that hour as their lease, so the latest one of each job is retried now.
  await sql`UPDATE job_runs SET lease_expires_at = started_at + interval '1 hour' WHERE outcome = 'running'`.execute(db);

  await sql`ALTER TABLE job_runs DROP CONSTRAINT job_runs_outcome_check, DROP CONSTRAINT job_runs_check`.execute(db);
  await sql`
    ALTER TABLE job_runs
      ADD CONSTRAINT job_runs_outcome_check CHECK (outcome IN ('running', 'interrupted', 'succeeded', 'failed')),
      ADD CONSTRAINT job_runs_finished_when_done CHECK ((outcome IN ('succeeded', 'failed')) = (finished_at IS NOT NULL)),
      ADD CONSTRAINT job_runs_leased_until_done CHECK ((outcome IN ('running', 'interrupted')) = (lease_expires_at IS NOT NULL))`.execute(db);
  await sql`COMMENT ON COLUMN job_runs.outcome IS
    'running: an attempt holds the lease; interrupted: the database went away mid-run, retried from lease_expires_at; succeeded, failed: done'`.execute(db);
  await sql`COMMENT ON COLUMN job_runs.lease_expires_at IS
    'running: the holder''s lease, renewed while it runs; once past, any instance may take the run over. interrupted: when it is retried'`.execute(db);

  await sql`
    CREATE TABLE job_run_attempts (
      run_id bigint NOT NULL REFERENCES job_runs (id) ON DELETE CASCADE,
      attempt integer NOT NULL CHECK (attempt >= 1),
      holder text NOT NULL CHECK (btrim(holder) <> '' AND length(holder) <= 200),
      started_at timestamptz NOT NULL,
      ended_at timestamptz,
      outcome text NOT NULL DEFAULT 'running'
        CHECK (outcome IN ('running', 'succeeded', 'failed', 'interrupted', 'abandoned')),
      message text,
      PRIMARY KEY (run_id, attempt),
      CHECK ((outcome IN ('running', 'abandoned')) = (ended_at IS NULL))
    )`.execute(db);
  // The runs so far, as the first attempt of each (by an instance whose name was not kept).
  await sql`
    INSERT INTO job_run_attempts (run_id, attempt, holder, started_at, ended_at, outcome, message)
    SELECT id, 1, 'an instance from before leases', started_at, finished_at, outcome, message FROM job_runs`.execute(db);
  await sql`COMMENT ON COLUMN job_run_attempts.outcome IS
    'abandoned: its lease expired with no outcome reported (the instance stopped or lost the database); recorded by the instance that took over'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE job_run_attempts`.execute(db);
  // Back to the old states: an interrupted run counts as running (which the old code reports stuck).
  await sql`UPDATE job_runs SET outcome = 'running' WHERE outcome = 'interrupted'`.execute(db);
  await sql`
    ALTER TABLE job_runs
      DROP CONSTRAINT job_runs_leased_until_done,
      DROP CONSTRAINT job_runs_finished_when_done,
      DROP CONSTRAINT job_runs_outcome_check`.execute(db);
  await sql`
    ALTER TABLE job_runs
      ADD CONSTRAINT job_runs_outcome_check CHECK (outcome IN ('running', 'succeeded', 'failed')),
      ADD CONSTRAINT job_runs_check CHECK ((outcome = 'running') = (finished_at IS NULL))`.execute(db);
  await sql`ALTER TABLE job_runs DROP COLUMN lease_expires_at, DROP COLUMN attempts, DROP COLUMN holder`.execute(db);
}
