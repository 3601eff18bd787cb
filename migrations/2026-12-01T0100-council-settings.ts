import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here, never edit once released.
// The council's own settings for the rules its constitution sets (issue 10): the key-decision
// threshold, call-in, and how clear days are counted. One row, made here with the defaults of
// Peterborough's constitution, so the rules have their values before anyone edits them.
// A table of its own rather than columns on `council`: these are rules, not contact details,
// they hold before the council's name is entered, and their history is kept apart from the
// details' ('council_settings' in reference_changes). Announced like every public table, since
// the plan's explanations show the threshold.
// Also on decisions: the key-decision test's estimate, and why a decision that meets the test
// is not treated as key. Both staff-only.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE council_settings (
      id integer PRIMARY KEY DEFAULT 1 CONSTRAINT council_settings_one_row CHECK (id = 1),
      key_decision_threshold_pounds integer NOT NULL DEFAULT 500000
        CONSTRAINT council_settings_threshold_range CHECK (key_decision_threshold_pounds BETWEEN 1 AND 1000000000),
      call_in_working_days integer NOT NULL DEFAULT 3
        CONSTRAINT council_settings_call_in_days_range CHECK (call_in_working_days BETWEEN 1 AND 30),
      call_in_members_required integer NOT NULL DEFAULT 3
        CONSTRAINT council_settings_call_in_members_range CHECK (call_in_members_required BETWEEN 1 AND 50),
      -- Kinds of decision maker. A migration that adds a kind ('leader', 'committee', 'officer',
      -- 'joint') drops this named constraint and adds it again with the longer list.
      call_in_applies_to text[] NOT NULL DEFAULT ARRAY['cabinet', 'member']::text[]
        CONSTRAINT council_settings_call_in_makers_known
        CHECK (call_in_applies_to <@ ARRAY['cabinet', 'member']::text[] AND array_position(call_in_applies_to, NULL) IS NULL),
      call_in_urgent_exempt boolean NOT NULL DEFAULT true,
      clear_days text NOT NULL DEFAULT 'calendar' CONSTRAINT council_settings_clear_days_known CHECK (clear_days IN ('calendar', 'working'))
    )`.execute(db);
  await sql`INSERT INTO council_settings DEFAULT VALUES`.execute(db);
  // notify_forward_plan_changed() comes from 2026-11-23T0051-change-notify.
  await sql`
    CREATE TRIGGER council_settings_notify_change
    AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON council_settings
    FOR EACH STATEMENT EXECUTE FUNCTION notify_forward_plan_changed()`.execute(db);

  await sql`ALTER TABLE reference_changes DROP CONSTRAINT reference_changes_kind_check`.execute(db);
  await sql`
    ALTER TABLE reference_changes ADD CONSTRAINT reference_changes_kind_check
    CHECK (kind IN ('council', 'council_settings', 'committee', 'ward', 'directorate', 'decision_maker'))`.execute(db);

  await sql`
    ALTER TABLE decisions
      ADD COLUMN estimated_value_pounds bigint
        CONSTRAINT decisions_estimated_value_range CHECK (estimated_value_pounds BETWEEN 0 AND 999999999999),
      ADD COLUMN non_key_reason text NOT NULL DEFAULT ''
        CONSTRAINT decisions_non_key_reason_length CHECK (length(non_key_reason) <= 20000)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE decisions DROP COLUMN IF EXISTS estimated_value_pounds, DROP COLUMN IF EXISTS non_key_reason`.execute(db);
  // The settings' history is append-only and stays; the old rule holds for new rows only.
  await sql`ALTER TABLE reference_changes DROP CONSTRAINT reference_changes_kind_check`.execute(db);
  await sql`
    ALTER TABLE reference_changes ADD CONSTRAINT reference_changes_kind_check
    CHECK (kind IN ('council', 'committee', 'ward', 'directorate', 'decision_maker')) NOT VALID`.execute(db);
  await sql`DROP TABLE IF EXISTS council_settings`.execute(db);
}
