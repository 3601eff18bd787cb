import type { MatchResult } from '@koa/router';
import type { Context, Next } from 'koa';
import { HttpError, notFound } from './errors.ts';

/** Methods that are answered at any address a route has (HEAD with GET; OPTIONS by the router's allowedMethods). */
const ALWAYS_PASSED = new Set(['GET', 'HEAD', 'OPTIONS']);

/** The methods the routes matching a path answer, as an Allow header lists them. */
export function allowedMethods(match: MatchResult): string[] {
  return [...new Set(match.path.flatMap((layer) => layer.methods))];
}

export const methodNotAllowedMessage = (method: string, allowed: string[]) =>
  `This address does not accept ${method} requests. It accepts ${allowed.join(', ')}.`;

/**
 * Answers a method no route has for this path before the body is read or the anti-forgery
 * token checked: 405 with Allow where the path has routes for other methods (a POST to a page,
 * PROPFIND anywhere; the router itself would say 501 to a method it does not know), and 404
 * for a POST, PUT, PATCH or DELETE to a path with no route at all. Without this, the CSRF
 * check answered 403 first, as if the form had expired.
 */
export function routeMethods(routes: { match(path: string, method: string): MatchResult }) {
  return async (ctx: Context, next: Next) => {
    const match = routes.match(ctx.path, ctx.method);
    if (match.route || ALWAYS_PASSED.has(ctx.method)) return next();
    const allowed = allowedMethods(match);
    if (allowed.length === 0) throw notFound();
    ctx.set('Allow', allowed.join(', '));
    throw new HttpError(405, methodNotAllowedMessage(ctx.method, allowed));
  };
}
