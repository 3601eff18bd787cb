import { mkdirSync } from 'node:fs';
import { PGlite } from '@electric-sql/pglite';
import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';
import { lockDataDir } from './data-dir-lock.ts';
import { PGliteDialect } from './pglite-dialect.ts';

export type Db = Kysely<Database>;

// Set once, on purpose: DATE stays a 'YYYY-MM-DD' string (no timezone shift through JS Date),
// and counts (int8) come back as numbers; they never approach 2^53 here.
const DATE_OID = 1082;
const INT8_OID = 20;
const parseInt8 = (value: string) => Number.parseInt(value, 10);
const keepString = (value: string) => value;

export interface DbOptions {
  databaseUrl?: string | undefined;
  /** Directory for embedded PGlite; undefined means in memory. */
  dataDir?: string | undefined;
  /** PostgreSQL schema to use (tests give each file its own). */
  schema?: string | undefined;
  poolSize?: number;
  /** A PGlite data directory dump to start from (tests start from a migrated template). */
  loadDataDir?: Blob | undefined;
}

export interface DbHandle {
  db: Db;
  kind: 'postgres' | 'pglite';
  /** The embedded instance, when there is one (for dumps and backups). */
  pglite?: PGlite;
  close(): Promise<void>;
}

export async function createDb(options: DbOptions): Promise<DbHandle> {
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      max: options.poolSize ?? 10,
      connectionTimeoutMillis: 5_000,
      ...(options.schema ? { options: `-c search_path=${options.schema}` } : {}),
      types: {
        getTypeParser: ((oid: number, format?: 'text' | 'binary') => {
          if (oid === DATE_OID) return keepString;
          if (oid === INT8_OID) return parseInt8;
          return pg.types.getTypeParser(oid, format);
        }) as typeof pg.types.getTypeParser,
      },
    });
    // An idle client that loses its server must not crash the process; the next query reports it.
    pool.on('error', (error) => console.error('database pool error:', error.message));
    // A client checked out when its server goes away emits 'error' too, and pg-pool only listens on
    // idle ones: unheard, that would crash the process. The query in flight still fails (503).
    pool.on('connect', (client) => client.on('error', (error) => console.error('database connection lost:', error.message)));
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: 'postgres', close: () => db.destroy() };
  }
  if (options.dataDir) mkdirSync(options.dataDir, { recursive: true });
  const unlock = options.dataDir ? lockDataDir(options.dataDir) : () => {};
  let pglite: PGlite;
  try {
    pglite = await PGlite.create(options.dataDir, {
      parsers: { [DATE_OID]: keepString, [INT8_OID]: parseInt8 },
      ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    });
  } catch (error) {
    unlock();
    throw error;
  }
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return {
    db,
    kind: 'pglite',
    pglite,
    close: async () => {
      await db.destroy();
      unlock();
    },
  };
}
