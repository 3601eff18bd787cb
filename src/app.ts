import './http/context.ts';
import Router from '@koa/router';
import Koa from 'koa';
import compress from 'koa-compress';
import type { RequestListener } from 'node:http';
import { constants as zlib } from 'node:zlib';
import type { Deps } from './deps.ts';
import { staticAssets } from './http/assets.ts';
import { errorHandler, isDatabaseUnavailable } from './http/errors.ts';
import { csrfProtection, resolveSecretKey } from './http/csrf.ts';
import { formBodyParser } from './http/forms.ts';
import { routeMethods } from './http/methods.ts';
import { requestGuards } from './http/request-guards.ts';
import { loadSession } from './auth/session.middleware.ts';
import { adminAreaNeedsSignIn } from './auth/require-role.ts';
import { createRenderer, createTemplates } from './http/render.ts';
import { cacheFill } from './http/cache/cache-fill.ts';
import { createResponseCache, type ResponseCache } from './http/cache/response-cache.ts';
import { securityHeaders } from './http/security.ts';
import { allRoutes } from './routes.ts';

export const SERVICE_NAME = 'Forward Plan of Executive Decisions';

export const NAVIGATION = [
  { href: '/', text: 'Current plan' },
  { href: '/decisions', text: 'All decisions' },
  { href: '/committees', text: 'Scrutiny committees' },
  { href: '/plans', text: 'Published plans' },
];

export function responseCacheFor(deps: Deps): ResponseCache {
  return createResponseCache({
    changes: deps.changes,
    clock: deps.clock,
    maxBytes: deps.config.responseCacheMb * 1024 * 1024,
    fallbackTtlMs: deps.config.feedFallbackTtlSeconds * 1000,
  });
}

/**
 * The service's HTTP request listener: the shared response cache answers what it holds before
 * anything else runs (a Koa context per request would cost about as much as the whole answer);
 * every other request goes to the Koa application, which fills the cache.
 */
export function createRequestListener(deps: Deps): RequestListener & { cache: ResponseCache } {
  const cache = responseCacheFor(deps);
  const app = createApp(deps, cache).callback();
  return Object.assign((req: Parameters<RequestListener>[0], res: Parameters<RequestListener>[1]) => {
    if (!cache.tryServe(req, res)) void app(req, res);
  }, { cache });
}

/** Builds the HTTP application from its dependencies. Reads no environment, never listens. */
export function createApp(deps: Deps, cache: ResponseCache = responseCacheFor(deps)): Koa {
  const app = new Koa({ proxy: deps.config.trustProxy });
  app.silent = true;
  const templates = createTemplates();
  const render = createRenderer(templates, () => ({
    serviceName: SERVICE_NAME,
  }));
  app.context.render = function (this: Koa.Context, template: string, data?: Record<string, unknown>) {
    const path = this.path;
    render(this, template, {
      navigation: NAVIGATION.map((item) => ({
        ...item,
        active: item.href === '/' ? path === '/' : path.startsWith(item.href),
      })),
      ...data,
    });
  };

  app.use(securityHeaders);
  app.use(cacheFill(cache));
  app.use(errorHandler((ctx, template, data) => ctx.render(template, data)));
  app.use(requestGuards);
  app.use(compress({ threshold: 1024, br: { params: { [zlib.BROTLI_PARAM_QUALITY]: 4 } } }));
  app.use(staticAssets());
  app.use(async (ctx, next) => {
    if (!ctx.path.startsWith('/api/') && !ctx.path.startsWith('/feeds/') && !ctx.path.endsWith('z')) {
      // With the database down the page's own route decides what to say (the comment form keeps what was typed).
      ctx.state.council = await deps.council.get().catch((error: unknown) => {
        if (isDatabaseUnavailable(error)) return undefined;
        throw error;
      });
    }
    await next();
  });

  const router = new Router();
  for (const moduleRouter of allRoutes(deps)) {
    router.use(moduleRouter.routes(), moduleRouter.allowedMethods());
  }
  // A method no route answers is refused (405/404) first; then forms parsed (64 kB at most),
  // every POST/PUT/PATCH/DELETE checked for its token (routes marked csrfExempt aside), and
  // the signed-in user put in ctx.state.user.
  app.use(routeMethods(router));
  app.use(formBodyParser());
  app.use(csrfProtection({ secretKey: resolveSecretKey(deps.config.secretKey), routes: router }));
  app.use(loadSession(deps.auth.sessions));
  app.use(adminAreaNeedsSignIn);
  app.use(router.routes());
  app.use(router.allowedMethods());
  return app;
}
