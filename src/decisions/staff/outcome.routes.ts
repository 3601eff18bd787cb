import type { Context } from 'koa';
import { adminRouter } from '../../auth/require-role.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../http/errors.ts';
import { readForm, renderForm, type FormErrors } from '../../http/forms.ts';
import { idParam } from '../../http/params.ts';
import { today } from '../../lib/clock.ts';
import { expectedDateLabel } from '../labels.ts';
import { readTakenForm, validateDeferred, validateTaken, validateWithdrawn } from './outcome-form.ts';
import { outcomeRefusal } from './outcome-rules.ts';
import type { OutcomeResult } from './outcome.service.ts';
import { pageProblem, seeOther } from './staff-http.ts';

type Kind = 'taken' | 'withdrawn' | 'deferred';

const TITLES: Record<Kind, string> = {
  taken: 'Record the decision as taken',
  withdrawn: 'Withdraw the decision',
  deferred: 'Defer the decision',
};

/** Outcomes: publishers and above. Taken and withdrawn are final. */
export function outcomeRoutes({ staffDecisions, clock }: Pick<Deps, 'staffDecisions' | 'clock'>) {
  const router = adminRouter('publisher');

  async function load(ctx: Context) {
    const id = idParam(ctx.params.id);
    const detail = await staffDecisions.detail(id);
    if (!detail) throw notFound('There is no decision with that number');
    return detail;
  }

  function page(ctx: Context, kind: Kind, detail: NonNullable<Awaited<ReturnType<typeof staffDecisions.detail>>>, values: Record<string, unknown>, errors?: FormErrors | Record<string, string>) {
    const hasException = detail.generalException !== undefined || detail.specialUrgency !== undefined;
    renderForm(ctx, `admin/decisions/${kind}.njk`, {
      pageTitle: TITLES[kind],
      kind,
      row: detail.row,
      decision: detail.decision,
      refusal: outcomeRefusal(kind, detail.row.status, hasException),
      currentExpected: expectedDateLabel(detail.row.expected_date, detail.row.expected_precision, detail.row.expected_date_note),
      values,
      errors,
    });
  }

  /** Stored: back to the decision. Refused (its state changed meanwhile): the form again, saying why, 409. */
  function finish(ctx: Context, kind: Kind, detail: Parameters<typeof page>[2], values: Record<string, unknown>, result: OutcomeResult) {
    if (result.status === 'not-found') throw notFound('There is no decision with that number');
    if (result.status === 'refused') {
      page(ctx, kind, detail, values, pageProblem(result.message));
      ctx.status = 409;
      return;
    }
    seeOther(ctx, `/admin/decisions/${detail.row.id}?done=${kind}`);
  }

  router.get('/admin/decisions/:id/taken', async (ctx) => {
    const detail = await load(ctx);
    const maker = detail.decision.decisionMaker;
    page(ctx, 'taken', detail, {
      takenOn: { day: '', month: '', year: '' },
      decisionMaker: maker.portfolio ? `${maker.name}, ${maker.portfolio}` : maker.name,
    });
  });

  router.post('/admin/decisions/:id/taken', async (ctx) => {
    const detail = await load(ctx);
    const values = readTakenForm(readForm(ctx));
    const result = validateTaken(values, today(clock));
    if (!result.ok) return page(ctx, 'taken', detail, { ...values }, result.errors);
    finish(ctx, 'taken', detail, { ...values }, await staffDecisions.outcomes.taken(detail.row.id, result.input, ctx.state.user!));
  });

  router.get('/admin/decisions/:id/withdrawn', async (ctx) => {
    page(ctx, 'withdrawn', await load(ctx), { reason: '' });
  });

  router.post('/admin/decisions/:id/withdrawn', async (ctx) => {
    const detail = await load(ctx);
    const values = { reason: readForm(ctx).multiline('reason') };
    const result = validateWithdrawn(values);
    if (!result.ok) return page(ctx, 'withdrawn', detail, values, result.errors);
    finish(ctx, 'withdrawn', detail, values, await staffDecisions.outcomes.withdrawn(detail.row.id, result.input, ctx.state.user!));
  });

  router.get('/admin/decisions/:id/deferred', async (ctx) => {
    page(ctx, 'deferred', await load(ctx), { expectedDate: '', reason: '' });
  });

  router.post('/admin/decisions/:id/deferred', async (ctx) => {
    const detail = await load(ctx);
    const form = readForm(ctx);
    const values = { expectedDate: form.text('expectedDate'), reason: form.multiline('reason') };
    const result = validateDeferred(values, { today: today(clock), current: { date: detail.row.expected_date, precision: detail.row.expected_precision } });
    if (!result.ok) return page(ctx, 'deferred', detail, values, result.errors);
    finish(ctx, 'deferred', detail, values, await staffDecisions.outcomes.deferred(detail.row.id, result.input, ctx.state.user!));
  });

  return router;
}
