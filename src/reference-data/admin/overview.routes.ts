import { adminRouter } from '../../auth/require-role.ts';
import { crumbs, doneMessage } from './admin-http.ts';
import type { ReferenceDataAdmin } from './reference-data-admin.ts';
import { REFERENCE_HOME } from './reference-data-kinds.ts';

/** /admin/reference: the four kinds with their counts, and the review queue. */
export function overviewRoutes(admin: ReferenceDataAdmin) {
  const router = adminRouter('admin');
  router.get(REFERENCE_HOME, async (ctx) => {
    const { kinds, queue } = await admin.overview();
    ctx.render('admin/reference/index.njk', { pageTitle: 'Reference data', crumbs: crumbs().slice(0, 1), kinds, queue, done: doneMessage(ctx) });
  });
  return router;
}
