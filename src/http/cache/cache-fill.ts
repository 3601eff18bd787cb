import type { Context, Next } from 'koa';
import { csrfTokenIssued } from '../csrf.ts';
import { cacheableRequest, IMMUTABLE_CACHE_CONTROL, PAGE_CACHE_CONTROL } from './cache-policy.ts';
import type { RenderedResponse } from './cached-response.ts';
import type { ResponseCache } from './response-cache.ts';
import { serveCached } from './serve-cached.ts';

function bodyBytes(ctx: Context): Buffer | undefined {
  const body: unknown = ctx.body;
  if (Buffer.isBuffer(body)) return body;
  if (typeof body === 'string') return Buffer.from(body, 'utf8');
  // What koa itself would send for an object: JSON without spaces.
  if (body !== null && typeof body === 'object' && typeof (body as { pipe?: unknown }).pipe !== 'function') {
    return Buffer.from(JSON.stringify(body), 'utf8');
  }
  return undefined;
}

/** The response as rendered, if it may be shared: a 200 for nobody in particular, with no cookie. */
function shareable(ctx: Context, immutable: boolean): RenderedResponse | undefined {
  if (ctx.status !== 200 || ctx.state.user || csrfTokenIssued(ctx) || ctx.response.get('Set-Cookie')) return undefined;
  const cacheControl = ctx.response.get('Cache-Control');
  if (/no-store|private/i.test(cacheControl)) return undefined;
  const body = bodyBytes(ctx);
  if (!body) return undefined;
  if (immutable) ctx.set('Cache-Control', IMMUTABLE_CACHE_CONTROL);
  else if (!cacheControl) ctx.set('Cache-Control', PAGE_CACHE_CONTROL);
  if (!ctx.response.get('Content-Type')) ctx.type = 'application/json; charset=utf-8';
  const etag = ctx.response.get('ETag') || undefined;
  const lastModified = ctx.response.lastModified ?? undefined;
  return { body, headers: { ...ctx.response.headers }, etag, lastModified };
}

/**
 * Fills the shared response cache on a miss, in the Koa stack just inside the security headers
 * (so they are part of what is kept) and outside the error handler (so it sees the final status).
 * Concurrent misses for one URL wait for one render; a miss the database cannot answer is served
 * the last good copy instead of a 503 (stale-if-error).
 */
export function cacheFill(cache: ResponseCache) {
  return async (ctx: Context, next: Next) => {
    const cacheable = cacheableRequest(ctx.req);
    if (!cacheable) return next();
    const version = await cache.renderVersion();
    const waiting = cache.pending(cacheable.key, version);
    if (waiting) {
      const entry = await waiting;
      if (entry) {
        ctx.respond = false;
        return serveCached(ctx.req, ctx.res, entry);
      }
    }
    const render = cache.begin(cacheable.key, version);
    let rendered: RenderedResponse | undefined;
    try {
      // Bodies are compressed by the cache, once per entry, not by koa-compress on every request.
      ctx.compress = false;
      await next();
      rendered = shareable(ctx, cacheable.immutable);
    } finally {
      const entry = await render.finish(rendered);
      if (entry) {
        ctx.respond = false;
        await serveCached(ctx.req, ctx.res, entry);
      } else if (ctx.status === 503) {
        const stale = cache.staleFor(cacheable.key);
        if (stale) {
          cache.databaseUnavailable();
          ctx.respond = false;
          await serveCached(ctx.req, ctx.res, stale);
        }
      }
    }
  };
}
