import { adminRouter } from '../../auth/require-role.ts';
import { crumbs, doneMessage } from './admin-http.ts';
import type { ReferenceAdmin } from './reference-admin.ts';
import { REFERENCE_HOME } from './reference-kinds.ts';

/** /admin/reference: the four kinds with their counts, and the review queue. */
export function overviewRoutes(admin: ReferenceAdmin) {
  const router = adminRouter('admin');
  router.get(REFERENCE_HOME, async (ctx) => {
    const { kinds, queue } = await admin.overview();
    ctx.render('admin/reference/index.njk', { pageTitle: 'Reference data', crumbs: crumbs().slice(0, 1), kinds, queue, done: doneMessage(ctx) });
  });
  return router;
}
