import type { Context } from 'koa';
import { adminRouter } from '../../auth/require-role.ts';
import type { Clock } from '../../lib/clock.ts';
import { readForm, renderForm } from '../../http/forms.ts';
import { authorOf, crumbs, doneMessage, seeOther } from './admin-http.ts';
import { describeChange } from './change-history.ts';
import { COUNCIL_ID } from './council-admin.service.ts';
import type { CouncilDetails } from './council-rules.ts';
import type { ReferenceDataAdmin } from './reference-data-admin.ts';
import { REFERENCE_HOME } from './reference-data-kinds.ts';

const EMPTY: CouncilDetails = { name: '', governanceEmail: '', governanceAddress: '', governanceTelephone: '', website: '' };

/** The council's own details, shown in every public page's header and footer and in the plan's explanations. */
export function councilAdminRoutes(admin: ReferenceDataAdmin, clock: Clock) {
  const router = adminRouter('admin');
  const path = `${REFERENCE_HOME}/council`;

  async function render(ctx: Context, values: CouncilDetails, errors: Record<string, string> = {}) {
    renderForm(ctx, 'admin/reference/council.njk', {
      pageTitle: 'Council details',
      crumbs: crumbs(),
      action: path,
      done: doneMessage(ctx),
      history: (await admin.history('council', COUNCIL_ID)).map(describeChange),
      values,
      errors,
    });
  }

  router.get(path, async (ctx) => render(ctx, (await admin.council.current()) ?? EMPTY));

  router.post(path, async (ctx) => {
    const form = readForm(ctx);
    const values: CouncilDetails = {
      name: form.text('name'),
      governanceEmail: form.text('governanceEmail'),
      governanceAddress: form.multiline('governanceAddress'),
      governanceTelephone: form.text('governanceTelephone'),
      website: form.text('website'),
    };
    const result = await admin.council.save(values, authorOf(ctx, clock));
    if (!result.ok) return render(ctx, values, result.problems);
    seeOther(ctx, `${path}?done=council`);
  });

  return router;
}
