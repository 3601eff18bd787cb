import Router from '@koa/router';
import type { Context } from 'koa';
import type { Deps } from '../deps.ts';
import { HttpError } from '../http/errors.ts';
import { FormErrors, readForm, renderForm } from '../http/forms.ts';
import { clientAddress } from './client.ts';
import { SESSION_COOKIE } from '../http/session-cookie.ts';
import { clearSessionCookie, setSessionCookie } from './session.middleware.ts';
import { safeReturnTo } from './return-to.ts';

/** Shown for an unknown email, a wrong password and a disabled account alike. */
export const SIGN_IN_REFUSED = 'Enter a correct email address and password';
export const signInLockedMessage = (minutes: number) =>
  `There have been too many attempts to sign in with this email address. Wait ${minutes} minute${minutes === 1 ? '' : 's'} and try again.`;

const TEMPLATE = 'auth/sign-in.njk';

export function signInRoutes({ auth }: Pick<Deps, 'auth'>) {
  const router = new Router();

  router.get('/sign-in', (ctx) => {
    const returnTo = safeReturnTo(ctx.query.returnTo);
    if (ctx.state.user) return ctx.redirect(returnTo);
    renderForm(ctx, TEMPLATE, { pageTitle: 'Sign in', values: { email: '' }, returnTo, signedOut: ctx.query.signedOut === '1' });
  });

  router.post('/sign-in', async (ctx) => {
    const form = readForm(ctx);
    const email = form.text('email').slice(0, 320);
    const password = form.raw('password');
    const returnTo = safeReturnTo(form.text('returnTo'));
    const page = (errors: FormErrors) => renderForm(ctx, TEMPLATE, { pageTitle: 'Sign in', values: { email }, returnTo, errors });

    const errors = new FormErrors();
    if (email === '') errors.add('email', 'Enter your email address');
    if (password === '') errors.add('password', 'Enter your password');
    if (errors.any) return page(errors);

    const result = await auth.signIn.attempt({ email, password, clientAddress: clientAddress(ctx), userAgent: ctx.get('User-Agent') });
    switch (result.outcome) {
      case 'throttled':
        ctx.set('Retry-After', String(result.retryAfterSeconds));
        throw new HttpError(429, 'There have been too many attempts to sign in from your network. Wait 15 minutes and try again.');
      case 'locked':
        return page(errors.add('email', signInLockedMessage(result.minutesLeft)));
      case 'refused':
        return page(errors.add('email', SIGN_IN_REFUSED));
      case 'signed-in':
        setSessionCookie(ctx, result.token);
        ctx.redirect(returnTo);
        ctx.status = 303;
    }
  });

  router.post('/sign-out', async (ctx: Context) => {
    const token = ctx.cookies.get(SESSION_COOKIE);
    if (token) await auth.sessions.end(token);
    clearSessionCookie(ctx);
    ctx.redirect('/sign-in?signedOut=1');
    ctx.status = 303;
  });

  return router;
}
