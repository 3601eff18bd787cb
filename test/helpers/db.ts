import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type DbHandle } from '../../src/db/create-db.ts';
import { migrateToLatestOrThrow } from '../../src/db/migrate.ts';
import { testConfig } from '../../src/config.ts';
import { createDeps } from '../../src/deps.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { loadSample } from '../../src/sample/load-sample.ts';

const templates = new Map<string, Promise<Blob>>();

/**
 * One migrated PGlite per test process (and one with the sample plan loaded), dumped, so each
 * test starts from a copy in ≈0.3 s instead of 2 s of initdb plus the import.
 */
function template(sample: boolean): Promise<Blob> {
  const key = sample ? 'sample' : 'empty';
  let found = templates.get(key);
  if (!found) {
    found = (async () => {
      const handle = await createDb(sample ? { loadDataDir: await template(false) } : {});
      await migrateToLatestOrThrow(handle.db);
      if (sample) await loadSampleInto(handle);
      const dump = await dumpOf(handle);
      await handle.close();
      return dump;
    })();
    templates.set(key, found);
  }
  return found;
}

async function loadSampleInto(handle: DbHandle): Promise<void> {
  const deps = createDeps(testConfig(), handle.db, new ManualClock('2024-02-26T10:00:00Z'));
  await loadSample(deps);
}

async function dumpOf(handle: DbHandle): Promise<Blob> {
  if (!handle.pglite) throw new Error('not an embedded database');
  return handle.pglite.dumpDataDir('none');
}

/**
 * A fresh, migrated database for one test: its own schema on the PostgreSQL server when
 * DATABASE_URL is set, otherwise an in-memory PGlite. Tests run in parallel without seeing
 * each other's data.
 */
export async function freshDb(options: { sample?: boolean } = {}): Promise<DbHandle> {
  const url = process.env.DATABASE_URL;
  if (!url) {
    const handle = await createDb({ loadDataDir: await template(options.sample ?? false) });
    await migrateToLatestOrThrow(handle.db);
    return handle;
  }
  return freshSchema(url, options);
}

/*
 * kysely's migrator lists the tables of EVERY schema before it takes its own lock, so a test
 * file dropping its schema at that moment made another file's fresh migration fail with
 * "schema test_… does not exist". Migrations hold this advisory lock shared (many at once) and
 * a drop holds it exclusively, so a drop never overlaps anyone's introspection.
 */
const SCHEMA_LIFECYCLE_LOCK = 727_1955;

async function withSchemaLock<T>(url: string, mode: 'shared' | 'exclusive', work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  const suffix = mode === 'shared' ? '_shared' : '';
  try {
    await client.query(`SELECT pg_advisory_lock${suffix}($1)`, [SCHEMA_LIFECYCLE_LOCK]);
    return await work(client);
  } finally {
    await client.query(`SELECT pg_advisory_unlock${suffix}($1)`, [SCHEMA_LIFECYCLE_LOCK]).catch(() => undefined);
    await client.end();
  }
}

async function freshSchema(url: string, options: { sample?: boolean }): Promise<DbHandle> {
  const schema = `test_${randomBytes(6).toString('hex')}`;
  const handle = await createDb({ databaseUrl: url, schema, poolSize: 4 });
  const dropSchema = () => withSchemaLock(url, 'exclusive', (client) => client.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`));
  try {
    await withSchemaLock(url, 'shared', async (client) => {
      await client.query(`CREATE SCHEMA ${schema}`);
      await migrateToLatestOrThrow(handle.db, schema);
    });
  } catch (error) {
    await handle.close();
    await dropSchema();
    throw error;
  }
  if (options.sample) await loadSampleInto(handle);
  return {
    ...handle,
    async close() {
      await handle.close();
      await dropSchema();
    },
  };
}
