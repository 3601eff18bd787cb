import Router, { type Layer, type RouterOptions } from '@koa/router';
import type { Context, Next } from 'koa';
import { forbidden } from '../http/errors.ts';
import { signInUrl } from './return-to.ts';
import { ROLES, roleAtLeast, type Role } from './roles.ts';

const REQUIRED_ROLE = Symbol('requiredRole');

export const isAdminPath = (path: string) => path === '/admin' || path.startsWith('/admin/');

function redirectToSignIn(ctx: Context): void {
  // Only a page can be returned to: after a refused POST the person starts from the staff home.
  const returnTo = ctx.method === 'GET' || ctx.method === 'HEAD' ? ctx.originalUrl : undefined;
  ctx.redirect(signInUrl(returnTo));
  ctx.status = 303;
}

/**
 * Route middleware: anonymous visitors are sent to sign in (303), signed-in staff below
 * `minRole` get 403. The role it carries is what listAdminRoutes reports.
 */
export function requireRole(minRole: Role) {
  const guard = async (ctx: Context, next: Next) => {
    const user = ctx.state.user;
    if (!user) return redirectToSignIn(ctx);
    if (!roleAtLeast(user.role, minRole)) throw forbidden('You do not have permission to see this page. Ask an administrator if you need it.');
    await next();
  };
  return Object.assign(guard, { [REQUIRED_ROLE]: minRole });
}

/**
 * A router for /admin pages: every route registered on it (get, post, put, patch, delete, all)
 * requires `minRole` before anything else runs, and must have a path under /admin.
 * A route can ask for more with its own requireRole: `router.post('/admin/x', requireRole('admin'), handler)`.
 * Do not call `use()` on it without a path: koa-router runs such middleware for other modules' routes too.
 */
export function adminRouter(minRole: Role, options: RouterOptions = {}): Router {
  const router = new Router(options);
  const guard = requireRole(minRole);
  const register = router.register.bind(router);
  router.register = (path, methods, middleware, more) => {
    // Path arrays come back here once per path; `use()` middleware (no methods) is not a route.
    if (Array.isArray(path) || methods.length === 0) return register(path, methods, middleware, more);
    const stack = Array.isArray(middleware) ? middleware : [middleware];
    const layer = register(path, methods, [guard as (typeof stack)[number], ...stack], more) as Layer;
    if (typeof layer.path !== 'string' || !isAdminPath(layer.path)) {
      throw new Error(`adminRouter: ${String(layer.path)} is not under /admin`);
    }
    return layer;
  };
  return router;
}

export interface AdminRoute {
  method: string;
  path: string;
  /** The highest role any requireRole on the route asks for; null when nothing guards it. */
  minRole: Role | null;
  layer: Layer;
}

/** Every /admin route of these routers with the role it requires: the registry the role-matrix test walks. */
export function listAdminRoutes(routers: Iterable<Router>): AdminRoute[] {
  const routes: AdminRoute[] = [];
  for (const router of routers) {
    for (const layer of router.stack) {
      if (layer.methods.length === 0 || typeof layer.path !== 'string' || !isAdminPath(layer.path)) continue;
      const required = layer.stack
        .map((fn) => (fn as { [REQUIRED_ROLE]?: Role })[REQUIRED_ROLE])
        .filter((role): role is Role => role !== undefined);
      const minRole = required.length ? required.reduce((a, b) => (ROLES.indexOf(b) > ROLES.indexOf(a) ? b : a)) : null;
      // koa-router adds HEAD to every GET route; it is the same route.
      for (const method of layer.methods.filter((m) => m !== 'HEAD' || !layer.methods.includes('GET'))) {
        routes.push({ method, path: layer.path, minRole, layer });
      }
    }
  }
  return routes;
}

/** Safety net under the per-route guards: nothing under /admin is shown to someone not signed in. */
export async function adminAreaNeedsSignIn(ctx: Context, next: Next) {
  if (isAdminPath(ctx.path) && !ctx.state.user) return redirectToSignIn(ctx);
  await next();
}
