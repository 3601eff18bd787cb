import type { Context } from 'koa';
import { adminRouter } from '../../auth/require-role.ts';
import type { Deps } from '../../deps.ts';
import { readForm } from '../../http/forms.ts';
import { today } from '../../lib/clock.ts';
import { takenAnswers } from './check-answers.view.ts';
import { hiddenFields, outcomePages, type OutcomeDetail } from './outcome-page.ts';
import { readTakenForm, takenFormFields, validateTaken, type TakenInput, type TakenValues } from './outcome-form.ts';
import { takenNoticeProblem, type TakenCheck } from './taken-notice.ts';

/*
 * Recording a decision as taken: the form, then check your answers, then record. The notice rules
 * are run on the date it was taken before the check page, so a breach is fixed (or an exception
 * recorded) first, and again when it is recorded, since the records may have changed meanwhile.
 */
export function takenRoutes({ staffDecisions, clock }: Pick<Deps, 'staffDecisions' | 'clock'>) {
  const router = adminRouter('publisher');
  const { load, page, refused, finish } = outcomePages(staffDecisions);

  /** The form; the choice "taken without the required notice" is offered once a breach is found, or kept once made. */
  function form(ctx: Context, detail: OutcomeDetail, values: TakenValues, errors?: Parameters<typeof page>[4], breach = false) {
    page(ctx, 'taken', detail, { ...values }, errors, { offerWithoutNotice: breach || values.withoutNotice });
  }

  /** The form's answers, valid and meeting the notice rules (or recorded as not); otherwise the form again, and undefined. */
  async function answers(ctx: Context, detail: OutcomeDetail): Promise<{ values: TakenValues; input: TakenInput; checks: TakenCheck[] } | undefined> {
    const values = readTakenForm(readForm(ctx));
    if (refused(ctx, 'taken', detail, { ...values })) return undefined;
    const result = validateTaken(values, today(clock));
    if (!result.ok) return void form(ctx, detail, values, result.errors);
    const checks = await staffDecisions.outcomes.takenChecks(detail.row.id, result.input.takenOn);
    const problem = takenNoticeProblem(checks, result.input.withoutNotice, ctx.state.user!.role);
    if (problem) return void form(ctx, detail, values, { [problem.field]: problem.message }, true);
    return { values, input: result.input, checks };
  }

  router.get('/admin/decisions/:id/taken', async (ctx) => {
    const detail = await load(ctx);
    const maker = detail.decision.decisionMaker;
    form(ctx, detail, {
      takenOn: { day: '', month: '', year: '' },
      decisionMaker: maker.portfolio ? `${maker.name}, ${maker.portfolio}` : maker.name,
      summary: '',
      reasons: '',
      alternatives: '',
      noticeUrl: '',
      conflictsOfInterest: '',
      dispensations: '',
      withoutNotice: false,
      withoutNoticeReason: '',
    });
  });

  router.post('/admin/decisions/:id/taken', async (ctx) => {
    const detail = await load(ctx);
    const checked = await answers(ctx, detail);
    if (!checked) return;
    const id = detail.row.id;
    ctx.render('admin/decisions/check-answers.njk', {
      pageTitle: 'Check your answers before recording the decision as taken',
      row: detail.row,
      answers: takenAnswers(checked.input, checked.checks),
      fields: hiddenFields(takenFormFields(checked.values)),
      confirmAction: `/admin/decisions/${id}/taken/confirm`,
      changeAction: `/admin/decisions/${id}/taken/change`,
      confirmHeading: 'Now record the decision as taken',
      warning: 'The outcome is final. It is published on the decision’s page, and residents who follow the decision are emailed.',
      button: 'Record the decision as taken',
    });
  });

  /** "Change" on the check page: the form again with everything as typed. */
  router.post('/admin/decisions/:id/taken/change', async (ctx) => {
    form(ctx, await load(ctx), readTakenForm(readForm(ctx)));
  });

  router.post('/admin/decisions/:id/taken/confirm', async (ctx) => {
    const detail = await load(ctx);
    const checked = await answers(ctx, detail);
    if (!checked) return;
    const result = await staffDecisions.outcomes.taken(detail.row.id, checked.input, ctx.state.user!);
    finish(ctx, 'taken', detail, { ...checked.values }, result, { offerWithoutNotice: true });
  });

  return router;
}
