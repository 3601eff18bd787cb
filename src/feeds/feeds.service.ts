import { createHash } from 'node:crypto';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/create-db.ts';
import type { DecisionService } from '../decisions/decision.service.ts';
import type { ChangeWatcher } from '../db/change-watcher.ts';
import { FeedCache } from './feed-cache.ts';
import { MEDIA_TYPES, type FeedFormat } from '../decisions/following/feed-links.ts';
import { createFeedRenderer } from './feed-render.ts';
import { scopeQuery, type FeedScope } from '../decisions/following/feed-scope.ts';

/** A rendered feed as HTTP serves it (the shared response cache compresses it). */
export interface FeedRepresentation {
  contentType: string;
  etag: string;
  lastModified: Date;
  body: Buffer;
}

/** While changes are heard, an entry lives until one happens; this only bounds a missed notification. */
const LISTENING_MAX_AGE_MS = 15 * 60_000;

export interface FeedServiceOptions {
  items?: number;
  calendarEvents?: number;
}

export function createFeedService(config: Config, db: Db, changes: ChangeWatcher, decisions: DecisionService, options: FeedServiceOptions = {}) {
  const renderer = createFeedRenderer(db, decisions, config.baseUrl, {
    items: options.items ?? 50,
    calendarEvents: options.calendarEvents ?? 5_000,
  });
  const cache = new FeedCache<FeedRepresentation>({ maxEntries: config.feedCacheEntries, maxBytes: 64 * 1024 * 1024 });
  const inFlight = new Map<string, Promise<FeedRepresentation>>();
  const stats = { hits: 0, renders: 0 };

  async function render(format: FeedFormat, scope: FeedScope): Promise<FeedRepresentation> {
    stats.renders += 1;
    const { text, lastModified } = await renderer.render(format, scope);
    const body = Buffer.from(text, 'utf8');
    // Weak: the same feed sent gzipped, brotli'd or plain is one representation to a cache.
    const etag = `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"`;
    return { contentType: `${MEDIA_TYPES[format]}; charset=utf-8`, etag, lastModified, body };
  }

  return {
    /**
     * The feed for a validated, normalised scope: from the cache when nothing has changed since
     * it was rendered (no database query at all), otherwise rendered once however many ask.
     */
    async representation(format: FeedFormat, scope: FeedScope): Promise<FeedRepresentation> {
      await changes.start();
      const key = `${format}${scopeQuery(scope)}`;
      const version = changes.version();
      const maxAge = changes.listening() ? LISTENING_MAX_AGE_MS : config.feedFallbackTtlSeconds * 1000;
      const cached = cache.get(key, version, maxAge);
      if (cached) {
        stats.hits += 1;
        return cached;
      }
      const flight = `${version}:${key}`;
      let pending = inFlight.get(flight);
      if (!pending) {
        pending = render(format, scope)
          .then((rep) => {
            cache.set(key, version, rep, rep.body.length);
            return rep;
          })
          .finally(() => inFlight.delete(flight));
        inFlight.set(flight, pending);
      }
      return pending;
    },

    /** Validates a scope and names it, for the pages that offer its feeds. */
    describe: (scope: FeedScope) => renderer.describe(scope),

    /** Forgets every rendered feed; changes made through the database do this by themselves. */
    invalidate(): void {
      changes.bump();
    },

    listening: () => changes.listening(),
    stats: () => ({ ...stats, entries: cache.size, bytes: cache.bytes }),
    close: () => changes.close(),
  };
}

export type FeedService = ReturnType<typeof createFeedService>;
