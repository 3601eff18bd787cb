import type { Db } from '../db/create-db.ts';
import type { EntityKind } from './reference-data.tables.ts';
import { jsonArrayFrom } from 'kysely/helpers/postgres';
import { ENTITY_TABLE, allEntities, entitiesNeedingReview } from './reference-data.repository.ts';

export const ENTITY_PAGES: Record<EntityKind, { path: string; filter: 'committee' | 'ward' | 'directorate' | 'maker'; plural: string; singular: string }> = {
  committee: { path: '/committees', filter: 'committee', plural: 'Scrutiny committees', singular: 'scrutiny committee' },
  ward: { path: '/wards', filter: 'ward', plural: 'Wards', singular: 'ward' },
  directorate: { path: '/directorates', filter: 'directorate', plural: 'Directorates', singular: 'directorate' },
  decision_maker: { path: '/decision-makers', filter: 'maker', plural: 'Decision makers', singular: 'decision maker' },
};

export function createReferenceDataService(db: Db) {
  return {
    /** The choices every filter form offers, in one query; `all` also lets the form's page check its filters' slugs without asking again. */
    async facets() {
      const all = await allEntities(db);
      return { committees: all.committee, wards: all.ward, directorates: all.directorate, makers: all.decision_maker, all };
    },

    async bySlug(kind: EntityKind, slug: string) {
      if (!/^[a-z0-9-]{1,80}$/.test(slug)) return undefined;
      if (kind === 'decision_maker') {
        const maker = await db
          .selectFrom('decision_makers')
          .select(['id', 'slug', 'name', 'kind'])
          .select((eb) =>
            jsonArrayFrom(
              eb.selectFrom('portfolios')
                .select(['title', 'starts_on', 'ends_on'])
                .whereRef('portfolios.decision_maker_id', '=', 'decision_makers.id')
                .orderBy('starts_on', (ob) => ob.desc().nullsFirst()),
            ).as('portfolios'),
          )
          .where('slug', '=', slug)
          .executeTakeFirst();
        if (!maker) return undefined;
        return { ...maker, description: maker.portfolios.map((p) => p.title).join('; ') };
      }
      return db.selectFrom(ENTITY_TABLE[kind]).select(['id', 'slug', 'name', 'description']).where('slug', '=', slug).executeTakeFirst();
    },

    /** Each entity with how many public decisions name it, for the index pages. */
    async withCounts(kind: Exclude<EntityKind, 'decision_maker'> | 'decision_maker') {
      if (kind === 'committee') {
        return db
          .selectFrom('committees')
          .leftJoin('decision_committees', 'decision_committees.committee_id', 'committees.id')
          .leftJoin('decisions', (join) => join.onRef('decisions.id', '=', 'decision_committees.decision_id').on('decisions.status', 'in', ['planned', 'deferred']))
          .select(['committees.slug', 'committees.name', 'committees.description'])
          .select((eb) => eb.fn.count<number>('decisions.id').as('live'))
          .groupBy('committees.id')
          .orderBy('committees.name')
          .execute();
      }
      if (kind === 'ward') {
        return db
          .selectFrom('wards')
          .leftJoin('decision_wards', 'decision_wards.ward_id', 'wards.id')
          .leftJoin('decisions', (join) => join.onRef('decisions.id', '=', 'decision_wards.decision_id').on('decisions.status', 'in', ['planned', 'deferred']))
          .select(['wards.slug', 'wards.name', 'wards.description'])
          .select((eb) => eb.fn.count<number>('decisions.id').as('live'))
          .groupBy('wards.id')
          .orderBy('wards.name')
          .execute();
      }
      const table = kind === 'directorate' ? 'directorates' : 'decision_makers';
      const column = kind === 'directorate' ? 'directorate_id' : 'decision_maker_id';
      return db
        .selectFrom(table)
        .leftJoin('decisions', (join) => join.onRef(`decisions.${column}`, '=', `${table}.id`).on('decisions.status', 'in', ['planned', 'deferred']))
        .select([`${table}.slug as slug`, `${table}.name as name`])
        .select((eb) => [eb.val('').as('description'), eb.fn.count<number>('decisions.id').as('live')])
        .groupBy(`${table}.id`)
        .orderBy(`${table}.name`)
        .execute();
    },

    needingReview: () => entitiesNeedingReview(db),
  };
}

export type ReferenceDataService = ReturnType<typeof createReferenceDataService>;
