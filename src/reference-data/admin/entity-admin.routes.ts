import type { Context } from 'koa';
import { adminRouter } from '../../auth/require-role.ts';
import type { Clock } from '../../lib/clock.ts';
import { notFound } from '../../http/errors.ts';
import { readForm, renderForm } from '../../http/forms.ts';
import { idParam } from '../../http/params.ts';
import { authorOf, crumbs, doneMessage, seeOther } from './admin-http.ts';
import type { EntityInput } from './entity-admin.service.ts';
import { renderEntityPage } from './entity-page.ts';
import type { ReferenceDataAdmin } from './reference-data-admin.ts';
import { KIND_LIST, REFERENCE_HOME, adminPath, type KindPage } from './reference-data-kinds.ts';

function readEntity(ctx: Context): EntityInput {
  const form = readForm(ctx);
  return { name: form.text('name'), slug: form.text('slug'), description: form.multiline('description'), makerKind: form.text('makerKind') };
}

const makerKindItems = (checked?: string) => [
  { value: 'member', text: 'A Cabinet Member', hint: { text: 'A councillor who takes decisions in their portfolio' }, checked: checked === 'member' },
  { value: 'cabinet', text: 'The Cabinet', hint: { text: 'The Cabinet as a body; there is only one' }, checked: checked === 'cabinet' },
];

function renderEntityForm(ctx: Context, page: KindPage, mode: 'add' | 'edit', values: Record<string, unknown>, errors: Record<string, string> = {}, entity?: { id: number; name: string; slug: string }) {
  renderForm(ctx, 'admin/reference/entity-form.njk', {
    pageTitle: mode === 'add' ? `Add ${page.withArticle}` : `Change ${entity!.name}`,
    crumbs: crumbs(page, entity),
    page,
    mode,
    action: mode === 'add' ? adminPath(page.kind) : adminPath(page.kind, entity!.id),
    cancel: mode === 'add' ? adminPath(page.kind) : adminPath(page.kind, entity!.id),
    makerKindItems: makerKindItems(values.makerKind as string | undefined),
    savedSlug: entity?.slug,
    values,
    errors,
  });
}

/** Lists, adds, shows and edits committees, wards, directorates and decision makers; takes them off the review queue. */
export function entityAdminRoutes(admin: ReferenceDataAdmin, clock: Clock) {
  const router = adminRouter('admin');

  for (const page of KIND_LIST) {
    const { kind } = page;
    const base = adminPath(kind);

    router.get(base, async (ctx) => {
      ctx.render('admin/reference/list.njk', { pageTitle: page.plural, crumbs: crumbs(), page, entities: await admin.list(kind), done: doneMessage(ctx, page) });
    });

    router.get(`${base}/new`, (ctx) => renderEntityForm(ctx, page, 'add', { makerKind: kind === 'decision_maker' ? 'member' : undefined }));

    router.post(base, async (ctx) => {
      const input = readEntity(ctx);
      const result = await admin.entities.create(kind, input, authorOf(ctx, clock));
      if (!result.ok) return renderEntityForm(ctx, page, 'add', { ...input }, result.problems);
      seeOther(ctx, `${adminPath(kind, result.value.id)}?done=created`);
    });

    router.get(`${base}/:id`, async (ctx) => renderEntityPage(ctx, admin, kind, idParam(ctx.params.id)));

    router.get(`${base}/:id/edit`, async (ctx) => {
      const entity = await admin.entity(kind, idParam(ctx.params.id));
      if (!entity) throw notFound(`There is no ${page.singular} with that number`);
      renderEntityForm(ctx, page, 'edit', { name: entity.name, slug: entity.slug, description: entity.description }, {}, entity);
    });

    router.post(`${base}/:id`, async (ctx) => {
      const id = idParam(ctx.params.id);
      const input = readEntity(ctx);
      const result = await admin.entities.update(kind, id, input, authorOf(ctx, clock));
      if (!result) throw notFound(`There is no ${page.singular} with that number`);
      if (!result.ok) {
        const entity = (await admin.entity(kind, id))!;
        return renderEntityForm(ctx, page, 'edit', { ...input }, result.problems, entity);
      }
      seeOther(ctx, `${adminPath(kind, id)}?done=saved`);
    });

    router.post(`${base}/:id/reviewed`, async (ctx) => {
      const id = idParam(ctx.params.id);
      if (!(await admin.entities.markReviewed(kind, id, authorOf(ctx, clock)))) throw notFound(`There is no ${page.singular} with that number`);
      // Marking from the queue returns to the queue; from the entity's page, to that page.
      seeOther(ctx, readForm(ctx).text('back') === 'queue' ? `${REFERENCE_HOME}?done=reviewed#review` : `${adminPath(kind, id)}?done=reviewed`);
    });
  }
  return router;
}
