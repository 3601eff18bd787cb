import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here, never edit once released.
// Regulation 18: a scrutiny committee resolves that a decision taken as non-key should have been
// treated as a key decision; the executive must then report to the council (its next meeting, or
// by the date the committee sets): the decision, the reasons for it, and — if the decision maker
// thinks it was not key — their view of why.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE regulation_18_reports (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      decision_id integer NOT NULL REFERENCES decisions (id),
      committee_id integer NOT NULL REFERENCES committees (id),
      resolved_on date NOT NULL,
      committee_reasons text NOT NULL CHECK (btrim(committee_reasons) <> '' AND length(committee_reasons) <= 10000),
      report_due_on date NOT NULL,
      decision_maker_view text NOT NULL DEFAULT '' CHECK (length(decision_maker_view) <= 10000),
      reported_on date,
      recorded_by integer REFERENCES users (id),
      recorded_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      CONSTRAINT regulation_18_due_after_resolution CHECK (report_due_on >= resolved_on),
      CONSTRAINT regulation_18_reported_after_resolution CHECK (reported_on IS NULL OR reported_on >= resolved_on),
      CONSTRAINT regulation_18_one_resolution UNIQUE (decision_id, committee_id, resolved_on)
    )`.execute(db);
  await sql`CREATE INDEX regulation_18_reports_decision ON regulation_18_reports (decision_id)`.execute(db);
  await sql`CREATE INDEX regulation_18_reports_due ON regulation_18_reports (report_due_on)`.execute(db);

  await sql`ALTER TABLE decision_changes DROP CONSTRAINT decision_changes_action_check`.execute(db);
  await sql`
    ALTER TABLE decision_changes ADD CONSTRAINT decision_changes_action_check
      CHECK (action IN ('created', 'updated', 'outcome', 'exception', 'private_notice', 'published', 'regulation_18'))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE decision_changes DROP CONSTRAINT decision_changes_action_check`.execute(db);
  await sql`
    ALTER TABLE decision_changes ADD CONSTRAINT decision_changes_action_check
      CHECK (action IN ('created', 'updated', 'outcome', 'exception', 'private_notice', 'published'))`.execute(db);
  await sql`DROP TABLE regulation_18_reports`.execute(db);
}
