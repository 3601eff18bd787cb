import type { Context } from 'koa';
import { adminRouter } from '../../auth/require-role.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../http/errors.ts';
import { readForm, renderForm, type FormErrors } from '../../http/forms.ts';
import { idParam } from '../../http/params.ts';
import { today } from '../../lib/clock.ts';
import { generalExceptionEarliestDate } from '../../rules/notice-periods.ts';
import { expectedDateLabel } from '../labels.ts';
import { parseDateParts, type DateParts } from './date-input.ts';
import {
  AGREEMENT_ROLE_LABELS,
  AGREEMENT_ROLES,
  readGeneralException,
  readPrivateNotice,
  readSpecialUrgency,
  validateGeneralException,
  validatePrivateNotice,
  validateSpecialUrgency,
} from './exception-form.ts';
import { noticeRecordRefusal, type NoticeRecordKind } from './exception-rules.ts';
import type { RecordResult } from './exception.service.ts';
import { generalExceptionValues, privateNoticeValues, specialUrgencyValues } from './staff-decision.view.ts';
import { pageProblem, seeOther } from './staff-http.ts';
import { clearDaysPhrase, type ClearDaysMode } from '../../rules/clear-days.ts';

const PAGES: Record<NoticeRecordKind, { path: string; template: string; title: string }> = {
  'regulation-10': { path: 'general-exception', template: 'admin/decisions/general-exception.njk', title: 'General exception (regulation 10)' },
  'regulation-11': { path: 'special-urgency', template: 'admin/decisions/special-urgency.njk', title: 'Special urgency (regulation 11)' },
  'regulation-5': { path: 'private-notice', template: 'admin/decisions/private-notice.njk', title: 'Notices of a private decision (regulation 5)' },
};

/** The earliest date a general exception allows, once both of its dates are known. */
function earliestFrom(values: Record<string, unknown>, mode: ClearDaysMode): string | null {
  const notified = parseDateParts(values.chairNotifiedOn as DateParts, 'x', { required: true });
  const published = parseDateParts(values.noticePublishedOn as DateParts, 'x', { required: true });
  return notified.ok && published.ok ? generalExceptionEarliestDate(notified.date!, published.date!, mode) : null;
}

/** Exceptions to the notice periods and the private decision notices: publishers and above. */
export function exceptionRoutes({ staffDecisions, clock, settings }: Pick<Deps, 'staffDecisions' | 'clock' | 'settings'>) {
  const router = adminRouter('publisher');

  async function load(ctx: Context) {
    const id = idParam(ctx.params.id);
    const found = await staffDecisions.forEdit(id);
    if (!found) throw notFound('There is no decision with that number');
    const [records, councilSettings] = await Promise.all([staffDecisions.exceptionsFor(id), settings.get()]);
    return { row: found.row, ...records, clearDays: councilSettings.clearDays };
  }

  type Loaded = Awaited<ReturnType<typeof load>>;

  function page(ctx: Context, kind: NoticeRecordKind, loaded: Loaded, values: Record<string, unknown>, errors?: FormErrors | Record<string, string>) {
    const { row } = loaded;
    renderForm(ctx, PAGES[kind].template, {
      pageTitle: PAGES[kind].title,
      row,
      action: `/admin/decisions/${row.id}/${PAGES[kind].path}`,
      refusal: noticeRecordRefusal(kind, row),
      expected: expectedDateLabel(row.expected_date, row.expected_precision, row.expected_date_note),
      earliest: kind === 'regulation-10' ? earliestFrom(values, loaded.clearDays) : null,
      fiveClearDays: clearDaysPhrase(5, loaded.clearDays),
      twentyEightClearDays: clearDaysPhrase(28, loaded.clearDays),
      roleItems: AGREEMENT_ROLES.map((role) => ({ value: role, text: AGREEMENT_ROLE_LABELS[role], checked: values.agreedByRole === role })),
      values,
      errors,
    });
  }

  function finish(ctx: Context, kind: NoticeRecordKind, loaded: Loaded, values: Record<string, unknown>, result: RecordResult) {
    if (result.status === 'not-found') throw notFound('There is no decision with that number');
    if (result.status === 'refused') {
      page(ctx, kind, loaded, values, pageProblem(result.message));
      ctx.status = 409;
      return;
    }
    seeOther(ctx, `/admin/decisions/${loaded.row.id}?done=${result.status === 'saved' ? PAGES[kind].path : 'unchanged'}`);
  }

  router.get('/admin/decisions/:id/general-exception', async (ctx) => {
    const loaded = await load(ctx);
    page(ctx, 'regulation-10', loaded, generalExceptionValues(loaded.generalException));
  });

  router.post('/admin/decisions/:id/general-exception', async (ctx) => {
    const loaded = await load(ctx);
    const values = readGeneralException(readForm(ctx));
    const result = validateGeneralException(values, today(clock));
    if (!result.ok) return page(ctx, 'regulation-10', loaded, { ...values }, result.errors);
    finish(ctx, 'regulation-10', loaded, { ...values }, await staffDecisions.records.generalException(loaded.row.id, result.input, ctx.state.user!));
  });

  router.get('/admin/decisions/:id/special-urgency', async (ctx) => {
    const loaded = await load(ctx);
    page(ctx, 'regulation-11', loaded, specialUrgencyValues(loaded.specialUrgency));
  });

  router.post('/admin/decisions/:id/special-urgency', async (ctx) => {
    const loaded = await load(ctx);
    const values = readSpecialUrgency(readForm(ctx));
    const result = validateSpecialUrgency(values, today(clock));
    if (!result.ok) return page(ctx, 'regulation-11', loaded, { ...values }, result.errors);
    finish(ctx, 'regulation-11', loaded, { ...values }, await staffDecisions.records.specialUrgency(loaded.row.id, result.input, ctx.state.user!));
  });

  router.get('/admin/decisions/:id/private-notice', async (ctx) => {
    const loaded = await load(ctx);
    page(ctx, 'regulation-5', loaded, privateNoticeValues(loaded.privateNotice));
  });

  router.post('/admin/decisions/:id/private-notice', async (ctx) => {
    const loaded = await load(ctx);
    const values = readPrivateNotice(readForm(ctx));
    const result = validatePrivateNotice(values, today(clock));
    if (!result.ok) return page(ctx, 'regulation-5', loaded, { ...values }, result.errors);
    finish(ctx, 'regulation-5', loaded, { ...values }, await staffDecisions.records.privateNotice(loaded.row.id, result.input, ctx.state.user!));
  });

  return router;
}
