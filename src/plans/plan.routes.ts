import Router from '@koa/router';
import type { Deps } from '../deps.ts';
import { notFound } from '../http/errors.ts';
import { feedLinksForFilters } from '../decisions/following/feed-links.ts';
import { noticeTermsOf } from '../reference-data/council-settings.ts';
import { planCsvDownload, planJson, planPdfDownload } from './outputs/plan-outputs.ts';

export function planRoutes({ plans, council, settings, planPdfs }: Pick<Deps, 'plans' | 'council' | 'settings' | 'planPdfs'>) {
  const router = new Router();
  // The plan's explanations state the threshold and how clear days count: the council's settings.
  const noticeTerms = async () => noticeTermsOf(await settings.get());

  router.get('/', async (ctx) => {
    const plan = await plans.latest();
    ctx.render('pages/plan.njk', { plan, council: await council.get(), noticeTerms: await noticeTerms(), pageTitle: plan ? undefined : 'No plan published yet', commentUrl: '/comments/new', ...feedLinksForFilters({}) });
  });

  router.get('/plans', async (ctx) => {
    ctx.render('pages/plans.njk', { pageTitle: 'Published plans', plans: await plans.archive() });
  });

  // Before /plans/:date, which would otherwise take '2024-02-23.pdf' for a date.
  router.get('/plans/:date.pdf', planPdfDownload({ planPdfs }));
  router.get('/plans/:date.csv', planCsvDownload({ plans }));

  router.get('/plans/:date', async (ctx) => {
    const plan = await plans.byDate(ctx.params.date ?? '');
    if (!plan) throw notFound('No plan was published on that date');
    ctx.render('pages/plan.njk', { plan, dated: true, council: await council.get(), noticeTerms: await noticeTerms(), pageTitle: `Plan published ${ctx.params.date}`, commentUrl: '/comments/new', ...feedLinksForFilters({}) });
  });

  router.get('/api/v1/plans', async (ctx) => {
    const items = await plans.archive();
    ctx.body = { items, total: items.length };
  });

  router.get('/api/v1/plans/:date', async (ctx) => {
    const plan = await plans.byDate(ctx.params.date ?? '');
    if (!plan) throw notFound('No plan was published on that date');
    ctx.body = planJson(plan);
  });

  return router;
}
