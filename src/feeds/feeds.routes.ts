import Router from '@koa/router';
import type { Context } from 'koa';
import type { Deps } from '../deps.ts';
import { isNotModified } from './conditional.ts';
import { chooseCoding } from './content-coding.ts';
import { FEED_FORMATS } from './feed-links.ts';
import { readFeedScope } from './feed-scope.ts';
import type { FeedRepresentation, FeedService } from './feeds.service.ts';

// Readers poll every few minutes: a shared cache (CDN, proxy) may answer for five, and serve a
// slightly stale copy while it revalidates or if the service is down.
const CACHE_CONTROL = 'public, max-age=300, s-maxage=300, stale-while-revalidate=300, stale-if-error=86400';

async function send(ctx: Context, feeds: FeedService, rep: FeedRepresentation) {
  ctx.set('Cache-Control', CACHE_CONTROL);
  ctx.set('ETag', rep.etag);
  ctx.set('Last-Modified', rep.lastModified.toUTCString());
  ctx.vary('Accept-Encoding');
  // Public data: web-based readers may fetch it from their own pages.
  ctx.set('Access-Control-Allow-Origin', '*');
  // The body is compressed here, once per cached feed, not by koa-compress on every request.
  ctx.compress = false;
  if (isNotModified({ ifNoneMatch: ctx.get('If-None-Match'), ifModifiedSince: ctx.get('If-Modified-Since') }, rep.etag, rep.lastModified)) {
    ctx.status = 304;
    return;
  }
  ctx.type = rep.contentType;
  const coding = chooseCoding(ctx.get('Accept-Encoding'));
  if (coding) {
    ctx.set('Content-Encoding', coding);
    ctx.body = await feeds.encoded(rep, coding);
  } else {
    ctx.body = rep.body;
  }
}

/** /feeds/decisions.rss, .atom, .json and .ics, each taking the filters of /decisions (and `id`). */
export function feedRoutes({ feeds }: Pick<Deps, 'feeds'>) {
  const router = new Router();
  for (const format of FEED_FORMATS) {
    router.get(`/feeds/decisions.${format}`, async (ctx) => {
      const scope = readFeedScope(ctx.query);
      await send(ctx, feeds, await feeds.representation(format, scope));
    });
  }
  return router;
}
