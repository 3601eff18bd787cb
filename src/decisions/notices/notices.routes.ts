import Router from '@koa/router';
import type { Context } from 'koa';
import type { Deps } from '../../deps.ts';
import { notFound } from '../../http/errors.ts';
import { idParam } from '../../http/params.ts';
import { feedLinksForDecision } from '../following/feed-links.ts';
import { noticeTermsOf } from '../../reference-data/council-settings.ts';
import { NOTICE_KINDS, NOTICE_LABELS, isNoticeKind } from './notice-kinds.ts';
import { noticeQuery, parseNoticeQuery } from './notice-filters.ts';

/** The regulation 10, 11 and 5 notices: each a page, all listed at /notices, and their JSON. */
export function noticeRoutes({ decisions, settings }: Pick<Deps, 'decisions' | 'settings'>) {
  const router = new Router();

  async function noticeOf(ctx: Context) {
    const { kind } = ctx.params;
    const id = idParam(ctx.params.id);
    const notice = isNoticeKind(kind) ? await decisions.notice(kind, id) : undefined;
    if (!notice) throw notFound('There is no published notice at this address');
    return notice;
  }

  router.get('/notices', async (ctx) => {
    const { kinds, paging } = parseNoticeQuery(ctx.query);
    const [{ items, total }, councilSettings] = await Promise.all([decisions.notices(kinds, paging), settings.get()]);
    ctx.render('pages/notices.njk', {
      terms: noticeTermsOf(councilSettings),
      pageTitle: 'Notices of urgent and private decisions',
      items,
      total,
      paging,
      pages: Math.max(1, Math.ceil(total / paging.limit)),
      kinds: NOTICE_KINDS.map((value) => ({ value, text: NOTICE_LABELS[value].plural })),
      selected: kinds,
      filtered: kinds.length > 0,
      queryFor: (page: number) => `/notices${noticeQuery(kinds, page)}`,
      apiUrl: `/api/v1/notices${noticeQuery(kinds)}`,
    });
  });

  router.get('/notices/:kind/:id', async (ctx) => {
    const [notice, councilSettings] = await Promise.all([noticeOf(ctx), settings.get()]);
    ctx.render(`pages/notices/${notice.kind}.njk`, {
      terms: noticeTermsOf(councilSettings),
      pageTitle: `${notice.title}: ${notice.decision.title}`,
      heading: NOTICE_LABELS[notice.kind].title,
      notice,
      ...feedLinksForDecision(notice.decision.id),
    });
  });

  router.get('/api/v1/notices', async (ctx) => {
    const { kinds, paging } = parseNoticeQuery(ctx.query);
    const { items, total } = await decisions.notices(kinds, paging);
    ctx.body = { items, total, page: paging.page, limit: paging.limit };
  });

  router.get('/api/v1/notices/:kind/:id', async (ctx) => {
    ctx.body = await noticeOf(ctx);
  });

  return router;
}
