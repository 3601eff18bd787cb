import type { Insertable } from 'kysely';
import { inChunks } from '../db/chunks.ts';
import type { PlanEntryTable } from './plans.tables.ts';
import type { Executor } from '../db/executor.ts';

export async function findPlanByDate(db: Executor, publishedOn: string) {
  return db.selectFrom('plans').selectAll().where('published_on', '=', publishedOn).executeTakeFirst();
}

/** A plan by its date, and whether it is the latest (none was published after it), in one query. */
export async function findPlanByDateWithLatest(db: Executor, publishedOn: string) {
  return db
    .selectFrom('plans')
    .selectAll('plans')
    .select((eb) =>
      eb.not(eb.exists(eb.selectFrom('plans as later').select('later.id').whereRef('later.published_on', '>', 'plans.published_on'))).$castTo<boolean>().as('is_latest'),
    )
    .where('plans.published_on', '=', publishedOn)
    .executeTakeFirst();
}

export async function latestPlan(db: Executor) {
  return db.selectFrom('plans').selectAll().orderBy('published_on', 'desc').limit(1).executeTakeFirst();
}

export async function listPlans(db: Executor) {
  return db
    .selectFrom('plans')
    .leftJoin('plan_entries', 'plan_entries.plan_id', 'plans.id')
    .select(['plans.id', 'plans.published_on', 'plans.key_decisions_from', 'plans.source'])
    .select((eb) => [
      eb.fn.count<number>('plan_entries.id').as('entries'),
      eb.fn.count<number>('plan_entries.id').filterWhere('plan_entries.advertised', '=', 'new').as('new_entries'),
    ])
    .groupBy('plans.id')
    .orderBy('plans.published_on', 'desc')
    .execute();
}

export async function insertPlan(
  db: Executor,
  values: { published_on: string; key_decisions_from: string; source: 'import' | 'publication' },
): Promise<number> {
  const row = await db.insertInto('plans').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function insertPlanEntries(db: Executor, entries: Insertable<PlanEntryTable>[]): Promise<void> {
  for (const chunk of inChunks(entries)) await db.insertInto('plan_entries').values(chunk).execute();
}

export async function planEntries(db: Executor, planId: number) {
  return db
    .selectFrom('plan_entries')
    .selectAll()
    .where('plan_id', '=', planId)
    .orderBy('part')
    .orderBy('advertised')
    .orderBy('position')
    .execute();
}
