import type { Context } from 'koa';

/**
 * For pages whose address holds a token: never cached by a proxy, never indexed, and the
 * address (token included) never sent on as a Referer, even to this site's own logs.
 */
export function tokenPage(ctx: Context): void {
  ctx.set('Cache-Control', 'no-store');
  ctx.set('Referrer-Policy', 'no-referrer');
  ctx.set('X-Robots-Tag', 'noindex');
}
