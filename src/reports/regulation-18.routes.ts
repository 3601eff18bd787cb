import type { Context } from 'koa';
import { adminRouter } from '../auth/require-role.ts';
import type { Deps } from '../deps.ts';
import { notFound } from '../http/errors.ts';
import { readForm, renderForm, type FormErrors } from '../http/forms.ts';
import { idParam } from '../http/params.ts';
import { today } from '../lib/clock.ts';
import { pageProblem, seeOther, selectItems } from '../decisions/staff/staff-http.ts';
import { readRegulation18, validateRegulation18, type Regulation18Input, type Regulation18Values } from './regulation-18-form.ts';
import type { Regulation18Result } from './regulation-18.service.ts';
import { regulation18Values, regulation18View } from './regulation-18.view.ts';

const LIST = '/admin/reports/regulation-18';

/** Regulation 18: record a scrutiny committee's resolution on a decision, and prepare the report to council (editors and above). */
export function regulation18Routes({ reports, staffDecisions, clock }: Pick<Deps, 'reports' | 'staffDecisions' | 'clock'>) {
  const router = adminRouter('editor');
  const service = reports.regulation18;

  async function decisionOr404(ctx: Context) {
    const found = await staffDecisions.forEdit(idParam(ctx.params.id));
    if (!found) throw notFound('There is no decision with that number');
    return found.row;
  }

  async function reportOr404(ctx: Context) {
    const found = await service.get(idParam(ctx.params.report));
    if (!found) throw notFound('There is no regulation 18 resolution with that number');
    return found;
  }

  async function form(ctx: Context, decision: { id: number; title: string; reference: string | null }, action: string, values: Regulation18Values, errors?: FormErrors | Record<string, string>) {
    const { committees } = await staffDecisions.choices();
    renderForm(ctx, 'admin/reports/regulation-18-form.njk', {
      pageTitle: 'Regulation 18: should have been treated as key',
      decision,
      action,
      committeeItems: selectItems(committees, values.committee, 'Choose the committee'),
      values: { ...values },
      errors,
    });
  }

  async function submit(ctx: Context, decision: { id: number; title: string; reference: string | null }, action: string, save: (input: Regulation18Input) => Promise<Regulation18Result>) {
    const values = readRegulation18(readForm(ctx));
    const { committees } = await staffDecisions.choices();
    const result = validateRegulation18(values, new Set(committees.map((c) => c.id)), today(clock));
    if (!result.ok) return form(ctx, decision, action, values, result.errors);
    const saved = await save(result.input);
    if (saved.status === 'not-found') throw notFound('There is no decision with that number');
    if (saved.status === 'refused') return form(ctx, decision, action, values, pageProblem(saved.message));
    seeOther(ctx, `${LIST}/${saved.id}?done=saved`);
  }

  router.get('/admin/decisions/:id/regulation-18', async (ctx) => {
    const decision = await decisionOr404(ctx);
    await form(ctx, decision, `/admin/decisions/${decision.id}/regulation-18`, regulation18Values(undefined));
  });

  router.post('/admin/decisions/:id/regulation-18', async (ctx) => {
    const decision = await decisionOr404(ctx);
    await submit(ctx, decision, `/admin/decisions/${decision.id}/regulation-18`, (input) => service.record(decision.id, input, ctx.state.user!));
  });

  router.get(LIST, async (ctx) => {
    const rows = await service.list();
    ctx.render('admin/reports/regulation-18-list.njk', { pageTitle: 'Regulation 18 resolutions', items: rows.map((r) => regulation18View(r, today(clock))) });
  });

  router.get(`${LIST}/:report`, async (ctx) => {
    const { report, taken } = await reportOr404(ctx);
    ctx.render('admin/reports/regulation-18.njk', {
      pageTitle: `Report to council: ${report.title}`,
      item: regulation18View(report, today(clock)),
      taken: taken && { takenOn: taken.occurred_on, decisionMaker: taken.decision_maker, summary: taken.summary, reasons: taken.reasons },
      done: ctx.query.done === 'saved',
    });
  });

  router.get(`${LIST}/:report/edit`, async (ctx) => {
    const { report } = await reportOr404(ctx);
    await form(ctx, { id: report.decision_id, title: report.title, reference: report.reference }, `${LIST}/${report.id}`, regulation18Values(report));
  });

  router.post(`${LIST}/:report`, async (ctx) => {
    const { report } = await reportOr404(ctx);
    await submit(ctx, { id: report.decision_id, title: report.title, reference: report.reference }, `${LIST}/${report.id}`, (input) =>
      service.update(report.decision_id, report.id, input, ctx.state.user!),
    );
  });

  return router;
}
