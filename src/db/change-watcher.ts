import { sql } from 'kysely';
import pg from 'pg';
import type { Db, DbHandle } from './create-db.ts';

/** The channel the change-notify triggers (migration 2026-11-23T0051) announce on. */
export const CHANGE_CHANNEL = 'forward_plan_changed';

/**
 * The tables whose changes the triggers announce: everything public pages, the API and the
 * feeds are made from. The migration cannot import this list (migrations are frozen), so a test
 * compares it with the triggers in the database.
 */
export const PUBLIC_TABLES: ReadonlySet<string> = new Set([
  'decisions', 'decision_events', 'decision_committees', 'decision_wards', 'plans',
  'committees', 'wards', 'directorates', 'decision_makers', 'portfolios', 'council', 'council_settings',
  // Migration 2026-12-01T0200: the regulation 10, 11 and 5 notices are public pages.
  'notice_exceptions', 'private_meeting_notices',
]);

export type ChangeSource =
  | { kind: 'postgres'; connectionString: string; onWrite?: DbHandle['onWrite'] }
  | { kind: 'none'; onWrite?: DbHandle['onWrite'] };

/**
 * A counter that moves whenever the published data may have changed. Caches keep what they
 * render under the version they started from, so anything rendered before a change is stale.
 */
export interface ChangeWatcher {
  version(): number;
  /** Marks everything rendered so far as stale (also called by in-process writers that want it at once). */
  bump(): void;
  /** Whether changes are being heard; when not, callers must not trust a cache for long. */
  listening(): boolean;
  /** Starts listening (once; later calls return the same promise). Never rejects. */
  start(): Promise<void>;
  close(): Promise<void>;
}

/** Where changes are heard: NOTIFY on the handle's server, and this process's own commits at once. */
export function changeSourceFor(handle: Partial<Pick<DbHandle, 'url' | 'onWrite'>> | undefined): ChangeSource {
  const onWrite = handle?.onWrite;
  if (handle?.url) return { kind: 'postgres', connectionString: handle.url, ...(onWrite ? { onWrite } : {}) };
  return { kind: 'none', ...(onWrite ? { onWrite } : {}) };
}

interface WatcherOptions {
  /** First wait before listening again after the connection is lost; doubles up to a minute. */
  retryMs?: number;
  log?: (message: string) => void;
  /** How the listening connection shows in pg_stat_activity. */
  applicationName?: string;
}

export function createChangeWatcher(source: ChangeSource, db: Db, options: WatcherOptions = {}): ChangeWatcher {
  const log = options.log ?? ((message: string) => console.warn(message));
  const firstRetry = options.retryMs ?? 1_000;
  let version = 0;
  let heard = false;
  let closed = false;
  let started: Promise<void> | undefined;
  let schema: string | undefined;
  let client: pg.Client | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let retryMs = firstRetry;

  const bump = () => {
    version += 1;
  };
  const stopHearingOwnWrites = source.onWrite?.((tables) => {
    for (const table of tables) {
      if (PUBLIC_TABLES.has(table)) return bump();
    }
  });
  // The payload names the schema whose tables changed; an empty one (hand-sent NOTIFY) counts too.
  const onNotify = (payload: string | undefined) => {
    if (!payload || payload === schema) bump();
  };

  async function ourSchema(): Promise<string> {
    const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db);
    return rows[0]?.schema ?? 'public';
  }

  async function listenOnPostgres(connectionString: string): Promise<void> {
    const next = new pg.Client({
      connectionString,
      connectionTimeoutMillis: 5_000,
      keepAlive: true,
      application_name: options.applicationName ?? 'forward-plan feeds',
    });
    const lost = (error?: Error) => {
      if (client !== next) return;
      client = undefined;
      heard = false;
      bump();
      if (closed) return;
      log(`feeds: stopped hearing about changes (${error?.message ?? 'connection ended'}); caching for a short time only until listening again`);
      scheduleRetry();
    };
    next.on('notification', (message) => {
      if (message.channel === CHANGE_CHANNEL) onNotify(message.payload);
    });
    next.on('error', lost);
    next.on('end', () => lost());
    client = next;
    try {
      await next.connect();
      await next.query(`LISTEN ${CHANGE_CHANNEL}`);
    } catch (error) {
      lost(error as Error);
      await next.end().catch(() => undefined);
      return;
    }
    if (closed) return;
    // Anything that changed while nobody was listening is unknown: start afresh.
    bump();
    heard = true;
    retryMs = firstRetry;
  }

  function scheduleRetry() {
    if (retryTimer || closed) return;
    retryTimer = setTimeout(() => {
      retryTimer = undefined;
      void connect();
    }, retryMs);
    retryTimer.unref();
    retryMs = Math.min(retryMs * 2, 60_000);
  }

  async function connect(): Promise<void> {
    if (source.kind === 'none' || closed) return;
    try {
      schema ??= await ourSchema();
      await listenOnPostgres(source.connectionString);
    } catch (error) {
      log(`feeds: cannot listen for changes (${(error as Error).message}); caching for a short time only, trying again`);
      scheduleRetry();
    }
  }

  return {
    version: () => version,
    bump,
    listening: () => heard,
    start() {
      started ??= connect();
      return started;
    },
    async close() {
      closed = true;
      heard = false;
      if (retryTimer) clearTimeout(retryTimer);
      const current = client;
      client = undefined;
      await current?.end().catch(() => undefined);
      stopHearingOwnWrites?.();
    },
  };
}
