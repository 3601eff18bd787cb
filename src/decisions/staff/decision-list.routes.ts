import { adminRouter } from '../../auth/require-role.ts';
import type { Deps } from '../../deps.ts';
import { PART_LABELS, PARTS, STATUS_LABELS } from '../labels.ts';
import { filtersToQuery, hasFilters } from '../filters.ts';
import { parseStaffListQuery, STAFF_STATUSES } from './staff-list-query.ts';
import { NOTICE_RULES } from '../../rules/notice-periods.ts';
import { followUpView } from './staff-page.view.ts';

/** The staff list of decisions (drafts included) and the follow-up list. Editors and above. */
export function decisionListRoutes({ staffDecisions, decisions, referenceData }: Pick<Deps, 'staffDecisions' | 'decisions' | 'referenceData'>) {
  const router = adminRouter('editor');

  router.get('/admin/decisions', async (ctx) => {
    const { filters, paging } = parseStaffListQuery(ctx.query);
    const facets = await referenceData.facets();
    const chosen = await decisions.checkFilterSlugs(filters, facets.all);
    const [{ items, total }, breaches] = await Promise.all([staffDecisions.list(filters, paging), staffDecisions.breaches()]);
    const rulesBroken = new Map<number, string[]>();
    for (const breach of breaches) rulesBroken.set(breach.decisionId, [...(rulesBroken.get(breach.decisionId) ?? []), NOTICE_RULES[breach.rule].name]);
    ctx.render('admin/decisions/index.njk', {
      pageTitle: 'Decisions',
      items: items.map((decision) => ({ decision, breaches: rulesBroken.get(decision.id) ?? [] })),
      total,
      paging,
      pages: Math.max(1, Math.ceil(total / paging.limit)),
      filters,
      chosen,
      facets,
      filtered: hasFilters(filters),
      parts: PARTS.map((value) => ({ value, text: PART_LABELS[value].long })),
      statuses: STAFF_STATUSES.map((value) => ({ value, text: STATUS_LABELS[value] })),
      queryFor: (page: number) => filtersToQuery(filters, page > 1 ? { page } : {}) || '/admin/decisions',
    });
  });

  router.get('/admin/decisions/follow-up', async (ctx) => {
    const rows = await staffDecisions.followUp();
    ctx.render('admin/decisions/follow-up.njk', {
      pageTitle: 'Decisions to follow up',
      items: rows.map(followUpView),
    });
  });

  return router;
}
