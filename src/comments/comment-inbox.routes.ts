import { adminRouter } from '../auth/require-role.ts';
import type { Deps } from '../deps.ts';
import { today } from '../lib/clock.ts';
import { commentFiltersToQuery, hasCommentFilters, parseCommentQuery } from './comment-filters.ts';
import { COMMENT_STATUSES, COMMENT_STATUS_LABELS } from './comment-status.ts';

/** /admin/comments: the governance team's inbox, filtered, and the same list as CSV. */
export function commentInboxRoutes({ comments, config, clock }: Pick<Deps, 'comments' | 'config' | 'clock'>) {
  const router = adminRouter('editor');

  router.get('/admin/comments', async (ctx) => {
    const { filters, page } = parseCommentQuery(ctx.query);
    const [{ items, total, pages }, choices] = await Promise.all([comments.inbox.list(filters, page), comments.inbox.filterChoices()]);
    ctx.render('admin/comments/index.njk', {
      pageTitle: 'Comments and queries',
      items,
      total,
      pages,
      paging: { page },
      filters,
      filtered: hasCommentFilters(filters),
      choices,
      statuses: COMMENT_STATUSES.map((value) => ({ value, text: COMMENT_STATUS_LABELS[value] })),
      workingDays: config.commentResponseWorkingDays,
      queryFor: (n: number) => commentFiltersToQuery(filters, n > 1 ? { page: n } : {}),
      exportUrl: `/admin/comments/export.csv${commentFiltersToQuery(filters)}`,
    });
  });

  router.get('/admin/comments/export.csv', async (ctx) => {
    const { filters } = parseCommentQuery(ctx.query);
    ctx.type = 'text/csv; charset=utf-8';
    ctx.set('Content-Disposition', `attachment; filename="comments-${today(clock)}.csv"`);
    ctx.body = await comments.inbox.csv(filters);
  });

  return router;
}
