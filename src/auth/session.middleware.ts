import type { Context, Next } from 'koa';
import type { StaffUser } from './roles.ts';
import type { SessionService } from './session.service.ts';
import { SESSION_COOKIE } from '../http/session-cookie.ts';

// No expiry on the cookie itself: it ends with the browser session, and the server enforces
// the idle and absolute limits whatever the browser keeps.
const cookieOptions = (ctx: Context) => ({ httpOnly: true, sameSite: 'lax' as const, secure: ctx.secure, path: '/', overwrite: true });

export function setSessionCookie(ctx: Context, token: string): void {
  ctx.cookies.set(SESSION_COOKIE, token, cookieOptions(ctx));
}

export function clearSessionCookie(ctx: Context): void {
  ctx.cookies.set(SESSION_COOKIE, null, cookieOptions(ctx));
}

/** Puts the signed-in user, if any, in ctx.state.user; a cookie that no longer signs anyone in is removed. */
export function loadSession(sessions: SessionService) {
  return async (ctx: Context, next: Next) => {
    const token = ctx.cookies.get(SESSION_COOKIE);
    if (token) {
      const user = await sessions.resume(token);
      if (user) ctx.state.user = user;
      else clearSessionCookie(ctx);
    }
    await next();
  };
}

declare module 'koa' {
  interface DefaultState {
    /** The signed-in member of staff; absent for the public. */
    user?: StaffUser;
  }
}
