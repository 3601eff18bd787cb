import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { createDb, type DbHandle } from '../../src/db/create-db.ts';
import { TEST_ENV, databaseUrl } from './test-databases.ts';

function required(name: string): string {
  const value = process.env[name];
  if (!value) {
    throw new Error(
      `${name} is not set: run the tests with npm test (or npm run ava -- FILES), which starts a database server for them ` +
        '(the embedded one, or DATABASE_URL) and prepares the template databases.',
    );
  }
  return value;
}

/** The server the test run uses (PostgreSQL 18 embedded, or DATABASE_URL's), for tests that need their own connections. */
export function testServerUrl(database = 'postgres'): string {
  return databaseUrl(required(TEST_ENV.serverUrl), database);
}

async function onServer<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: testServerUrl() });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh, migrated database for one test, copied from the run's template (with or without the
 * sample plan) with CREATE DATABASE … TEMPLATE, so tests run in parallel without seeing each
 * other's data, and each starts in a few tens of milliseconds. Closing it drops it.
 */
export async function freshDb(options: { sample?: boolean } = {}): Promise<DbHandle> {
  const template = required(options.sample ? TEST_ENV.sampleTemplate : TEST_ENV.emptyTemplate);
  const name = `${required(TEST_ENV.databasePrefix)}${randomBytes(5).toString('hex')}`;
  await onServer((client) => client.query(`CREATE DATABASE ${name} TEMPLATE ${template}`));
  const handle = createDb({ url: testServerUrl(name), poolSize: 4, timeoutMs: 30_000 });
  return {
    ...handle,
    async close() {
      await handle.close();
      await onServer((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}
