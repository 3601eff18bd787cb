import type { Db } from '../db/create-db.ts';
import type { EntityKind } from '../db/database.ts';
import { badRequest } from '../http/errors.ts';
import { entitiesBySlugs } from '../reference/reference.repository.ts';
import { entriesForDecision } from '../plans/plan.repository.ts';
import {
  committeesFor,
  countDecisions,
  eventsFor,
  findDecisionById,
  findDecisions,
  wardsFor,
  type DecisionListRow,
} from './decision.repository.ts';
import { toPublicDecision, type Link, type PublicDecision } from './decision.view.ts';
import type { DecisionFilters, Paging } from './filters.ts';

const FILTER_ENTITY: [keyof DecisionFilters, EntityKind, string][] = [
  ['committee', 'committee', 'scrutiny committee'],
  ['ward', 'ward', 'ward'],
  ['directorate', 'directorate', 'directorate'],
  ['maker', 'decision_maker', 'decision maker'],
];

function group<T extends { decision_id: number }>(rows: T[]): Map<number, Link[]> {
  const map = new Map<number, Link[]>();
  for (const row of rows) {
    const list = map.get(row.decision_id) ?? [];
    list.push({ slug: (row as unknown as Link).slug, name: (row as unknown as Link).name });
    map.set(row.decision_id, list);
  }
  return map;
}

export function createDecisionService(db: Db) {
  async function toViews(rows: DecisionListRow[]): Promise<PublicDecision[]> {
    const ids = rows.map((r) => r.id);
    const [committees, wards] = await Promise.all([committeesFor(db, ids), wardsFor(db, ids)]);
    const byCommittee = group(committees);
    const byWard = group(wards);
    return rows.map((row) => toPublicDecision(row, byCommittee.get(row.id) ?? [], byWard.get(row.id) ?? []));
  }

  return {
    /** An unknown slug in a filter is a mistake in the address, not an empty result. */
    async checkFilterSlugs(filters: DecisionFilters): Promise<Record<string, Link[]>> {
      const problems: string[] = [];
      const chosen: Record<string, Link[]> = {};
      for (const [key, kind, label] of FILTER_ENTITY) {
        const slugs = filters[key] as string[];
        const found = await entitiesBySlugs(db, kind, slugs);
        const unknown = slugs.filter((s) => !found.some((f) => f.slug === s));
        if (unknown.length) problems.push(`There is no ${label} called '${unknown.join("', '")}'`);
        chosen[key] = found.map(({ slug, name }) => ({ slug, name }));
      }
      if (problems.length) throw badRequest('There is a problem with the address you asked for', problems);
      return chosen;
    },

    async list(filters: DecisionFilters, paging: Paging): Promise<{ items: PublicDecision[]; total: number }> {
      const [rows, total] = await Promise.all([findDecisions(db, filters, paging), countDecisions(db, filters)]);
      return { items: await toViews(rows), total };
    },

    async get(id: number): Promise<PublicDecision | undefined> {
      const row = await findDecisionById(db, id);
      if (!row || row.status === 'draft') return undefined;
      return (await toViews([row]))[0];
    },

    /** Its public history: every plan that listed it, and the public events of its life. */
    async history(id: number) {
      const [plans, events] = await Promise.all([entriesForDecision(db, id), eventsFor(db, id)]);
      return {
        plans,
        firstAdvertised: plans[0]?.published_on ?? null,
        events: events.map((e) => ({ ...e, occurred_at: new Date(e.occurred_at).toISOString() })),
      };
    },
  };
}

export type DecisionService = ReturnType<typeof createDecisionService>;
