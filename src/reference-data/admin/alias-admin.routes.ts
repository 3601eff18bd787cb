import { adminRouter } from '../../auth/require-role.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../http/errors.ts';
import { readForm } from '../../http/forms.ts';
import { idParam } from '../../http/params.ts';
import { authorOf, seeOther } from './admin-http.ts';
import { renderEntityPage } from './entity-page.ts';
import type { ReferenceDataAdmin } from './reference-data-admin.ts';
import { KIND_LIST, adminPath } from './reference-data-kinds.ts';

/** Adding and removing the spellings (aliases) the import files under each entity. */
export function aliasAdminRoutes(admin: ReferenceDataAdmin, clock: Clock) {
  const router = adminRouter('admin');

  for (const page of KIND_LIST) {
    const { kind } = page;
    const base = adminPath(kind);

    router.post(`${base}/:id/spellings`, async (ctx) => {
      const id = idParam(ctx.params.id);
      const spelling = readForm(ctx).text('spelling');
      const result = await admin.aliases.add(kind, id, spelling, authorOf(ctx, clock));
      if (!result) throw notFound(`There is no ${page.singular} with that number`);
      if (!result.ok) return renderEntityPage(ctx, admin, kind, id, { values: { spelling }, errors: result.problems });
      seeOther(ctx, `${adminPath(kind, id)}?done=spelling-added#spellings`);
    });

    router.post(`${base}/:id/spellings/:aliasId/remove`, async (ctx) => {
      const id = idParam(ctx.params.id);
      const result = await admin.aliases.remove(kind, id, idParam(ctx.params.aliasId), authorOf(ctx, clock));
      if (!result) throw notFound('There is no such spelling: it may have been removed already');
      if (!result.ok) return renderEntityPage(ctx, admin, kind, id, { errors: result.problems });
      seeOther(ctx, `${adminPath(kind, id)}?done=spelling-removed#spellings`);
    });
  }
  return router;
}
