import { createDb } from '../../src/db/create-db.ts';
import { migrateToLatestOrThrow } from '../../src/db/migrate.ts';
import { testConfig } from '../../src/config/config.ts';
import { createDeps } from '../../src/deps.ts';
import { ManualClock } from '../../src/lib/clock.ts';
import { loadSample } from '../../src/sample/load-sample.ts';
import pg from 'pg';

/** What the test runner hands the test files, through their environment. */
export const TEST_ENV = {
  serverUrl: 'FP_TEST_SERVER_URL',
  emptyTemplate: 'FP_TEST_TEMPLATE_EMPTY',
  sampleTemplate: 'FP_TEST_TEMPLATE_SAMPLE',
  databasePrefix: 'FP_TEST_DATABASE_PREFIX',
} as const;

/** The same server's address with another database in it. */
export function databaseUrl(serverUrl: string, database: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${database}`;
  return url.href;
}

async function admin<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

export interface TestTemplates {
  env: Record<string, string>;
  /** Drops the templates and every test database of this run that was left behind. */
  drop(): Promise<void>;
}

/**
 * Two template databases for one test run: migrated, and migrated with the sample plan loaded.
 * Every test copies one of them, so migrations and the import run once per run, not per test.
 */
export async function prepareTestTemplates(serverUrl: string, runId: string): Promise<TestTemplates> {
  const empty = `fp_tpl_${runId}_empty`;
  const sample = `fp_tpl_${runId}_sample`;
  const prefix = `fp_test_${runId}_`;
  const drop = () =>
    admin(serverUrl, async (client) => {
      const { rows } = await client.query<{ datname: string }>(
        `SELECT datname FROM pg_database WHERE datname LIKE $1 OR datname LIKE $2`,
        [`fp_tpl_${runId}_%`, `${prefix}%`],
      );
      for (const { datname } of rows) await client.query(`DROP DATABASE IF EXISTS ${datname} WITH (FORCE)`);
    });
  try {
    await admin(serverUrl, (client) => client.query(`CREATE DATABASE ${empty}`));
    const emptyDb = createDb({ url: databaseUrl(serverUrl, empty), timeoutMs: 60_000 });
    await migrateToLatestOrThrow(emptyDb.db).finally(() => emptyDb.close());
    await admin(serverUrl, (client) => client.query(`CREATE DATABASE ${sample} TEMPLATE ${empty}`));
    const sampleDb = createDb({ url: databaseUrl(serverUrl, sample), timeoutMs: 60_000 });
    try {
      const deps = createDeps(testConfig(), sampleDb.db, new ManualClock('2024-02-26T10:00:00Z'));
      await loadSample(deps);
      await deps.feeds.close();
    } finally {
      await sampleDb.close();
    }
  } catch (error) {
    await drop().catch(() => undefined);
    throw error;
  }
  return {
    env: {
      [TEST_ENV.serverUrl]: serverUrl,
      [TEST_ENV.emptyTemplate]: empty,
      [TEST_ENV.sampleTemplate]: sample,
      [TEST_ENV.databasePrefix]: prefix,
    },
    drop,
  };
}
