import type { Context } from 'koa';
import { adminRouter } from '../../auth/require-role.ts';
import type { Deps } from '../../deps.ts';
import { readForm } from '../../http/forms.ts';
import { today } from '../../lib/clock.ts';
import { withdrawnAnswers } from './check-answers.view.ts';
import { validateDeferred, validateWithdrawn } from './outcome-form.ts';
import { hiddenFields, outcomePages, type OutcomeDetail } from './outcome-page.ts';

/*
 * Withdrawing and deferring a decision: publishers and above (taken is taken.routes.ts).
 * Withdrawn is final, so it goes through check your answers before it is recorded. Deferred is
 * not: the decision stays live and can be deferred again, and the decision's page says at once
 * how the new date was read, so a mistake is seen and put right in the same way it was made.
 */
export function outcomeRoutes({ staffDecisions, clock }: Pick<Deps, 'staffDecisions' | 'clock'>) {
  const router = adminRouter('publisher');
  const { load, page, refused, finish } = outcomePages(staffDecisions);

  /** The reason, valid, for a decision that can be withdrawn; otherwise the form again, and undefined. */
  function withdrawal(ctx: Context, detail: OutcomeDetail): { reason: string } | undefined {
    const values = { reason: readForm(ctx).multiline('reason') };
    if (refused(ctx, 'withdrawn', detail, values)) return undefined;
    const result = validateWithdrawn(values);
    if (!result.ok) return void page(ctx, 'withdrawn', detail, values, result.errors);
    return result.input;
  }

  router.get('/admin/decisions/:id/withdrawn', async (ctx) => {
    page(ctx, 'withdrawn', await load(ctx), { reason: '' });
  });

  router.post('/admin/decisions/:id/withdrawn', async (ctx) => {
    const detail = await load(ctx);
    const input = withdrawal(ctx, detail);
    if (!input) return;
    const id = detail.row.id;
    ctx.render('admin/decisions/check-answers.njk', {
      pageTitle: 'Check your answers before withdrawing the decision',
      row: detail.row,
      answers: withdrawnAnswers(input, today(clock)),
      fields: hiddenFields(input),
      confirmAction: `/admin/decisions/${id}/withdrawn/confirm`,
      changeAction: `/admin/decisions/${id}/withdrawn/change`,
      confirmHeading: 'Now withdraw the decision',
      warning: 'This is final. The decision leaves the plan, the reason is published on its page, and residents who follow it are emailed.',
      button: 'Record the decision as withdrawn',
      buttonClasses: 'govuk-button--warning',
    });
  });

  router.post('/admin/decisions/:id/withdrawn/change', async (ctx) => {
    page(ctx, 'withdrawn', await load(ctx), { reason: readForm(ctx).multiline('reason') });
  });

  router.post('/admin/decisions/:id/withdrawn/confirm', async (ctx) => {
    const detail = await load(ctx);
    const input = withdrawal(ctx, detail);
    if (!input) return;
    finish(ctx, 'withdrawn', detail, input, await staffDecisions.outcomes.withdrawn(detail.row.id, input, ctx.state.user!));
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
