import type { Context } from 'koa';
import type { EntityKind } from '../reference-data.tables.ts';
import { notFound } from '../../http/errors.ts';
import { renderForm, type FormErrors } from '../../http/forms.ts';
import { aliasKey } from '../resolver.ts';
import { crumbs, doneMessage } from './admin-http.ts';
import { describeChange } from './change-history.ts';
import { describePeriod } from './portfolio-rules.ts';
import type { ReferenceDataAdmin } from './reference-data-admin.ts';
import { ADMIN_KINDS, adminPath } from './reference-data-kinds.ts';

/**
 * An entity's admin page: its details, spellings, portfolios and history. Also the page the
 * spelling forms come back to with their errors, so `values` and `errors` are those forms'.
 */
export async function renderEntityPage(
  ctx: Context,
  admin: ReferenceDataAdmin,
  kind: EntityKind,
  id: number,
  form: { values?: Record<string, unknown>; errors?: FormErrors | Record<string, string> } = {},
): Promise<void> {
  const page = ADMIN_KINDS[kind];
  const entity = await admin.entity(kind, id);
  if (!entity) throw notFound(`There is no ${page.singular} with that number`);
  const [decisions, spellings, portfolios, history] = await Promise.all([
    admin.decisionCount(kind, id),
    admin.aliases.list(kind, id),
    entity.makerKind === 'member' ? admin.portfolios.list(id) : Promise.resolve([]),
    admin.history(kind, id),
  ]);
  const nameKey = aliasKey(kind, entity.name);
  renderForm(ctx, 'admin/reference/show.njk', {
    pageTitle: entity.name,
    crumbs: crumbs(page),
    page,
    entity,
    path: adminPath(kind, id),
    publicUrl: `${page.publicPath}/${entity.slug}`,
    decisions,
    spellings: spellings.map((s) => ({ ...s, isName: s.normalised === nameKey })),
    portfolios: portfolios.map((p) => ({ ...p, period: describePeriod(p), open: p.endsOn === null })),
    history: history.map(describeChange),
    done: doneMessage(ctx, page),
    values: form.values ?? {},
    errors: form.errors ?? {},
  });
}
