import type { Context } from 'koa';
import { adminRouter } from '../../auth/require-role.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../http/errors.ts';
import { readForm, renderForm } from '../../http/forms.ts';
import { idParam } from '../../http/params.ts';
import { authorOf, crumbs, seeOther } from './admin-http.ts';
import { dateFieldsOf, type DateFields } from '../../lib/date-input.ts';
import type { PortfolioInput } from './portfolio-admin.service.ts';
import { describePeriod, type HeldPortfolio } from './portfolio-rules.ts';
import type { ReferenceDataAdmin } from './reference-data-admin.ts';
import { ADMIN_KINDS, adminPath } from './reference-data-kinds.ts';

const page = ADMIN_KINDS.decision_maker;
const NO_MEMBER = 'There is no Cabinet Member with that number';
const NO_PORTFOLIO = 'There is no such portfolio';

function readDate(ctx: Context, prefix: string): DateFields {
  const form = readForm(ctx);
  return { day: form.text(`${prefix}-day`), month: form.text(`${prefix}-month`), year: form.text(`${prefix}-year`) };
}

function readPortfolio(ctx: Context): PortfolioInput {
  return { title: readForm(ctx).text('title'), startsOn: readDate(ctx, 'startsOn'), endsOn: readDate(ctx, 'endsOn') };
}

/** govukDateInput items with the person's input and the boxes in error highlighted. */
function dateItems(prefix: string, fields: DateFields, errors: Record<string, string>) {
  const anyError = ['day', 'month', 'year'].some((part) => errors[`${prefix}-${part}`]);
  return (['day', 'month', 'year'] as const).map((part) => ({
    name: part,
    value: fields[part],
    classes: `govuk-input--width-${part === 'year' ? 4 : 2}${anyError ? ' govuk-input--error' : ''}`,
  }));
}

/** A Cabinet Member's portfolios over time: add, change, end. */
export function portfolioAdminRoutes(admin: ReferenceDataAdmin, clock: Clock) {
  const router = adminRouter('admin');
  const base = adminPath('decision_maker');

  async function memberOr404(ctx: Context) {
    const member = await admin.portfolios.member(idParam(ctx.params.id));
    if (!member) throw notFound(NO_MEMBER);
    return member;
  }

  function renderPortfolioForm(
    ctx: Context,
    member: { id: number; name: string },
    input: PortfolioInput,
    errors: Record<string, string>,
    portfolio?: HeldPortfolio,
  ) {
    renderForm(ctx, 'admin/reference/portfolio-form.njk', {
      pageTitle: portfolio ? `Change portfolio – ${member.name}` : `Add a portfolio – ${member.name}`,
      crumbs: crumbs(page, member),
      member,
      portfolio,
      startBlankAllowed: portfolio?.startsOn === null,
      action: portfolio ? adminPath('decision_maker', member.id, `/portfolios/${portfolio.id}`) : adminPath('decision_maker', member.id, '/portfolios'),
      startItems: dateItems('startsOn', input.startsOn, errors),
      endItems: dateItems('endsOn', input.endsOn, errors),
      values: { title: input.title },
      errors,
    });
  }

  router.get(`${base}/:id/portfolios/new`, async (ctx) => {
    const member = await memberOr404(ctx);
    renderPortfolioForm(ctx, member, { title: '', startsOn: dateFieldsOf(null), endsOn: dateFieldsOf(null) }, {});
  });

  router.post(`${base}/:id/portfolios`, async (ctx) => {
    const member = await memberOr404(ctx);
    const input = readPortfolio(ctx);
    const result = await admin.portfolios.add(member.id, input, authorOf(ctx, clock));
    if (!result) throw notFound(NO_MEMBER);
    if (!result.ok) return renderPortfolioForm(ctx, member, input, result.problems);
    seeOther(ctx, `${adminPath('decision_maker', member.id)}?done=portfolio-added#portfolios`);
  });

  router.get(`${base}/:id/portfolios/:portfolioId/edit`, async (ctx) => {
    const member = await memberOr404(ctx);
    const portfolio = await admin.portfolios.get(member.id, idParam(ctx.params.portfolioId));
    if (!portfolio) throw notFound(NO_PORTFOLIO);
    renderPortfolioForm(ctx, member, { title: portfolio.title, startsOn: dateFieldsOf(portfolio.startsOn), endsOn: dateFieldsOf(portfolio.endsOn) }, {}, portfolio);
  });

  router.post(`${base}/:id/portfolios/:portfolioId`, async (ctx) => {
    const member = await memberOr404(ctx);
    const portfolio = await admin.portfolios.get(member.id, idParam(ctx.params.portfolioId));
    if (!portfolio) throw notFound(NO_PORTFOLIO);
    const input = readPortfolio(ctx);
    const result = await admin.portfolios.update(member.id, portfolio.id, input, authorOf(ctx, clock));
    if (!result) throw notFound(NO_PORTFOLIO);
    if (!result.ok) return renderPortfolioForm(ctx, member, input, result.problems, portfolio);
    seeOther(ctx, `${adminPath('decision_maker', member.id)}?done=portfolio-saved#portfolios`);
  });

  function renderEndForm(ctx: Context, member: { id: number; name: string }, portfolio: HeldPortfolio, fields: DateFields, errors: Record<string, string>) {
    renderForm(ctx, 'admin/reference/portfolio-end.njk', {
      pageTitle: `End portfolio – ${member.name}`,
      crumbs: crumbs(page, member),
      member,
      portfolio: { ...portfolio, period: describePeriod(portfolio) },
      action: adminPath('decision_maker', member.id, `/portfolios/${portfolio.id}/end`),
      endItems: dateItems('endsOn', fields, errors),
      values: {},
      errors,
    });
  }

  router.get(`${base}/:id/portfolios/:portfolioId/end`, async (ctx) => {
    const member = await memberOr404(ctx);
    const portfolio = await admin.portfolios.get(member.id, idParam(ctx.params.portfolioId));
    if (!portfolio) throw notFound(NO_PORTFOLIO);
    renderEndForm(ctx, member, portfolio, dateFieldsOf(portfolio.endsOn), {});
  });

  router.post(`${base}/:id/portfolios/:portfolioId/end`, async (ctx) => {
    const member = await memberOr404(ctx);
    const portfolio = await admin.portfolios.get(member.id, idParam(ctx.params.portfolioId));
    if (!portfolio) throw notFound(NO_PORTFOLIO);
    const fields = readDate(ctx, 'endsOn');
    const result = await admin.portfolios.end(member.id, portfolio.id, fields, authorOf(ctx, clock));
    if (!result) throw notFound(NO_PORTFOLIO);
    if (!result.ok) return renderEndForm(ctx, member, portfolio, fields, result.problems);
    seeOther(ctx, `${adminPath('decision_maker', member.id)}?done=portfolio-ended#portfolios`);
  });

  return router;
}
