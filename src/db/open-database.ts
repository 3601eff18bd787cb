import pg from 'pg';
import type { Config } from '../config/config.ts';
import { createDb, type DbHandle } from './create-db.ts';
import { startEmbeddedServer, type EmbeddedServer } from './embedded/embedded-server.ts';

export type DatabaseUser = 'service' | 'cli';

export interface OpenDatabase {
  handle: DbHandle;
  /** The private server, when DATABASE_URL is not set. */
  embedded?: EmbeddedServer;
  /** Where the data is, for the start-up line (no password). */
  description: string;
  close(): Promise<void>;
}

const CLI_TIMEOUT_MS = 10 * 60_000;
const APPLICATION_NAMES: Record<DatabaseUser, string> = { service: 'forward-plan service', cli: 'forward-plan cli' };

function describeUrl(url: string): string {
  const parsed = new URL(url);
  return `PostgreSQL at ${parsed.hostname}${parsed.port ? `:${parsed.port}` : ''}${parsed.pathname}`;
}

/** Whether a service process is connected, so a command that started the server must leave it running. */
async function serviceConnected(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ n: number }>(
      'SELECT count(*)::int AS n FROM pg_stat_activity WHERE application_name = $1 AND pid <> pg_backend_pid()',
      [APPLICATION_NAMES.service],
    );
    return (rows[0]?.n ?? 0) > 0;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The database for the service or the fp command line: DATABASE_URL, or the private server in
 * DATA_DIR, started if it is not already running. The service stops that server when it stops;
 * a command stops it only if the command started it and no service has connected meanwhile.
 */
export async function openDatabase(config: Config, user: DatabaseUser, log: (message: string) => void = console.log): Promise<OpenDatabase> {
  const options = {
    poolSize: config.databasePoolSize,
    timeoutMs: user === 'cli' ? CLI_TIMEOUT_MS : config.databaseTimeoutSeconds * 1000,
    applicationName: APPLICATION_NAMES[user],
  };
  if (config.databaseUrl) {
    const handle = createDb({ url: config.databaseUrl, ...options });
    return { handle, description: describeUrl(config.databaseUrl), close: () => handle.close() };
  }
  const embedded = await startEmbeddedServer({ dataDir: config.dataDir, log });
  const handle = createDb({ url: embedded.url, ...options });
  const reused = embedded.startedHere ? '' : ', already running';
  return {
    handle,
    embedded,
    description: `embedded PostgreSQL in ${embedded.clusterDir} (127.0.0.1:${embedded.port}${reused})`,
    async close() {
      await handle.close();
      if (user === 'service' || (embedded.startedHere && !(await serviceConnected(embedded.url)))) await embedded.stop();
    },
  };
}
