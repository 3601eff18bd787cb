import { sql } from 'kysely';
import type { Executor } from '../db/executor.ts';
import type { Database } from '../db/database.ts';
import type { EntityKind } from './reference-data.tables.ts';

export const ENTITY_TABLE = {
  committee: 'committees',
  ward: 'wards',
  directorate: 'directorates',
  decision_maker: 'decision_makers',
} as const satisfies Record<EntityKind, keyof Database>;

export const ALIAS_COLUMN = {
  committee: 'committee_id',
  ward: 'ward_id',
  directorate: 'directorate_id',
  decision_maker: 'decision_maker_id',
} as const satisfies Record<EntityKind, string>;

export interface EntitySummary {
  id: number;
  slug: string;
  name: string;
}

export async function findAlias(db: Executor, kind: EntityKind, normalised: string): Promise<number | undefined> {
  const row = await db
    .selectFrom('aliases')
    .select(['committee_id', 'ward_id', 'directorate_id', 'decision_maker_id'])
    .where('kind', '=', kind)
    .where('normalised', '=', normalised)
    .executeTakeFirst();
  return row?.[ALIAS_COLUMN[kind]] ?? undefined;
}

/** The whole alias table, for resolving a plan's spellings without a query each. */
export async function allAliases(db: Executor) {
  return db.selectFrom('aliases').select(['kind', 'normalised', 'committee_id', 'ward_id', 'directorate_id', 'decision_maker_id']).execute();
}

export async function addAlias(db: Executor, kind: EntityKind, entityId: number, spelling: string, normalised: string) {
  await db
    .insertInto('aliases')
    .values({ kind, spelling, normalised, [ALIAS_COLUMN[kind]]: entityId } as never)
    .onConflict((oc) => oc.columns(['kind', 'normalised']).doNothing())
    .execute();
}

export async function slugTaken(db: Executor, kind: EntityKind, slug: string): Promise<boolean> {
  const row = await db.selectFrom(ENTITY_TABLE[kind]).select('id').where('slug', '=', slug).executeTakeFirst();
  return row !== undefined;
}

export async function insertNamedEntity(
  db: Executor,
  kind: Exclude<EntityKind, 'decision_maker'>,
  values: { slug: string; name: string; description?: string; needs_review?: boolean },
): Promise<number> {
  const row = await db.insertInto(ENTITY_TABLE[kind]).values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertDecisionMaker(
  db: Executor,
  values: { slug: string; name: string; kind: 'cabinet' | 'member'; needs_review?: boolean },
): Promise<number> {
  const row = await db.insertInto('decision_makers').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertPortfolio(
  db: Executor,
  values: { decision_maker_id: number; title: string; starts_on?: string | null; ends_on?: string | null },
): Promise<number> {
  const row = await db.insertInto('portfolios').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Every portfolio of these decision makers (all of them without `decisionMakerIds`), for portfolioHeldOn. */
export async function portfoliosOf(db: Executor, decisionMakerIds?: number[]) {
  let query = db.selectFrom('portfolios').select(['id', 'decision_maker_id', 'title', 'starts_on', 'ends_on']);
  if (decisionMakerIds !== undefined) {
    if (decisionMakerIds.length === 0) return [];
    query = query.where('decision_maker_id', 'in', [...new Set(decisionMakerIds)]);
  }
  return query.execute();
}

/** The portfolio a member held on a date (open-ended ranges count), latest start first. */
export async function portfolioOn(db: Executor, decisionMakerId: number, date: string | null) {
  let query = db
    .selectFrom('portfolios')
    .select(['id', 'title'])
    .where('decision_maker_id', '=', decisionMakerId);
  if (date) {
    query = query
      .where((eb) => eb.or([eb('starts_on', 'is', null), eb('starts_on', '<=', date)]))
      .where((eb) => eb.or([eb('ends_on', 'is', null), eb('ends_on', '>=', date)]));
  }
  return query.orderBy('starts_on', (ob) => ob.desc().nullsLast()).orderBy('id', 'desc').executeTakeFirst();
}

export async function listEntities(db: Executor, kind: EntityKind): Promise<EntitySummary[]> {
  return db.selectFrom(ENTITY_TABLE[kind]).select(['id', 'slug', 'name']).orderBy('name').execute();
}

export async function entitiesBySlugs(db: Executor, kind: EntityKind, slugs: string[]): Promise<EntitySummary[]> {
  if (slugs.length === 0) return [];
  return db.selectFrom(ENTITY_TABLE[kind]).select(['id', 'slug', 'name']).where('slug', 'in', slugs).execute();
}

export async function entitiesNeedingReview(db: Executor) {
  const kinds = Object.keys(ENTITY_TABLE) as EntityKind[];
  const rows = await Promise.all(
    kinds.map(async (kind) =>
      (await db.selectFrom(ENTITY_TABLE[kind]).select(['id', 'slug', 'name']).where('needs_review', '=', true).execute()).map(
        (row) => ({ kind, ...row }),
      ),
    ),
  );
  return rows.flat();
}

/**
 * Entities of several kinds in one query (a UNION ALL, one arm per kind asked about), by name:
 * every one of a kind for 'all', else those with the given slugs. Kinds not asked about come back
 * empty, and nothing is asked of the database when no kind is.
 */
export async function entitiesOfKinds(
  db: Executor,
  wanted: readonly (readonly [EntityKind, readonly string[] | 'all'])[],
): Promise<Record<EntityKind, EntitySummary[]>> {
  const result: Record<EntityKind, EntitySummary[]> = { committee: [], ward: [], directorate: [], decision_maker: [] };
  const arms = wanted
    .filter(([, slugs]) => slugs === 'all' || slugs.length > 0)
    .map(([kind, slugs]) => {
      const arm = db.selectFrom(ENTITY_TABLE[kind]).select([sql.lit<EntityKind>(kind).as('kind'), 'id', 'slug', 'name']);
      return slugs === 'all' ? arm : arm.where('slug', 'in', [...slugs]);
    });
  const [first, ...rest] = arms;
  if (!first) return result;
  const rows = await rest.reduce((union, arm) => union.unionAll(arm), first).orderBy('name').orderBy('id').execute();
  for (const { kind, ...entity } of rows) result[kind].push(entity);
  return result;
}

/** Every committee, ward, directorate and decision maker, by name, in one query. */
export function allEntities(db: Executor) {
  return entitiesOfKinds(db, (Object.keys(ENTITY_TABLE) as EntityKind[]).map((kind) => [kind, 'all'] as const));
}
