import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here, never edit once released.
// The regulation 10, 11 and 5 notices become public pages. A notice's publication is a public
// event of its decision ('notice_published'), which the feeds and email alerts carry: one event
// per notice and stage (a general exception's notice, then its notice of reasons; a private
// decision's notice of intention, then its further notice), never two for the same stage. The
// notice tables now show on public pages, so their changes announce themselves like the others'.

const KINDS_BEFORE = ['advertised', 'date_changed', 'part_changed', 'deferred', 'taken', 'withdrawn'];
const KINDS_AFTER = [...KINDS_BEFORE, 'notice_published'];
const NOTICE_TABLES = ['notice_exceptions', 'private_meeting_notices'];

function kindCheck(kinds: string[]) {
  return sql`CHECK (kind IN (${sql.join(kinds.map((kind) => sql.lit(kind)))}))`;
}

export async function up(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE decision_events DROP CONSTRAINT decision_events_kind_check`.execute(db);
  await sql`ALTER TABLE decision_events ADD CONSTRAINT decision_events_kind_check ${kindCheck(KINDS_AFTER)}`.execute(db);
  await sql`
    ALTER TABLE decision_events ADD CONSTRAINT decision_events_notice_details CHECK (
      kind <> 'notice_published' OR (
        (details->>'notice' = 'general-exception' AND details->>'stage' IN ('notice', 'reasons'))
        OR (details->>'notice' = 'special-urgency' AND details->>'stage' = 'notice')
        OR (details->>'notice' = 'private' AND details->>'stage' IN ('intention', 'further'))
      ) AND details->>'publishedOn' ~ '^[0-9]{4}-[0-9]{2}-[0-9]{2}$'
    )`.execute(db);
  await sql`
    CREATE UNIQUE INDEX decision_events_one_per_notice_stage
    ON decision_events (decision_id, (details->>'notice'), (details->>'stage'))
    WHERE kind = 'notice_published'`.execute(db);

  // The function is migration 2026-11-23T0051's: one NOTIFY per statement, with the schema.
  for (const table of NOTICE_TABLES) {
    await sql`
      CREATE TRIGGER ${sql.id(`${table}_notify_change`)}
      AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION notify_forward_plan_changed()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of NOTICE_TABLES) {
    await sql`DROP TRIGGER IF EXISTS ${sql.id(`${table}_notify_change`)} ON ${sql.table(table)}`.execute(db);
  }
  await sql`DROP INDEX IF EXISTS decision_events_one_per_notice_stage`.execute(db);
  await sql`ALTER TABLE decision_events DROP CONSTRAINT IF EXISTS decision_events_notice_details`.execute(db);
  // The older check cannot hold these events.
  await sql`DELETE FROM decision_events WHERE kind = 'notice_published'`.execute(db);
  await sql`ALTER TABLE decision_events DROP CONSTRAINT decision_events_kind_check`.execute(db);
  await sql`ALTER TABLE decision_events ADD CONSTRAINT decision_events_kind_check ${kindCheck(KINDS_BEFORE)}`.execute(db);
}
