import type { Context, Next } from 'koa';
import { GOVUK_INLINE_SCRIPT_HASH } from './render.ts';

const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
    `script-src 'self' ${GOVUK_INLINE_SCRIPT_HASH}`,
  "style-src 'self'",
  "img-src 'self' data:",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  ].join('; ');

/** Security headers on every response; the hash lets govuk-frontend's one inline script run. */
export async function securityHeaders(ctx: Context, next: Next) {
  ctx.set('Content-Security-Policy', CONTENT_SECURITY_POLICY);
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('X-Frame-Options', 'DENY');
  ctx.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  ctx.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
  ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
  if (ctx.secure) ctx.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  await next();
  // Set after the response is built so no handler can relax it: these pages hold personal data and tokens.
  if (STAFF_PAGES.test(ctx.path)) ctx.set('Cache-Control', 'no-store');
  // A public page seen by signed-in staff may differ from everyone's: no shared cache may keep it.
  else if (ctx.state.user) ctx.set('Cache-Control', 'private, no-store');
}

const STAFF_PAGES = /^\/(admin|sign-in|sign-out)(\/|$)/;
