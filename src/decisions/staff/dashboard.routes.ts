import { adminRouter } from '../../auth/require-role.ts';
import type { Deps } from '../../deps.ts';
import { today } from '../../lib/clock.ts';
import { expectedDateLabel, PART_LABELS } from '../labels.ts';
import { NOTICE_RULES } from '../../rules/notice-periods.ts';
import { followUpView } from './staff-page.view.ts';

/** /admin/dashboard: what needs attention now – notice rule breaches, follow-up and drafts. */
export function dashboardRoutes({ staffDecisions, clock }: Pick<Deps, 'staffDecisions' | 'clock'>) {
  const router = adminRouter('editor');

  router.get('/admin/dashboard', async (ctx) => {
    const [breaches, followUp, drafts] = await Promise.all([staffDecisions.breaches(), staffDecisions.followUp(), staffDecisions.drafts()]);
    ctx.render('admin/decisions/dashboard.njk', {
      pageTitle: 'Dashboard',
      today: today(clock),
      breaches: breaches.map((b) => ({ ...b, ruleName: NOTICE_RULES[b.rule].name })),
      followUp: followUp.map(followUpView),
      drafts: drafts.map((d) => ({ ...d, partLabel: PART_LABELS[d.part].short, expected: expectedDateLabel(d.expected_date, d.expected_precision, d.expected_date_note) })),
    });
  });

  return router;
}
