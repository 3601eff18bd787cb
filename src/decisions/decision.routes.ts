import Router from '@koa/router';
import type { Deps } from '../deps.ts';
import { notFound } from '../http/errors.ts';
import { idParam } from '../http/params.ts';
import { PART_LABELS, PARTS, STATUS_LABELS } from './labels.ts';
import { PUBLIC_STATUSES, filtersToQuery, hasFilters, parseListQuery } from './filters.ts';
import { feedLinksForDecision, feedLinksForFilters } from './following/feed-links.ts';
import { recordJson } from './public-decisions.ts';

export function decisionRoutes({ decisions, referenceData }: Pick<Deps, 'decisions' | 'referenceData'>) {
  const router = new Router();

  async function recordOf(id: number) {
    const record = await decisions.record(id);
    if (!record) throw notFound('There is no published decision with that number');
    return record;
  }

  router.get('/decisions', async (ctx) => {
    const { filters, paging } = parseListQuery(ctx.query);
    // The filter form lists every entity, so the same read checks the address's slugs.
    const facets = await referenceData.facets();
    const chosen = await decisions.checkFilterSlugs(filters, facets.all);
    const { items, total } = await decisions.list(filters, paging);
    const pages = Math.max(1, Math.ceil(total / paging.limit));
    ctx.render('pages/decisions.njk', {
      pageTitle: 'All decisions',
      items,
      total,
      paging,
      pages,
      filters,
      chosen,
      facets,
      filtered: hasFilters(filters),
      parts: PARTS.map((value) => ({ value, text: PART_LABELS[value].long })),
      statuses: PUBLIC_STATUSES.map((value) => ({ value, text: STATUS_LABELS[value] })),
      queryFor: (page: number) => filtersToQuery(filters, page > 1 ? { page } : {}),
      filterQuery: filtersToQuery(filters),
      ...feedLinksForFilters(filters, chosen),
    });
  });

  router.get('/decisions/:id', async (ctx) => {
    const id = idParam(ctx.params.id);
    const record = await recordOf(id);
    ctx.render('pages/decision.njk', { pageTitle: record.decision.title, ...record, record, commentUrl: `/comments/new?decision=${id}`, ...feedLinksForDecision(id) });
  });

  router.get('/decisions/:id/notice', async (ctx) => {
    const id = idParam(ctx.params.id);
    const record = await recordOf(id);
    if (!record.decisionNotice || record.outcome?.kind !== 'taken') throw notFound('This decision has not been taken, so it has no decision notice yet');
    ctx.render('pages/decision-notice.njk', {
      pageTitle: `Decision notice: ${record.decision.title}`,
      decision: record.decision,
      outcome: record.outcome,
      decisionNotice: record.decisionNotice,
      ...feedLinksForDecision(id),
    });
  });

  router.get('/api/v1/decisions', async (ctx) => {
    const { filters, paging } = parseListQuery(ctx.query);
    await decisions.checkFilterSlugs(filters);
    const { items, total } = await decisions.list(filters, paging);
    ctx.body = { items, total, page: paging.page, limit: paging.limit };
  });

  router.get('/api/v1/decisions/:id', async (ctx) => {
    const id = idParam(ctx.params.id);
    ctx.body = recordJson(await recordOf(id));
  });

  return router;
}
