import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { MatchResult } from '@koa/router';
import type { Context, Middleware, Next } from 'koa';
import { HttpError } from './errors.ts';
import { NOT_A_FORM_MESSAGE } from './forms.ts';

/*
 * Anti-forgery tokens for every state-changing request, staff and public alike. Each browser
 * gets a random secret in an HttpOnly cookie; the token in forms is HMAC(SECRET_KEY, secret),
 * so a page on another site can neither read the secret nor compute the token. The cookie is
 * issued only when a page reads ctx.state.csrfToken, so feeds, JSON and assets never set one.
 */

export const CSRF_COOKIE = 'fp_csrf';
/** The hidden form field (templates/partials/csrf.njk writes it). */
export const CSRF_FIELD = '_csrf';
/** For requests made by script, which send the token in this header instead. */
export const CSRF_HEADER = 'x-csrf-token';
export const CSRF_FAILURE_MESSAGE = 'Your form has expired or was not sent from this site – go back, reload and try again';

const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
const SECRET_FORMAT = /^[A-Za-z0-9_-]{43}$/;
const EXEMPT = Symbol('csrfExempt');

/**
 * Marks a route that must accept requests without a token, e.g. an RFC 8058 one-click
 * unsubscribe POST, which mail clients send without cookies. Put it first in the route:
 * `router.post('/unsubscribe/:token', csrfExempt, handler)`. Such a route must authorise the
 * request by something in it (a signed token in the URL), never by the visitor's cookies.
 */
export const csrfExempt: Middleware = Object.assign((_ctx: Context, next: Next) => next(), { [EXEMPT]: true });

function isExemptRoute(match: MatchResult | undefined): boolean {
  return !!match?.pathAndMethod.some(
    (layer) => layer.methods.length > 0 && layer.stack.some((fn) => (fn as { [EXEMPT]?: boolean })[EXEMPT] === true),
  );
}

const issuedTo = new WeakSet<Context>();

/** Whether this response carries the browser's anti-forgery token (a form): never a shared page. */
export function csrfTokenIssued(ctx: Context): boolean {
  return issuedTo.has(ctx);
}

let processKey: string | undefined;

/** SECRET_KEY, or (outside production, where config refuses to start without it) a key for this process only. */
export function resolveSecretKey(secretKey: string | undefined): string {
  if (secretKey) return secretKey;
  if (!processKey) {
    processKey = randomBytes(32).toString('hex');
    console.warn('SECRET_KEY is not set: using a random key for this process, so forms left open across a restart will be refused. Set SECRET_KEY in production.');
  }
  return processKey;
}

function tokenFor(key: string, secret: string): string {
  return createHmac('sha256', key).update(secret).digest('base64url');
}

function cookieOptions(ctx: Context) {
  return { httpOnly: true, sameSite: 'lax' as const, secure: ctx.secure, path: '/', overwrite: true };
}

/** Whether `provided` is the right token for this browser's secret; for routes that parse their own bodies. */
export function csrfTokenIsValid(ctx: Context, key: string, provided: unknown): boolean {
  const secret = ctx.cookies.get(CSRF_COOKIE);
  if (!secret || !SECRET_FORMAT.test(secret) || typeof provided !== 'string') return false;
  const expected = Buffer.from(tokenFor(key, secret));
  const given = Buffer.from(provided);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

export interface CsrfOptions {
  secretKey: string;
  /** The root router, to find routes marked csrfExempt. */
  routes?: { match(path: string, method: string): MatchResult };
}

/** Puts ctx.state.csrfToken in place and refuses state-changing requests without the right token (403). */
export function csrfProtection(options: CsrfOptions) {
  const key = options.secretKey;
  return async (ctx: Context, next: Next) => {
    let token: string | undefined;
    // Not enumerable: copying ctx.state (as the renderer does) must not issue a token, and with it
    // a cookie, to a page that has no form.
    Object.defineProperty(ctx.state, 'csrfToken', {
      enumerable: false,
      configurable: true,
      get() {
        issuedTo.add(ctx);
        if (token === undefined) {
          let secret = ctx.cookies.get(CSRF_COOKIE);
          if (!secret || !SECRET_FORMAT.test(secret)) {
            secret = randomBytes(32).toString('base64url');
            ctx.cookies.set(CSRF_COOKIE, secret, cookieOptions(ctx));
          }
          token = tokenFor(key, secret);
        }
        return token;
      },
    });

    if (STATE_CHANGING.has(ctx.method) && !isExemptRoute(options.routes?.match(ctx.path, ctx.method))) {
      const body = ctx.request.body as Record<string, unknown> | undefined;
      const provided = body?.[CSRF_FIELD] ?? ctx.get(CSRF_HEADER);
      if (!csrfTokenIsValid(ctx, key, Array.isArray(provided) ? provided[0] : provided)) {
        // The form parser leaves multipart bodies unread (for one-click unsubscribes), so the
        // token in one was never seen: say what is wrong with the request, not that it expired.
        if (ctx.request.is('multipart/form-data')) throw new HttpError(415, NOT_A_FORM_MESSAGE);
        throw new HttpError(403, CSRF_FAILURE_MESSAGE);
      }
    }
    await next();
  };
}

declare module 'koa' {
  interface DefaultState {
    /** This browser's anti-forgery token, for the hidden `_csrf` field (partials/csrf.njk). */
    csrfToken?: string;
  }
}
