import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here, never edit once released.
// A decision's revision number and the time of its last revision, kept by the database so that
// every writer (the import, staff edits, publication, hand-typed SQL) moves them without
// knowing: calendar clients compare SEQUENCE and LAST-MODIFIED to decide whether an event they
// already hold has changed, so both must move on every change and never go back.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE decisions ADD COLUMN revision integer NOT NULL DEFAULT 0 CHECK (revision >= 0)`.execute(db);
  await sql`ALTER TABLE decisions ADD COLUMN revised_at timestamptz NOT NULL DEFAULT date_trunc('second', now())`.execute(db);
  // Compares whole rows, so columns added later count without another migration. `search` is
  // generated (not yet computed in a BEFORE trigger) and follows the other columns anyway.
  // revised_at moves at least a second each time, because calendars compare it in whole seconds.
  await sql`
    CREATE FUNCTION bump_decision_revision() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF (to_jsonb(NEW) - 'revision' - 'revised_at' - 'search')
         IS DISTINCT FROM (to_jsonb(OLD) - 'revision' - 'revised_at' - 'search') THEN
        NEW.revision := OLD.revision + 1;
        NEW.revised_at := greatest(date_trunc('second', clock_timestamp()), OLD.revised_at + interval '1 second');
      ELSE
        NEW.revision := OLD.revision;
        NEW.revised_at := OLD.revised_at;
      END IF;
      RETURN NEW;
    END $$`.execute(db);
  // BEFORE triggers fire in name order: the 'z' makes this one see what any other one changed.
  await sql`
    CREATE TRIGGER decisions_z_revision BEFORE UPDATE ON decisions
    FOR EACH ROW EXECUTE FUNCTION bump_decision_revision()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TRIGGER IF EXISTS decisions_z_revision ON decisions`.execute(db);
  await sql`DROP FUNCTION IF EXISTS bump_decision_revision()`.execute(db);
  await sql`ALTER TABLE decisions DROP COLUMN IF EXISTS revised_at`.execute(db);
  await sql`ALTER TABLE decisions DROP COLUMN IF EXISTS revision`.execute(db);
}
