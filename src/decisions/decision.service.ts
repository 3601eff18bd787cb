import type { Db } from '../db/create-db.ts';
import type { EntityKind } from '../reference-data/reference-data.tables.ts';
import { badRequest } from '../http/errors.ts';
import { entitiesOfKinds, type EntitySummary } from '../reference-data/reference-data.repository.ts';
import { findDecisionById, findDecisionPage, publicHistoryOf } from './decision.repository.ts';
import { toPublicDecision, type Link, type PublicDecision } from './decision.view.ts';
import { publicChanges } from './staff/public-history.ts';
import type { DecisionFilters, Paging } from './filters.ts';

const FILTER_ENTITY: [keyof DecisionFilters & ('committee' | 'ward' | 'directorate' | 'maker'), EntityKind, string][] = [
  ['committee', 'committee', 'scrutiny committee'],
  ['ward', 'ward', 'ward'],
  ['directorate', 'directorate', 'directorate'],
  ['maker', 'decision_maker', 'decision maker'],
];

/** Every committee, ward, directorate and decision maker (as the filter form's facets list them). */
export type KnownEntities = Record<EntityKind, EntitySummary[]>;

export function createDecisionService(db: Db) {
  return {
    /**
     * An unknown slug in a filter is a mistake in the address, not an empty result. `known`: the
     * entities a page has already read (its filter form lists them all), so nothing is asked
     * again; otherwise the slugs of every kind are looked up in one query.
     */
    async checkFilterSlugs(filters: DecisionFilters, known?: KnownEntities): Promise<Record<string, Link[]>> {
      const wanted = FILTER_ENTITY.map(([key, kind]) => [kind, filters[key]] as const);
      const found = known ?? (await entitiesOfKinds(db, wanted));
      const problems: string[] = [];
      const chosen: Record<string, Link[]> = {};
      for (const [key, kind, label] of FILTER_ENTITY) {
        const slugs = filters[key];
        const matches = found[kind].filter((entity) => slugs.includes(entity.slug));
        const unknown = slugs.filter((s) => !matches.some((f) => f.slug === s));
        if (unknown.length) problems.push(`There is no ${label} called '${unknown.join("', '")}'`);
        chosen[key] = matches.map(({ slug, name }) => ({ slug, name }));
      }
      if (problems.length) throw badRequest('There is a problem with the address you asked for', problems);
      return chosen;
    },

    async list(filters: DecisionFilters, paging: Paging): Promise<{ items: PublicDecision[]; total: number }> {
      const { rows, total } = await findDecisionPage(db, filters, paging);
      return { items: rows.map(toPublicDecision), total };
    },

    async get(id: number): Promise<PublicDecision | undefined> {
      const row = await findDecisionById(db, id);
      if (!row || row.status === 'draft') return undefined;
      return toPublicDecision(row);
    },

    /**
     * Its public history: every plan that listed it, the public events of its life, and those
     * events as the changes since it was first published (date and part moves, the outcome).
     */
    async history(id: number) {
      const found = await publicHistoryOf(db, id);
      const events = found.events.map((e) => ({ ...e, id: Number(e.id), occurred_at: new Date(e.occurred_at).toISOString() }));
      return { plans: found.plans, firstAdvertised: found.plans[0]?.published_on ?? null, events, changes: publicChanges(events) };
    },
  };
}

export type DecisionService = ReturnType<typeof createDecisionService>;
