import { adminRouter } from '../../auth/require-role.ts';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../http/errors.ts';
import { idParam } from '../../http/params.ts';
import { today } from '../../lib/clock.ts';
import { expectedDateLabel, SCHEDULE_12A } from '../labels.ts';
import { outcomeRefusal } from './outcome-rules.ts';
import { generalExceptionView, privateNoticeRecord } from './staff-decision.view.ts';
import { keyDecisionView, outcomeView, specialUrgencyView, staffDecisionView } from './staff-page.view.ts';
import { toPlanListing } from '../public-decisions.ts';
import { canRecord } from './staff-http.ts';
import { NOTICE_RULES } from '../../rules/notice-periods.ts';

const DONE: Record<string, string> = {
  created: 'Decision saved as a draft. Only staff can see it until a published plan includes it.',
  saved: 'Changes saved.',
  unchanged: 'Nothing was changed.',
  taken: 'The decision has been recorded as taken.',
  withdrawn: 'The decision has been recorded as withdrawn.',
  deferred: 'The decision has been deferred to its new expected date.',
  'general-exception': 'General exception (regulation 10) saved.',
  'special-urgency': 'Special urgency agreement (regulation 11) saved.',
  'private-notice': 'Private decision notices (regulation 5) saved.',
};

/** The staff view of one decision: everything, internal notes and the full change history included. */
export function decisionPageRoutes({ staffDecisions, audit, reports, clock }: Pick<Deps, 'staffDecisions' | 'audit' | 'reports' | 'clock'>) {
  const router = adminRouter('editor');

  router.get('/admin/decisions/:id', async (ctx) => {
    const id = idParam(ctx.params.id);
    const detail = await staffDecisions.detail(id);
    if (!detail) throw notFound('There is no decision with that number');
    const { row } = detail;
    const hasException = detail.generalException !== undefined || detail.specialUrgency !== undefined;
    const done = DONE[String(ctx.query.done)];
    const saved = done !== undefined && ['created', 'saved'].includes(String(ctx.query.done));
    ctx.render('admin/decisions/show.njk', {
      pageTitle: row.title,
      decision: detail.decision,
      staff: staffDecisionView(row),
      listings: detail.listings.map(toPlanListing),
      changes: detail.changes,
      done,
      // After a save, say how the typed date was read, so a surprise is caught at once.
      understood: done && ['created', 'saved', 'deferred'].includes(String(ctx.query.done))
        ? { typed: row.expected_date_text, readAs: expectedDateLabel(row.expected_date, row.expected_precision, row.expected_date_note) }
        : null,
      keyDecision: keyDecisionView(row, detail.decision.wards.wards.length, detail.settings.keyDecisionThreshold),
      // After a save, say whether it meets the key-decision test, where the editor looks first.
      keyTestAfterSave: saved,
      paragraphText: row.exempt_paragraph ? SCHEDULE_12A[row.exempt_paragraph] : null,
      canRecord: canRecord(ctx),
      outcomeAllowed: {
        taken: outcomeRefusal('taken', row.status, hasException) === null,
        withdrawn: outcomeRefusal('withdrawn', row.status, hasException) === null,
        deferred: outcomeRefusal('deferred', row.status, hasException) === null,
      },
      checks: detail.checks.map((c) => ({ ...c, ruleName: c.rule ? NOTICE_RULES[c.rule].name : null })),
      general: generalExceptionView(detail.generalException, detail.settings.clearDays),
      urgency: specialUrgencyView(detail.specialUrgency),
      privateNotice: privateNoticeRecord(detail.privateNotice),
      outcomes: detail.outcomes.map(outcomeView),
      history: await audit.forDecision(id),
      regulation18: await reports.regulation18.forDecision(id, today(clock)),
    });
  });

  return router;
}
