import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here, never edit once released.
// Every change to what the public pages and feeds show announces itself on one channel, so
// caches in every instance (and changes made by the CLI in another process) are seen at once.
// The payload is the schema of the table that changed: services sharing one server in
// separate schemas (as the tests do) ignore each other's changes.

const WATCHED = [
  'decisions', 'decision_events', 'decision_committees', 'decision_wards', 'plans',
  'committees', 'wards', 'directorates', 'decision_makers', 'portfolios', 'council',
];

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE FUNCTION notify_forward_plan_changed() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      PERFORM pg_notify('forward_plan_changed', TG_TABLE_SCHEMA);
      RETURN NULL;
    END $$`.execute(db);
  // Statement-level: one notification per statement at most, and PostgreSQL folds identical
  // ones within a transaction into one, delivered only if it commits.
  for (const table of WATCHED) {
    await sql`
      CREATE TRIGGER ${sql.id(`${table}_notify_change`)}
      AFTER INSERT OR UPDATE OR DELETE OR TRUNCATE ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION notify_forward_plan_changed()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of WATCHED) {
    await sql`DROP TRIGGER IF EXISTS ${sql.id(`${table}_notify_change`)} ON ${sql.table(table)}`.execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS notify_forward_plan_changed()`.execute(db);
}
