import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import type { Context, Middleware, Next } from 'koa';
import serve from 'koa-static';
import { isNotModified } from './conditional.ts';
import { HttpError } from './errors.ts';
import { methodNotAllowedMessage } from './methods.ts';
import mount from './mount.ts';
import { govukDist, loadStylesheet } from './stylesheet.ts';

interface Asset {
  body: string;
  type: string;
  etag: string;
}

const FAVICON = `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 32 32"><rect width="32" height="32" rx="4" fill="#00436c"/><path d="M8 8h16v4H13v3h9v4h-9v5H8z" fill="#fff"/></svg>`;
// Progressive enhancement only: every page works without it.
const INIT_JS = `import { initAll } from '/assets/govuk-frontend.min.js';\ninitAll();\n`;

let compiled: Promise<Map<string, Asset>> | undefined;

/*
 * ETags are weak: koa-compress sends the same asset as identity, gzip or br, and a strong tag
 * would have to differ for each (RFC 9110 8.8.3); a weak one says "the same content", which is
 * what If-None-Match compares.
 */
function asset(body: string, type: string): Asset {
  return { body, type, etag: `W/"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
}

/**
 * The generated assets, read once per process. The stylesheet comes from the build at install
 * time, or is built first (outside this process) when that is missing or stale: see stylesheet.ts.
 */
export function compileAssets(): Promise<Map<string, Asset>> {
  compiled ??= (async () => {
    const { css } = await loadStylesheet();
    return new Map([
      ['/static/app.css', asset(css, 'text/css; charset=utf-8')],
      ['/static/favicon.svg', asset(FAVICON, 'image/svg+xml')],
      ['/static/init.js', asset(INIT_JS, 'text/javascript; charset=utf-8')],
    ]);
  })();
  return compiled;
}

const ASSET_METHODS = ['GET', 'HEAD'];

/**
 * Assets are read-only: OPTIONS is answered with Allow, any other method but GET and HEAD is a
 * 405. Returns whether the request has been answered.
 */
function answeredOtherMethod(ctx: Context): boolean {
  if (ASSET_METHODS.includes(ctx.method)) return false;
  ctx.set('Allow', ASSET_METHODS.join(', '));
  if (ctx.method !== 'OPTIONS') throw new HttpError(405, methodNotAllowedMessage(ctx.method, ASSET_METHODS));
  ctx.body = '';
  return true;
}

/** Sets the validators (which a 304 carries too) and says whether the request's match them. */
function isFresh(ctx: Context, etag: string, lastModified?: Date): boolean {
  ctx.set('ETag', etag);
  ctx.vary('Accept-Encoding');
  const ifModifiedSince = lastModified ? ctx.get('If-Modified-Since') : undefined;
  return isNotModified({ ifNoneMatch: ctx.get('If-None-Match'), ifModifiedSince }, etag, lastModified ?? new Date(0));
}

/**
 * koa-static with a weak ETag made from the file's size and modification time (as koa-send
 * reports them), and 304 for a matching If-None-Match or If-Modified-Since.
 */
function withValidators(files: Middleware): Middleware {
  return async (ctx, next) => {
    let served = true;
    await files(ctx, async () => {
      served = false;
      await next();
    });
    const modified = ctx.response.lastModified;
    if (!served || ctx.status !== 200 || !modified) return;
    if (isFresh(ctx, `W/"${ctx.length.toString(16)}-${modified.getTime().toString(16)}"`, modified)) {
      // The file was opened for the 200: close it, since Koa drops a 304's body without doing so.
      (ctx.body as Readable).destroy();
      ctx.status = 304;
    }
  };
}

export function staticAssets() {
  const govukAssets = withValidators(serve(`${govukDist}/govuk/assets`, { maxage: 86_400_000, gzip: false, brotli: false }));
  const govukJs = withValidators(serve(`${govukDist}/govuk`, { maxage: 86_400_000 }));
  return async (ctx: Context, next: Next) => {
    if (ctx.path.startsWith('/static/')) {
      const found = (await compileAssets()).get(ctx.path);
      if (!found) return next();
      if (answeredOtherMethod(ctx)) return;
      ctx.set('Cache-Control', 'public, max-age=3600');
      if (isFresh(ctx, found.etag)) {
        ctx.status = 304;
        return;
      }
      ctx.type = found.type;
      ctx.body = found.body;
      return;
    }
    if (!ctx.path.startsWith('/assets/')) return next();
    if (answeredOtherMethod(ctx)) return;
    return mount('/assets', ctx.path === '/assets/govuk-frontend.min.js' ? govukJs : govukAssets)(ctx, next);
  };
}
