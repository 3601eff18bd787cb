import { sql } from 'kysely';
import type { Db } from '../../src/db/create-db.ts';

const TABLES = ['council', 'committees', 'wards', 'directorates', 'decision_makers', 'portfolios', 'aliases', 'decisions', 'decision_committees', 'decision_wards', 'plans', 'plan_entries', 'decision_events'];

/** Every row of the plan tables, for asserting that something left the database as it was. */
export async function databaseContents(db: Db): Promise<Record<string, unknown[]>> {
  const contents: Record<string, unknown[]> = {};
  for (const table of TABLES) {
    const result = await sql<Record<string, unknown>>`SELECT * FROM ${sql.table(table)} ORDER BY 1`.execute(db);
    contents[table] = result.rows;
  }
  return contents;
}
