import { adminRouter } from '../auth/require-role.ts';
import type { Deps } from '../deps.ts';
import { notFound } from '../http/errors.ts';
import { readForm } from '../http/forms.ts';
import { idParam } from '../http/params.ts';

/**
 * Erasing a person's data on request. Publishers and above only: it cannot be undone, and it is a
 * data-protection decision for the senior governance officers rather than day-to-day handling.
 */
export function commentErasureRoutes({ comments }: Pick<Deps, 'comments'>) {
  const router = adminRouter('publisher');

  router.get('/admin/comments/:id/erase', async (ctx) => {
    const id = idParam(ctx.params.id);
    const found = await comments.inbox.get(id);
    if (!found) throw notFound('There is no comment with that number');
    ctx.render('admin/comments/erase.njk', {
      pageTitle: `Erase personal data: ${found.comment.reference}`,
      comment: found.comment,
      others: await comments.erasure.othersWithSameEmail(id),
    });
  });

  router.post('/admin/comments/:id/erase', async (ctx) => {
    const id = idParam(ctx.params.id);
    const sameEmail = readForm(ctx).text('scope') === 'same-email';
    const result = await comments.erasure.eraseOnRequest(id, { sameEmail }, ctx.state.user!);
    if (!result) throw notFound('There is no comment with that number');
    ctx.redirect(`/admin/comments/${id}?done=erased`);
    ctx.status = 303;
  });

  return router;
}
