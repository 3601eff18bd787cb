import type { EntityKind } from '../reference-data.tables.ts';
import { ENTITY_PAGES } from '../reference-data.service.ts';

/** How the admin pages name and address each kind of reference data. */
export interface KindPage {
  kind: EntityKind;
  /** The admin address segment: /admin/reference/<segment>. */
  segment: string;
  singular: string;
  plural: string;
  /** 'a scrutiny committee', for sentences. */
  withArticle: string;
  /** Where the public page of an entity of this kind lives: <publicPath>/<slug>. */
  publicPath: string;
  /** Only these kinds have a description; decision makers have portfolios instead. */
  description?: { label: string; hint: string };
}

export const ADMIN_KINDS: Record<EntityKind, KindPage> = {
  committee: {
    kind: 'committee',
    segment: 'committees',
    singular: 'scrutiny committee',
    plural: 'Scrutiny committees',
    withArticle: 'a scrutiny committee',
    publicPath: ENTITY_PAGES.committee.path,
    description: { label: 'Remit', hint: 'What the committee scrutinises. Shown on its public page.' },
  },
  ward: {
    kind: 'ward',
    segment: 'wards',
    singular: 'ward',
    plural: 'Wards',
    withArticle: 'a ward',
    publicPath: ENTITY_PAGES.ward.path,
    description: { label: 'About this ward (optional)', hint: 'Shown on its public page.' },
  },
  directorate: {
    kind: 'directorate',
    segment: 'directorates',
    singular: 'directorate',
    plural: 'Directorates',
    withArticle: 'a directorate',
    publicPath: ENTITY_PAGES.directorate.path,
    description: { label: 'About this directorate (optional)', hint: 'Shown on its public page.' },
  },
  decision_maker: {
    kind: 'decision_maker',
    segment: 'decision-makers',
    singular: 'decision maker',
    plural: 'Decision makers',
    withArticle: 'a decision maker',
    publicPath: ENTITY_PAGES.decision_maker.path,
  },
};

export const KIND_LIST: KindPage[] = Object.values(ADMIN_KINDS);

export const REFERENCE_HOME = '/admin/reference';

export function adminPath(kind: EntityKind, id?: number, rest = ''): string {
  return `${REFERENCE_HOME}/${ADMIN_KINDS[kind].segment}${id === undefined ? '' : `/${id}`}${rest}`;
}
