import type { Context } from 'koa';
import { adminRouter } from '../../auth/require-role.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../http/errors.ts';
import { readForm, renderForm, type FormErrors } from '../../http/forms.ts';
import { idParam } from '../../http/params.ts';
import { today } from '../../lib/clock.ts';
import { noticeTermsOf } from '../../reference-data/council-settings.ts';
import { expectedDateLabel, SCHEDULE_12A } from '../labels.ts';
import {
  readDecisionForm,
  readExpectedDate,
  validateDecisionForm,
  type DecisionChoices,
  type DecisionFormValues,
  type ExpectedDateValue,
  type ValidationContext,
} from './decision-form.ts';
import { currentExpected, formValuesOf } from './staff-decision.view.ts';
import { checkboxItems, pageProblem, seeOther, selectItems } from './staff-http.ts';

const TEMPLATE = 'admin/decisions/form.njk';

const EMPTY: DecisionFormValues = {
  title: '', description: '', estimatedValue: '', part: '', isKey: '', exemptParagraph: '', exemptionReason: '', nonKeyReason: '', decisionMaker: '',
  expectedDate: '', committees: [], wardScope: '', wards: [], directorate: '', consultation: '', contacts: '',
  documents: '', internalNotes: '',
};

/** 'Read as 17 June 2024': what the typed expected date was understood to mean. */
function understoodAs(values: DecisionFormValues, context: ValidationContext): string | null {
  const read = readExpectedDate(values.expectedDate, context);
  return read.ok ? expectedDateLabel(read.value.date, read.value.precision, read.value.note) : null;
}

function formPage(
  ctx: Context,
  page: { title: string; action: string; decisionId?: number; revision?: number; status?: string },
  values: DecisionFormValues,
  choices: DecisionChoices,
  context: ValidationContext & { noticeTerms: ReturnType<typeof noticeTermsOf> },
  errors?: FormErrors | Record<string, string>,
) {
  renderForm(ctx, TEMPLATE, {
    pageTitle: page.title,
    page,
    // The hints state the threshold and how clear days count: the council's settings.
    noticeTerms: context.noticeTerms,
    values: { ...values },
    errors,
    understood: understoodAs(values, context),
    makerItems: selectItems(choices.makers, values.decisionMaker, 'Choose the decision maker'),
    directorateItems: selectItems(choices.directorates, values.directorate, 'Choose the directorate'),
    committeeItems: checkboxItems(choices.committees, values.committees),
    wardItems: checkboxItems(choices.wards, values.wards),
    paragraphItems: [
      { value: '', text: 'Choose the paragraph' },
      ...Object.entries(SCHEDULE_12A).map(([n, text]) => ({ value: n, text: `Paragraph ${n}: ${text}`, selected: values.exemptParagraph === n })),
    ],
  });
}

/** Creating and editing decisions: editors and above. */
export function decisionFormRoutes({ staffDecisions, clock, settings }: Pick<Deps, 'staffDecisions' | 'clock' | 'settings'>) {
  const router = adminRouter('editor');

  /** What the form is read against: today (for year-less dates) and the council's settings. */
  async function contextFor(current?: ExpectedDateValue) {
    const councilSettings = await settings.get();
    return { today: today(clock), current, keyDecisionThreshold: councilSettings.keyDecisionThreshold, noticeTerms: noticeTermsOf(councilSettings) };
  }

  router.get('/admin/decisions/new', async (ctx) => {
    formPage(ctx, { title: 'Add a decision', action: '/admin/decisions' }, EMPTY, await staffDecisions.choices(), await contextFor());
  });

  router.post('/admin/decisions', async (ctx) => {
    const values = readDecisionForm(readForm(ctx));
    const choices = await staffDecisions.choices();
    const context = await contextFor();
    const result = validateDecisionForm(values, choices, context);
    if (!result.ok) return formPage(ctx, { title: 'Add a decision', action: '/admin/decisions' }, values, choices, context, result.errors);
    const id = await staffDecisions.editor.create(result.input, ctx.state.user!);
    seeOther(ctx, `/admin/decisions/${id}?done=created`);
  });

  router.get('/admin/decisions/:id/edit', async (ctx) => {
    const id = idParam(ctx.params.id);
    const found = await staffDecisions.forEdit(id);
    if (!found) throw notFound('There is no decision with that number');
    const { row, committeeIds, wardIds } = found;
    formPage(
      ctx,
      { title: `Edit: ${row.title}`, action: `/admin/decisions/${id}`, decisionId: id, revision: row.revision, status: row.status },
      formValuesOf(row, committeeIds, wardIds),
      await staffDecisions.choices(),
      await contextFor(currentExpected(row)),
    );
  });

  router.post('/admin/decisions/:id', async (ctx) => {
    const id = idParam(ctx.params.id);
    const found = await staffDecisions.forEdit(id);
    if (!found) throw notFound('There is no decision with that number');
    const form = readForm(ctx);
    const values = readDecisionForm(form);
    const revisionText = form.text('revision');
    const revision = /^\d{1,9}$/.test(revisionText) ? Number(revisionText) : null;
    const choices = await staffDecisions.choices();
    const context = await contextFor(currentExpected(found.row));
    const page = { title: `Edit: ${found.row.title}`, action: `/admin/decisions/${id}`, decisionId: id, revision: revision ?? found.row.revision, status: found.row.status };
    const result = validateDecisionForm(values, choices, context);
    if (!result.ok) return formPage(ctx, page, values, choices, context, result.errors);

    const saved = await staffDecisions.editor.update(id, result.input, revision, ctx.state.user!);
    if (saved.status === 'not-found') throw notFound('There is no decision with that number');
    if (saved.status === 'stale') {
      const latest = (await staffDecisions.forEdit(id))!;
      formPage(
        ctx,
        { ...page, revision: latest.row.revision },
        values,
        choices,
        context,
        pageProblem('Someone else changed this decision while you were editing it, so your changes have not been saved. Open the decision in a new tab to see their changes, then save again to replace them with yours.'),
      );
      ctx.status = 409;
      return;
    }
    seeOther(ctx, `/admin/decisions/${id}?done=${saved.status}`);
  });

  return router;
}
