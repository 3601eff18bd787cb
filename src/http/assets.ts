import { createHash } from 'node:crypto';
import type { Context, Next } from 'koa';
import serve from 'koa-static';
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

function asset(body: string, type: string): Asset {
  return { body, type, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 22)}"` };
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

export function staticAssets() {
  const govukAssets = serve(`${govukDist}/govuk/assets`, { maxage: 86_400_000, gzip: false, brotli: false });
  const govukJs = serve(`${govukDist}/govuk`, { maxage: 86_400_000 });
  return async (ctx: Context, next: Next) => {
    if (ctx.path.startsWith('/static/')) {
      const found = (await compileAssets()).get(ctx.path);
      if (!found) return next();
      ctx.set('Cache-Control', 'public, max-age=3600');
      ctx.set('ETag', found.etag);
      if (ctx.get('If-None-Match') === found.etag) {
        ctx.status = 304;
        return;
      }
      ctx.type = found.type;
      ctx.body = found.body;
      return;
    }
    if (ctx.path === '/assets/govuk-frontend.min.js') return mount('/assets', govukJs)(ctx, next);
    if (ctx.path.startsWith('/assets/')) return mount('/assets', govukAssets)(ctx, next);
    return next();
  };
}
