import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here, never edit once released.
// The records governance staff keep about a decision: every change (audit), its outcome, the
// statutory exceptions that allow it to be taken without 28 clear days' notice, and the
// notices about holding it in private.

export async function up(db: Kysely<any>): Promise<void> {
  // A key decision may sit in Part 2 (key and private); Part 1/4 decisions are always key.
  await sql`ALTER TABLE decisions ADD COLUMN is_key boolean NOT NULL DEFAULT false`.execute(db);
  await sql`UPDATE decisions SET is_key = (part IN ('key', 'urgent') OR reference IS NOT NULL)`.execute(db);
  await sql`ALTER TABLE decisions ADD CONSTRAINT decisions_key_parts CHECK (is_key OR part NOT IN ('key', 'urgent'))`.execute(db);
  // Staff-only working notes: never rendered in any public page, feed, API or export.
  await sql`ALTER TABLE decisions ADD COLUMN internal_notes text NOT NULL DEFAULT ''`.execute(db);
  await sql`ALTER TABLE decisions ADD COLUMN created_by integer REFERENCES users (id)`.execute(db);

  await sql`
    CREATE TABLE decision_changes (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      decision_id integer NOT NULL REFERENCES decisions (id),
      user_id integer REFERENCES users (id),
      source text NOT NULL CHECK (source IN ('staff', 'import', 'publication', 'system')),
      action text NOT NULL CHECK (action IN ('created', 'updated', 'outcome', 'exception', 'private_notice', 'published')),
      changed_at timestamptz NOT NULL,
      fields jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(fields) = 'object'),
      note text NOT NULL DEFAULT ''
    )`.execute(db);
  await sql`CREATE INDEX decision_changes_decision ON decision_changes (decision_id, changed_at)`.execute(db);
  await sql`CREATE INDEX decision_changes_recent ON decision_changes (changed_at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX decision_changes_user ON decision_changes (user_id)`.execute(db);
  // The audit trail is append-only.
  await sql`
    CREATE FUNCTION refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'the audit log cannot be changed (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER decision_changes_append_only BEFORE UPDATE OR DELETE ON decision_changes
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change()`.execute(db);

  // Outcomes: the record regulations 12 and 13 require for a decision taken, or why it was
  // withdrawn, or the new date it was deferred to.
  await sql`
    CREATE TABLE decision_outcomes (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      decision_id integer NOT NULL REFERENCES decisions (id),
      kind text NOT NULL CHECK (kind IN ('taken', 'withdrawn', 'deferred')),
      occurred_on date NOT NULL,
      decision_maker text NOT NULL DEFAULT '',
      summary text NOT NULL DEFAULT '',
      reasons text NOT NULL DEFAULT '',
      alternatives_considered text NOT NULL DEFAULT '',
      notice_url text NOT NULL DEFAULT '' CHECK (notice_url = '' OR notice_url ~ '^https?://'),
      withdrawal_reason text NOT NULL DEFAULT '',
      new_expected_date date,
      new_expected_precision text CHECK (new_expected_precision IN ('day', 'month')),
      recorded_by integer REFERENCES users (id),
      recorded_at timestamptz NOT NULL,
      CHECK (kind <> 'taken' OR (summary <> '' AND reasons <> '' AND decision_maker <> '')),
      CHECK (kind <> 'withdrawn' OR withdrawal_reason <> ''),
      CHECK ((kind = 'deferred') = (new_expected_date IS NOT NULL)),
      CHECK ((new_expected_date IS NULL) = (new_expected_precision IS NULL))
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX decision_outcomes_final ON decision_outcomes (decision_id) WHERE kind IN ('taken', 'withdrawn')`.execute(db);
  await sql`CREATE INDEX decision_outcomes_decision ON decision_outcomes (decision_id)`.execute(db);

  // Regulations 10 (general exception) and 11 (special urgency).
  await sql`
    CREATE TABLE notice_exceptions (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      decision_id integer NOT NULL REFERENCES decisions (id),
      regulation smallint NOT NULL CHECK (regulation IN (10, 11)),
      chair_notified_on date,
      notice_published_on date,
      agreed_by text NOT NULL DEFAULT '',
      agreed_by_role text CHECK (agreed_by_role IN ('scrutiny_chair', 'council_chair', 'council_vice_chair')),
      agreed_on date,
      reasons text NOT NULL CHECK (btrim(reasons) <> ''),
      reasons_notice_published_on date,
      recorded_by integer REFERENCES users (id),
      recorded_at timestamptz NOT NULL,
      CHECK (regulation <> 10 OR (chair_notified_on IS NOT NULL AND notice_published_on IS NOT NULL)),
      CHECK (regulation <> 11 OR (agreed_by <> '' AND agreed_by_role IS NOT NULL AND agreed_on IS NOT NULL))
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX notice_exceptions_one_per_regulation ON notice_exceptions (decision_id, regulation)`.execute(db);

  // Regulation 5: notice of intention to meet in private, representations, the further notice.
  await sql`
    CREATE TABLE private_meeting_notices (
      decision_id integer PRIMARY KEY REFERENCES decisions (id),
      intention_published_on date,
      further_notice_published_on date,
      representations text NOT NULL DEFAULT '',
      response text NOT NULL DEFAULT '',
      updated_by integer REFERENCES users (id),
      updated_at timestamptz NOT NULL
    )`.execute(db);

  await sql`ALTER TABLE plans ADD COLUMN published_by integer REFERENCES users (id)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE plans DROP COLUMN IF EXISTS published_by`.execute(db);
  await sql`DROP TABLE IF EXISTS private_meeting_notices`.execute(db);
  await sql`DROP TABLE IF EXISTS notice_exceptions`.execute(db);
  await sql`DROP TABLE IF EXISTS decision_outcomes`.execute(db);
  await sql`DROP TABLE IF EXISTS decision_changes`.execute(db);
  await sql`DROP FUNCTION IF EXISTS refuse_audit_change()`.execute(db);
  await sql`ALTER TABLE decisions DROP CONSTRAINT IF EXISTS decisions_key_parts`.execute(db);
  await sql`ALTER TABLE decisions DROP COLUMN IF EXISTS created_by`.execute(db);
  await sql`ALTER TABLE decisions DROP COLUMN IF EXISTS internal_notes`.execute(db);
  await sql`ALTER TABLE decisions DROP COLUMN IF EXISTS is_key`.execute(db);
}
