import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here, never edit once released.
// The audit trail of reference data: every change administrators (or the `fp merge` command)
// make to the council's details, committees, wards, directorates, decision makers, their
// portfolios and spellings. Append-only, like decision_changes.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE reference_changes (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      changed_at timestamptz NOT NULL,
      user_id integer REFERENCES users (id),
      source text NOT NULL CHECK (source IN ('staff', 'command')),
      kind text NOT NULL CHECK (kind IN ('council', 'committee', 'ward', 'directorate', 'decision_maker')),
      -- No foreign key: a merged entity is deleted, and its history must outlive it.
      entity_id integer NOT NULL,
      entity_name text NOT NULL CHECK (entity_name <> ''),
      action text NOT NULL CHECK (action IN (
        'created', 'updated', 'reviewed', 'alias_added', 'alias_removed', 'merged',
        'portfolio_added', 'portfolio_updated', 'portfolio_ended')),
      fields jsonb NOT NULL DEFAULT '{}'::jsonb CHECK (jsonb_typeof(fields) = 'object'),
      CHECK (source <> 'staff' OR user_id IS NOT NULL)
    )`.execute(db);
  await sql`CREATE INDEX reference_changes_entity ON reference_changes (kind, entity_id, changed_at)`.execute(db);
  await sql`CREATE INDEX reference_changes_recent ON reference_changes (changed_at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX reference_changes_user ON reference_changes (user_id)`.execute(db);
  // refuse_audit_change() comes from 2026-11-23T0040-decision-keeping.
  await sql`
    CREATE TRIGGER reference_changes_append_only BEFORE UPDATE OR DELETE ON reference_changes
    FOR EACH ROW EXECUTE FUNCTION refuse_audit_change()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE IF EXISTS reference_changes`.execute(db);
}
