import test from 'ava';
import { sql } from 'kysely';
import { freshDb } from './helpers/db.ts';

test('migrations build the schema and dates come back as plain strings', async (t) => {
  const { db, close } = await freshDb();
  t.teardown(close);
  const row = await sql<{ d: string; n: number }>`SELECT date '2024-02-23' AS d, count(*) AS n FROM decisions`.execute(db);
  t.deepEqual(row.rows[0], { d: '2024-02-23', n: 0 });
});
