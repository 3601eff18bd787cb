import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ChangeWatcher } from '../../db/change-watcher.ts';
import type { Clock } from '../../lib/clock.ts';
import { londonDateOf, londonInstant } from '../../lib/clock.ts';
import { addDays } from '../../lib/dates.ts';
import { cacheableRequest } from './cache-policy.ts';
import { toCachedResponse, type CachedResponse, type RenderedResponse } from './cached-response.ts';
import { serveCached } from './serve-cached.ts';

export interface ResponseCacheOptions {
  changes: ChangeWatcher;
  clock: Clock;
  maxBytes: number;
  /** How long an entry may live when changes are not being heard (no LISTEN connection). */
  fallbackTtlMs: number;
}

/** While changes are heard an entry lives until one happens; this only bounds a missed notification. */
const LISTENING_MAX_AGE_MS = 15 * 60_000;
/** After a render found the database unavailable, stale entries are served at once for this long. */
const OUTAGE_GRACE_MS = 5_000;

function nextLondonMidnight(now: Date): number {
  return londonInstant(addDays(londonDateOf(now), 1)).getTime();
}

/**
 * The shared cache of rendered public responses: the bytes of each, their ETags and compressed
 * copies, keyed by the normalised URL. An entry is good for the change version it was rendered
 * under (bumped by the database's NOTIFY from any process, and by this process's own commits)
 * and until London's next midnight, since pages say what is overdue as of today. Stale entries
 * stay, least recently used first out, so that a database outage can still be answered from them.
 */
export function createResponseCache(options: ResponseCacheOptions) {
  const entries = new Map<string, CachedResponse>();
  const inFlight = new Map<string, Promise<CachedResponse | undefined>>();
  let totalBytes = 0;
  let outageUntil = 0;
  const stats = { hits: 0, misses: 0, stale: 0, stores: 0 };

  const now = () => options.clock.now();
  const fresh = (entry: CachedResponse) => entry.version === options.changes.version() && now().getTime() < entry.expiresAt;

  function remove(key: string, entry: CachedResponse) {
    entries.delete(key);
    totalBytes -= entry.bytes;
  }

  function store(key: string, entry: CachedResponse) {
    const old = entries.get(key);
    if (old) remove(key, old);
    if (entry.bytes > options.maxBytes / 4) return;
    entries.set(key, entry);
    totalBytes += entry.bytes;
    stats.stores += 1;
    for (const [oldest, slot] of entries) {
      if (totalBytes <= options.maxBytes) break;
      remove(oldest, slot);
    }
  }

  function touch(key: string, entry: CachedResponse) {
    // Map order is insertion order: re-inserting makes this the most recently used.
    entries.delete(key);
    entries.set(key, entry);
  }

  return {
    /** Answers the request from the cache if it can (the plain HTTP listener calls this first). */
    tryServe(req: IncomingMessage, res: ServerResponse): boolean {
      const cacheable = cacheableRequest(req);
      if (!cacheable) return false;
      const entry = entries.get(cacheable.key);
      if (!entry) return false;
      if (!fresh(entry)) {
        if (now().getTime() >= outageUntil) return false;
        stats.stale += 1;
      } else {
        stats.hits += 1;
      }
      touch(cacheable.key, entry);
      void serveCached(req, res, entry);
      return true;
    },

    /** The version to render under, after making sure changes are being listened for. */
    async renderVersion(): Promise<number> {
      await options.changes.start();
      return options.changes.version();
    },

    /** A render of this key already under way at this version, which a concurrent miss waits for. */
    pending(key: string, version: number): Promise<CachedResponse | undefined> | undefined {
      return inFlight.get(`${version}:${key}`);
    },

    /** Registers a render; `finish` stores what it produced (or nothing) and releases its waiters. */
    begin(key: string, version: number): { finish(rendered: RenderedResponse | undefined): Promise<CachedResponse | undefined> } {
      const flight = `${version}:${key}`;
      let settle!: (entry: CachedResponse | undefined) => void;
      inFlight.set(flight, new Promise((resolve) => (settle = resolve)));
      return {
        async finish(rendered) {
          let entry: CachedResponse | undefined;
          try {
            if (rendered) {
              stats.misses += 1;
              const at = now();
              const maxAge = options.changes.listening() ? LISTENING_MAX_AGE_MS : options.fallbackTtlMs;
              entry = await toCachedResponse(rendered, version, Math.min(at.getTime() + maxAge, nextLondonMidnight(at)), at);
              store(key, entry);
            }
          } finally {
            inFlight.delete(flight);
            settle(entry);
          }
          return entry;
        },
      };
    },

    /** The last good response for a key, for when the database cannot render it now. */
    staleFor(key: string): CachedResponse | undefined {
      return entries.get(key);
    },

    /** A render found the database unavailable: serve stale entries without trying for a moment. */
    databaseUnavailable(): void {
      outageUntil = now().getTime() + OUTAGE_GRACE_MS;
      stats.stale += 1;
    },

    stats: () => ({ ...stats, entries: entries.size, bytes: totalBytes }),
  };
}

export type ResponseCache = ReturnType<typeof createResponseCache>;
