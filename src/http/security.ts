import type { Context, Next } from 'koa';

/** Security headers on every response; the nonce lets govuk-frontend's one inline script run. */
export async function securityHeaders(ctx: Context, next: Next) {
  const nonce = ctx.state.cspNonce as string | undefined;
  ctx.set(
    'Content-Security-Policy',
    [
      "default-src 'self'",
      `script-src 'self'${nonce ? ` 'nonce-${nonce}'` : ''}`,
      "style-src 'self'",
      "img-src 'self' data:",
      "font-src 'self'",
      "connect-src 'self'",
      "object-src 'none'",
      "base-uri 'self'",
      "form-action 'self'",
      "frame-ancestors 'none'",
    ].join('; '),
  );
  ctx.set('X-Content-Type-Options', 'nosniff');
  ctx.set('X-Frame-Options', 'DENY');
  ctx.set('Referrer-Policy', 'strict-origin-when-cross-origin');
  ctx.set('Permissions-Policy', 'camera=(), microphone=(), geolocation=(), interest-cohort=()');
  ctx.set('Cross-Origin-Opener-Policy', 'same-origin');
  if (ctx.secure) ctx.set('Strict-Transport-Security', 'max-age=31536000; includeSubDomains');
  await next();
  // Set after the response is built so no handler can relax it: these pages hold personal data and tokens.
  if (STAFF_PAGES.test(ctx.path)) ctx.set('Cache-Control', 'no-store');
}

const STAFF_PAGES = /^\/(admin|sign-in|sign-out)(\/|$)/;
