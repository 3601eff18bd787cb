import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here, never edit once released.
// Every list of decisions is in expected-date order, then id: /decisions and its API, the entity
// pages, the staff list, the calendar. Many decisions share a date (a Cabinet meeting's; a month,
// kept as its 1st), and with an index on the date alone PostgreSQL read and sorted every decision
// of the first dates to find a page of 25. With the id in the index a page is read in order, and
// the index still serves every date range the one on the date alone did, so it replaces it.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX decisions_expected_order ON decisions (expected_date, id)`.execute(db);
  await sql`DROP INDEX decisions_expected_date`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`CREATE INDEX decisions_expected_date ON decisions (expected_date)`.execute(db);
  await sql`DROP INDEX decisions_expected_order`.execute(db);
}
