import type { Context } from 'koa';
import { adminRouter } from '../../auth/require-role.ts';
import type { EntityKind } from '../reference-data.tables.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../http/errors.ts';
import { readForm, renderForm } from '../../http/forms.ts';
import { idParam } from '../../http/params.ts';
import { authorOf, crumbs, seeOther } from './admin-http.ts';
import type { AdminEntity } from './entity-admin.repository.ts';
import type { ReferenceDataAdmin } from './reference-data-admin.ts';
import { ADMIN_KINDS, KIND_LIST, adminPath } from './reference-data-kinds.ts';

/**
 * Merging two entities of one kind: choose the other one and which to keep, read what will
 * move, confirm. The confirmation is a page of its own because a merge cannot be undone.
 */
export function mergeAdminRoutes(admin: ReferenceDataAdmin, clock: Clock) {
  const router = adminRouter('admin');

  async function renderChoice(ctx: Context, kind: EntityKind, current: AdminEntity, values: Record<string, unknown>, errors: Record<string, string> = {}) {
    const page = ADMIN_KINDS[kind];
    const candidates = await admin.merges.candidates(kind, current.id);
    renderForm(ctx, 'admin/reference/merge-choose.njk', {
      pageTitle: `Merge ${current.name} with another ${page.singular}`,
      crumbs: crumbs(page, current),
      page,
      current,
      action: adminPath(kind, current.id, '/merge'),
      otherItems: [
        { value: '', text: `Choose ${page.withArticle}` },
        ...candidates.map((c) => ({ value: String(c.id), text: c.name, selected: String(c.id) === values.other })),
      ],
      keepItems: [
        { value: 'other', text: 'Keep the one chosen above', hint: { text: `‘${current.name}’ is merged into it and deleted` }, checked: values.keep === 'other' },
        { value: 'current', text: `Keep ‘${current.name}’`, hint: { text: 'The one chosen above is merged into it and deleted' }, checked: values.keep === 'current' },
      ],
      values,
      errors,
    });
  }

  async function currentOr404(ctx: Context, kind: EntityKind) {
    const current = await admin.entity(kind, idParam(ctx.params.id));
    if (!current) throw notFound(`There is no ${ADMIN_KINDS[kind].singular} with that number`);
    return current;
  }

  /** The entry, the form's choice of the other one and which to keep, checked; undefined once the form is shown again with its errors. */
  async function chosenPair(ctx: Context, kind: EntityKind) {
    const current = await currentOr404(ctx, kind);
    const form = readForm(ctx);
    const values = { other: form.text('other'), keep: form.text('keep') };
    const choice = await admin.merges.choose(kind, current.id, values.other, values.keep);
    if (!choice) throw notFound();
    if (!choice.ok) {
      await renderChoice(ctx, kind, current, values, choice.problems);
      return undefined;
    }
    return { current, values, choice: choice.value };
  }

  for (const page of KIND_LIST) {
    const { kind } = page;
    const base = adminPath(kind);

    router.get(`${base}/:id/merge`, async (ctx) => {
      const current = await currentOr404(ctx, kind);
      // From the review queue, the entry is usually the duplicate: keeping the other is the likely choice.
      await renderChoice(ctx, kind, current, { keep: ctx.query.keep === 'other' ? 'other' : undefined });
    });

    router.post(`${base}/:id/merge`, async (ctx) => {
      const chosen = await chosenPair(ctx, kind);
      if (!chosen) return;
      const { current, values } = chosen;
      const { from, into } = chosen.choice;
      renderForm(ctx, 'admin/reference/merge-confirm.njk', {
        pageTitle: `Merge ${from.name} into ${into.name}`,
        crumbs: crumbs(page, current),
        page,
        from,
        into,
        fromPublic: `${page.publicPath}/${from.slug}`,
        intoPublic: `${page.publicPath}/${into.slug}`,
        preview: await admin.merges.preview(kind, from, into),
        action: adminPath(kind, current.id, '/merge/confirm'),
        back: adminPath(kind, current.id, '/merge'),
        values,
      });
    });

    router.post(`${base}/:id/merge/confirm`, async (ctx) => {
      // The choice is checked again: either entry may have changed since the confirmation page.
      const chosen = await chosenPair(ctx, kind);
      if (!chosen) return;
      const { current, values, choice } = chosen;
      const result = await admin.merges.merge(kind, choice.from.id, choice.into.id, authorOf(ctx, clock));
      if (!result) throw notFound('One of the two entries no longer exists: it may have been merged already');
      if (!result.ok) return renderChoice(ctx, kind, current, values, { keep: result.problems.merge! });
      seeOther(ctx, `${adminPath(kind, result.value.intoId)}?done=merged`);
    });
  }
  return router;
}
