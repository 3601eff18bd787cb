import Router from '@koa/router';
import type { Deps } from '../deps.ts';
import { csrfExempt } from '../http/csrf.ts';
import { notFound } from '../http/errors.ts';
import { readForm } from '../http/forms.ts';
import { parseId } from '../lib/ids.ts';
import { CONFIRM_WITHIN_DAYS } from './alert-limits.ts';
import { tokenPage } from './alert-page-headers.ts';
import { NOT_FOUND } from '../lib/result.ts';

const EXPIRED_CONFIRMATION = `This confirmation link is not valid. It may have expired: links work for ${CONFIRM_WITHIN_DAYS} days. You can ask for email alerts again.`;
const UNKNOWN_LINK =
  'This link is not valid. You may already have unsubscribed, or the link may be more than a year old. Use the link in a recent alert.';

/** The links in alert emails: confirm, manage and unsubscribe. The token in the path is the only authority. */
export function alertLinkRoutes({ alerts }: Pick<Deps, 'alerts'>) {
  const router = new Router();

  router.get('/alerts/confirm/:token', async (ctx) => {
    tokenPage(ctx);
    const confirmed = await alerts.subscriptions.confirm(ctx.params.token);
    if (!confirmed) throw notFound(EXPIRED_CONFIRMATION);
    ctx.render('alerts/confirmed.njk', { pageTitle: 'Email alerts confirmed', scope: confirmed.scope });
  });

  router.get('/alerts/manage/:token', async (ctx) => {
    tokenPage(ctx);
    const subscriptions = await alerts.manage.list(ctx.params.token);
    if (!subscriptions) throw notFound(UNKNOWN_LINK);
    ctx.render('alerts/manage.njk', {
      pageTitle: 'Your email alerts',
      subscriptions,
      token: ctx.params.token,
      removed: ctx.query.removed === '1',
    });
  });

  router.post('/alerts/manage/:token/remove', async (ctx) => {
    tokenPage(ctx);
    const id = parseId(readForm(ctx).text('subscription'));
    const result = id === undefined ? NOT_FOUND : await alerts.manage.remove(ctx.params.token, id);
    if (result.status === 'not-found') throw notFound(UNKNOWN_LINK);
    ctx.redirect(result.status === 'erased' ? '/alerts/unsubscribed' : `/alerts/manage/${ctx.params.token}?removed=1`);
    ctx.status = 303;
  });

  // Never unsubscribes: link scanners and previews fetch every link in an email.
  router.get('/alerts/unsubscribe/:token', async (ctx) => {
    tokenPage(ctx);
    if (!(await alerts.manage.isValid(ctx.params.token))) throw notFound(UNKNOWN_LINK);
    ctx.render('alerts/unsubscribe.njk', { pageTitle: 'Stop all email alerts', token: ctx.params.token });
  });

  // RFC 8058 one-click: mail clients POST "List-Unsubscribe=One-Click" without cookies, so no
  // anti-forgery token can be asked for; the token in the path authorises the request.
  router.post('/alerts/unsubscribe/:token', csrfExempt, async (ctx) => {
    tokenPage(ctx);
    if (!(await alerts.manage.unsubscribe(ctx.params.token))) throw notFound(UNKNOWN_LINK);
    ctx.render('alerts/unsubscribed.njk', { pageTitle: 'You have unsubscribed' });
  });

  router.get('/alerts/unsubscribed', (ctx) => {
    ctx.render('alerts/unsubscribed.njk', { pageTitle: 'You have unsubscribed' });
  });

  return router;
}
