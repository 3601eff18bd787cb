import Router from '@koa/router';
import type { EntityKind } from '../reference-data/reference-data.tables.ts';
import type { Deps } from '../deps.ts';
import { notFound } from '../http/errors.ts';
import { filtersToQuery, parseListQuery } from './filters.ts';
import { ENTITY_PAGES } from '../reference-data/reference-data.service.ts';
import { feedLinksForFilters } from './following/feed-links.ts';

/** Index and detail pages for committees, wards, directorates and decision makers. */
export function referenceDataRoutes({ referenceData, decisions }: Pick<Deps, 'referenceData' | 'decisions'>) {
  const router = new Router();
  for (const [kind, page] of Object.entries(ENTITY_PAGES) as [EntityKind, (typeof ENTITY_PAGES)[EntityKind]][]) {
    router.get(page.path, async (ctx) => {
      ctx.render('pages/entities.njk', { pageTitle: page.plural, kind, page, entities: await referenceData.withCounts(kind) });
    });

    router.get(`${page.path}/:slug`, async (ctx) => {
      const entity = await referenceData.bySlug(kind, ctx.params.slug ?? '');
      if (!entity) throw notFound(`There is no ${page.singular} at this address`);
      const { filters, paging } = parseListQuery({ ...ctx.query, [page.filter]: entity.slug });
      const { items, total } = await decisions.list(filters, paging);
      ctx.render('pages/entity.njk', {
        pageTitle: entity.name,
        kind,
        page,
        entity,
        items,
        total,
        paging,
        pages: Math.max(1, Math.ceil(total / paging.limit)),
        filters,
        queryFor: (n: number) => (n > 1 ? `?page=${n}` : '?'),
        filterQuery: filtersToQuery({ [page.filter]: [entity.slug] }),
        ...feedLinksForFilters({ [page.filter]: [entity.slug] }, { [page.filter]: [{ slug: entity.slug, name: entity.name }] }),
      });
    });
  }
  return router;
}
