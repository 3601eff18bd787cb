import type { Db } from '../db/create-db.ts';
import { today, type Clock } from '../lib/clock.ts';
import type { NoticeKind } from './notices/notice-kinds.ts';
import type { NoticeListItem, PublicNotice } from './notices/public-notice.view.ts';
import type { EntityKind } from '../reference-data/reference-data.tables.ts';
import { badRequest } from '../http/errors.ts';
import { entitiesOfKinds, type EntitySummary } from '../reference-data/reference-data.repository.ts';
import type { Link, PublicDecision } from './decision.view.ts';
import {
  publicDecision,
  publicDecisionPage,
  publicDecisionsByIds,
  publicDecisionsUpTo,
  publicNotice,
  publicNoticePage,
  publicRecord,
  type PublicRecord,
} from './public-decisions.ts';
import type { DecisionFilters, Paging } from './filters.ts';
import { DEFAULT_COUNCIL_SETTINGS, type CouncilSettings } from '../reference-data/council-settings.ts';

const FILTER_ENTITY: [keyof DecisionFilters & ('committee' | 'ward' | 'directorate' | 'maker'), EntityKind, string][] = [
  ['committee', 'committee', 'scrutiny committee'],
  ['ward', 'ward', 'ward'],
  ['directorate', 'directorate', 'directorate'],
  ['maker', 'decision_maker', 'decision maker'],
];

/** Every committee, ward, directorate and decision maker (as the filter form's facets list them). */
export type KnownEntities = Record<EntityKind, EntitySummary[]>;

/**
 * `settings`: the council's settings as far as public decisions need them: how clear days count
 * (a general exception's earliest date on its notice) and call-in (the decision notice's statement).
 */
export function createDecisionService(db: Db, clock: Clock, settings: { get(): Promise<Pick<CouncilSettings, 'clearDays' | 'callIn'>> } = { get: async () => DEFAULT_COUNCIL_SETTINGS }) {
  const clearDays = async () => (await settings.get()).clearDays;
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

    list(filters: DecisionFilters, paging: Paging): Promise<{ items: PublicDecision[]; total: number }> {
      return publicDecisionPage(db, filters, paging);
    },

    /** A published decision; a draft or an unknown id is undefined. */
    get(id: number): Promise<PublicDecision | undefined> {
      return publicDecision(db, id);
    },

    byIds(ids: number[]): Promise<Map<number, PublicDecision>> {
      return publicDecisionsByIds(db, ids);
    },

    upTo(filters: DecisionFilters, cap: number): Promise<PublicDecision[]> {
      return publicDecisionsUpTo(db, filters, cap);
    },

    /** The decision with its outcome and public history: the decision page and its JSON. */
    record(id: number): Promise<PublicRecord | undefined> {
      return publicRecord(db, id, today(clock), async () => (await settings.get()).callIn);
    },

    /** A published regulation 10, 11 or 5 notice of a public decision (`id`: the decision's). */
    async notice(kind: NoticeKind, id: number): Promise<PublicNotice | undefined> {
      return publicNotice(db, kind, id, today(clock), await clearDays());
    },

    /** /notices: every published notice of the kinds asked for (all when none), newest first. */
    notices(kinds: NoticeKind[], paging: Paging): Promise<{ items: NoticeListItem[]; total: number }> {
      return publicNoticePage(db, kinds, paging, today(clock));
    },
  };
}

export type DecisionService = ReturnType<typeof createDecisionService>;
