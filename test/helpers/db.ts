import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type DbHandle } from '../../src/db/create-db.ts';
import { migrateToLatestOrThrow } from '../../src/db/migrate.ts';

/**
 * A fresh, migrated database for one test file: its own schema on the PostgreSQL server when
 * DATABASE_URL is set, otherwise an in-memory PGlite. Files run in parallel without seeing
 * each other's data.
 */
export async function freshDb(): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const handle = await createDb({});
    await migrateToLatestOrThrow(handle.db);
    return handle;
  }
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE SCHEMA ${schema}`);
  await admin.end();
  const handle = await createDb({ databaseUrl: url, schema, poolSize: 4 });
  await migrateToLatestOrThrow(handle.db);
  return {
    ...handle,
    async close() {
      await handle.close();
      const cleanup = new pg.Client({ connectionString: url });
      await cleanup.connect();
      await cleanup.query(`DROP SCHEMA ${schema} CASCADE`);
      await cleanup.end();
    },
  };
}
