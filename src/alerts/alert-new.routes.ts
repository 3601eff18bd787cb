import Router from '@koa/router';
import type { Context } from 'koa';
import type { ParsedUrlQuery } from 'node:querystring';
import { clientAddress } from '../auth/client.ts';
import type { Deps } from '../deps.ts';
import { filtersToQuery, readFilters, type DecisionFilters } from '../decisions/filters.ts';
import { FormErrors, readForm, renderForm } from '../http/forms.ts';
import { QueryReader } from '../http/query.ts';
import { checkEmailAddress } from './alert-email-address.ts';
import { ALERT_REQUEST_LIMITS, CONFIRM_WITHIN_DAYS, describeWait } from './alert-limits.ts';
import { describeScope, type ScopeNames } from './alert-scope.ts';

const TEMPLATE = 'alerts/new.njk';
const PAGE_TITLE = 'Get email alerts';

/** Exactly the filters of /decisions: a bad one is a 400 here too, never an alert for nothing. */
function filtersOf(query: ParsedUrlQuery): DecisionFilters {
  const reader = new QueryReader(query);
  const filters = readFilters(reader);
  reader.throwIfProblems();
  return filters;
}

export function alertNewRoutes({ alerts, decisions }: Pick<Deps, 'alerts' | 'decisions'>) {
  const router = new Router();

  async function scopeOf(ctx: Context) {
    const filters = filtersOf(ctx.query);
    const names = (await decisions.checkFilterSlugs(filters)) as ScopeNames;
    const { total } = await decisions.list(filters, { page: 1, limit: 1 });
    const query = filtersToQuery(filters);
    return {
      filters,
      page: {
        pageTitle: PAGE_TITLE,
        scope: describeScope(filters, names),
        matching: total,
        action: `/alerts/new${query}`,
        decisionsUrl: `/decisions${query}`,
        confirmDays: CONFIRM_WITHIN_DAYS,
      },
    };
  }

  router.get('/alerts/new', async (ctx) => {
    const { page } = await scopeOf(ctx);
    renderForm(ctx, TEMPLATE, { ...page, values: { email: '' } });
  });

  router.post('/alerts/new', async (ctx) => {
    const { filters, page } = await scopeOf(ctx);
    const typed = readForm(ctx).text('email').slice(0, 320);
    const check = checkEmailAddress(typed);
    if (!check.ok) {
      return renderForm(ctx, TEMPLATE, { ...page, values: { email: typed }, errors: new FormErrors().add('email', check.message) });
    }
    const result = await alerts.subscriptions.request({ email: check.address, filters, clientAddress: clientAddress(ctx) });
    if (result.outcome === 'limited') {
      ctx.status = 429;
      ctx.set('Retry-After', String(result.retryAfterSeconds));
      return ctx.render('alerts/too-many.njk', {
        pageTitle: 'Too many requests for alerts',
        limit: result.limit,
        max: ALERT_REQUEST_LIMITS.perAddress.max,
        confirmDays: CONFIRM_WITHIN_DAYS,
        waitText: describeWait(result.retryAfterSeconds),
      });
    }
    // The address stays out of the URL: it would end up in logs and browser history.
    ctx.redirect('/alerts/check-email');
    ctx.status = 303;
  });

  router.get('/alerts/check-email', (ctx) => {
    ctx.render('alerts/check-email.njk', { pageTitle: 'Check your email', confirmDays: CONFIRM_WITHIN_DAYS });
  });

  return router;
}
