import { Kysely, PostgresDialect, type PostgresPool, type PostgresPoolClient } from 'kysely';
import pg from 'pg';
import type { Database } from './database.ts';
import { CommittedWrites } from './written-tables.ts';

export type Db = Kysely<Database>;

// Set once, on purpose: DATE stays a 'YYYY-MM-DD' string (no timezone shift through JS Date),
// and counts (int8) come back as numbers; they never approach 2^53 here.
const DATE_OID = 1082;
const INT8_OID = 20;
const parseInt8 = (value: string) => Number.parseInt(value, 10);
const keepString = (value: string) => value;

export interface DbOptions {
  /** A PostgreSQL connection string: DATABASE_URL, or the embedded server's. */
  url: string;
  poolSize?: number;
  /**
   * The longest one statement may run, and the longest a request waits for a connection: a
   * database that stops answering costs a request this long, then a 503, never a hang.
   */
  timeoutMs?: number;
  /** How this process's connections show in pg_stat_activity. */
  applicationName?: string;
}

export type WriteListener = (tables: ReadonlySet<string>) => void;

export interface DbHandle {
  db: Db;
  /** The connection string, for connections of their own (LISTEN, tests). */
  url: string;
  /**
   * Calls `listener` with the tables each committed write of this process touched, as soon as
   * the commit returns: this process's caches then never serve what it has just changed, where
   * the database's NOTIFY (for every process) arrives a moment later. Returns an unsubscribe.
   */
  onWrite(listener: WriteListener): () => void;
  close(): Promise<void>;
}

const typeParser = ((oid: number, format?: 'text' | 'binary') => {
  if (oid === DATE_OID) return keepString;
  if (oid === INT8_OID) return parseInt8;
  return pg.types.getTypeParser(oid, format);
}) as typeof pg.types.getTypeParser;

export const DEFAULT_DB_TIMEOUT_MS = 5_000;

/**
 * The pool kysely sees. It reports committed writes (see DbHandle.onWrite), and destroys a
 * connection whose query timed out on the client side: that connection is still waiting for an
 * answer that may never come, and the pool would otherwise hand it out again.
 */
function watchedPool(pool: pg.Pool, onCommitted: WriteListener): PostgresPool {
  const trackers = new WeakMap<pg.PoolClient, CommittedWrites>();
  return {
    async connect(): Promise<PostgresPoolClient> {
      const client = await pool.connect();
      let tracker = trackers.get(client);
      if (!tracker) trackers.set(client, (tracker = new CommittedWrites(onCommitted)));
      const writes = tracker;
      let broken: Error | undefined;
      const query = ((...args: unknown[]) => {
        const result = (client.query as (...a: unknown[]) => unknown)(...args);
        if (typeof args[0] !== 'string' || !(result instanceof Promise)) return result;
        const statement = args[0];
        return result.then(
          (value: unknown) => {
            writes.succeeded(statement);
            return value;
          },
          (error: Error) => {
            writes.failed(statement);
            if (/Query read timeout|Connection terminated/i.test(error.message)) broken = error;
            throw error;
          },
        );
      }) as PostgresPoolClient['query'];
      return { query, release: () => client.release(broken) };
    },
    end: () => pool.end(),
  };
}

export function createDb(options: DbOptions): DbHandle {
  const timeoutMs = options.timeoutMs ?? DEFAULT_DB_TIMEOUT_MS;
  const pool = new pg.Pool({
    connectionString: options.url,
    max: options.poolSize ?? 10,
    connectionTimeoutMillis: timeoutMs,
    idleTimeoutMillis: 30_000,
    keepAlive: true,
    application_name: options.applicationName ?? 'forward-plan',
    // The server stops a statement after timeoutMs; the client gives up a little later in case
    // the server itself has stopped answering.
    statement_timeout: timeoutMs,
    query_timeout: timeoutMs + 1_000,
    idle_in_transaction_session_timeout: Math.max(timeoutMs * 6, 60_000),
    types: { getTypeParser: typeParser },
  });
  // An idle client that loses its server must not crash the process; the next query reports it.
  pool.on('error', (error) => console.error('database pool error:', error.message));
  // A client checked out when its server goes away emits 'error' too, and pg-pool only listens on
  // idle ones: unheard, that would crash the process. The query in flight still fails (503).
  pool.on('connect', (client) => client.on('error', (error) => console.error('database connection lost:', error.message)));
  const listeners = new Set<WriteListener>();
  const committed: WriteListener = (tables) => {
    for (const listener of listeners) listener(tables);
  };
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: watchedPool(pool, committed) }) });
  return {
    db,
    url: options.url,
    onWrite(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    close: () => db.destroy(),
  };
}
