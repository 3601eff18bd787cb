import { sql } from 'kysely';
import type { EntityKind } from '../reference-data.tables.ts';
import { ENTITY_TABLE } from '../reference-data.repository.ts';
import type { Executor } from '../../db/executor.ts';

export interface AdminEntity {
  id: number;
  slug: string;
  name: string;
  /** '' for decision makers, which have portfolios instead. */
  description: string;
  needsReview: boolean;
  createdAt: Date;
  /** Decision makers only. */
  makerKind: 'cabinet' | 'member' | null;
}

/** How many decisions (of any status: staff see drafts too) name each entity of a kind, by id. */
function decisionCounts(db: Executor, kind: EntityKind) {
  switch (kind) {
    case 'committee':
      return db.selectFrom('decision_committees').select(['committee_id as entity_id', sql<number>`count(*)::int`.as('n')]).groupBy('committee_id');
    case 'ward':
      return db.selectFrom('decision_wards').select(['ward_id as entity_id', sql<number>`count(*)::int`.as('n')]).groupBy('ward_id');
    case 'directorate':
      return db.selectFrom('decisions').select(['directorate_id as entity_id', sql<number>`count(*)::int`.as('n')]).groupBy('directorate_id');
    case 'decision_maker':
      return db.selectFrom('decisions').select(['decision_maker_id as entity_id', sql<number>`count(*)::int`.as('n')]).groupBy('decision_maker_id');
  }
}

/** Every entity of a kind with its number of decisions and spellings, for the admin lists and the review queue. */
export async function listForAdmin(db: Executor, kind: EntityKind, options: { needsReviewOnly?: boolean } = {}) {
  const table = ENTITY_TABLE[kind];
  let query = db
    .selectFrom(table)
    .leftJoin(decisionCounts(db, kind).as('counts'), 'counts.entity_id', `${table}.id`)
    .select([`${table}.id as id`, `${table}.slug as slug`, `${table}.name as name`, `${table}.needs_review as needsReview`, `${table}.created_at as createdAt`])
    .select((eb) => eb.fn.coalesce('counts.n', sql<number>`0`).as('decisions'))
    .orderBy(`${table}.name`);
  if (options.needsReviewOnly) query = query.where(`${table}.needs_review`, '=', true);
  return query.execute();
}

export async function countsByKind(db: Executor, kind: EntityKind): Promise<{ total: number; review: number }> {
  const row = await db
    .selectFrom(ENTITY_TABLE[kind])
    .select([sql<number>`count(*)::int`.as('total'), sql<number>`count(*) FILTER (WHERE needs_review)::int`.as('review')])
    .executeTakeFirstOrThrow();
  return row;
}

export async function entityById(db: Executor, kind: EntityKind, id: number): Promise<AdminEntity | undefined> {
  if (kind === 'decision_maker') {
    const row = await db.selectFrom('decision_makers').selectAll().where('id', '=', id).executeTakeFirst();
    return row && { id: row.id, slug: row.slug, name: row.name, description: '', needsReview: row.needs_review, createdAt: row.created_at, makerKind: row.kind };
  }
  const row = await db.selectFrom(ENTITY_TABLE[kind]).selectAll().where('id', '=', id).executeTakeFirst();
  return row && { id: row.id, slug: row.slug, name: row.name, description: row.description, needsReview: row.needs_review, createdAt: row.created_at, makerKind: null };
}

export async function slugOwner(db: Executor, kind: EntityKind, slug: string): Promise<number | undefined> {
  const row = await db.selectFrom(ENTITY_TABLE[kind]).select('id').where('slug', '=', slug).executeTakeFirst();
  return row?.id;
}

export async function updateEntity(
  db: Executor,
  kind: EntityKind,
  id: number,
  values: { slug?: string; name?: string; description?: string; needs_review?: boolean },
): Promise<void> {
  const { description, ...common } = values;
  const set = kind === 'decision_maker' || description === undefined ? common : { ...common, description };
  if (Object.keys(set).length === 0) return;
  await db.updateTable(ENTITY_TABLE[kind]).set(set).where('id', '=', id).execute();
}

export async function cabinetOf(db: Executor) {
  return db.selectFrom('decision_makers').select(['id', 'name']).where('kind', '=', 'cabinet').executeTakeFirst();
}

/** Titles of the decisions naming an entity, newest expected date first, for the merge confirmation. */
export async function decisionTitles(db: Executor, ids: number[], limit: number) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('decisions')
    .select(['id', 'title', 'reference', 'status'])
    .where('id', 'in', ids)
    .orderBy('expected_date', (ob) => ob.desc().nullsLast())
    .orderBy('id')
    .limit(limit)
    .execute();
}
