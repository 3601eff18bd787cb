import Router from '@koa/router';
import type { Context } from 'koa';
import type { Deps } from '../deps.ts';
import { isNotModified } from '../http/conditional.ts';
import { FEED_FORMATS } from '../decisions/following/feed-links.ts';
import { readFeedScope } from '../decisions/following/feed-scope.ts';
import type { FeedRepresentation } from './feeds.service.ts';

// Readers poll every few minutes: a shared cache (CDN, proxy) may answer for five, and serve a
// slightly stale copy while it revalidates or if the service is down.
const CACHE_CONTROL = 'public, max-age=300, s-maxage=300, stale-while-revalidate=300, stale-if-error=86400';

function send(ctx: Context, rep: FeedRepresentation) {
  ctx.set('Cache-Control', CACHE_CONTROL);
  ctx.set('ETag', rep.etag);
  ctx.set('Last-Modified', rep.lastModified.toUTCString());
  ctx.vary('Accept-Encoding');
  // Public data: web-based readers may fetch it from their own pages.
  ctx.set('Access-Control-Allow-Origin', '*');
  if (isNotModified({ ifNoneMatch: ctx.get('If-None-Match'), ifModifiedSince: ctx.get('If-Modified-Since') }, rep.etag, rep.lastModified)) {
    ctx.status = 304;
    return;
  }
  ctx.type = rep.contentType;
  // Compressed by the shared response cache, once per rendered feed (koa-compress for staff).
  ctx.body = rep.body;
}

/** /feeds/decisions.rss, .atom, .json and .ics, each taking the filters of /decisions (and `id`). */
export function feedRoutes({ feeds }: Pick<Deps, 'feeds'>) {
  const router = new Router();
  for (const format of FEED_FORMATS) {
    router.get(`/feeds/decisions.${format}`, async (ctx) => {
      const scope = readFeedScope(ctx.query);
      send(ctx, await feeds.representation(format, scope));
    });
  }
  return router;
}
