import type { Context } from 'koa';

/**
 * The address of the client for rate limits and the session record. Behind a trusted proxy
 * (TRUST_PROXY) that is the last X-Forwarded-For entry, the one our proxy added: entries
 * before it are whatever the client chose to send.
 */
export function clientAddress(ctx: Context): string {
  return ctx.request.ips.at(-1) ?? ctx.ip ?? 'unknown';
}
