import type { SelectQueryBuilder } from 'kysely';
import type { Database } from '../db/database.ts';
import type { Executor } from '../db/executor.ts';
import { applyFilters } from '../decisions/decision.repository.ts';
import type { FeedScope } from '../decisions/following/feed-scope.ts';

type DecisionQuery = SelectQueryBuilder<Database, 'decisions', object>;

/** The newest public events of the public decisions in a scope, newest first. */
export async function recentEvents(db: Executor, scope: FeedScope, limit: number) {
  const base = db
    .selectFrom('decisions')
    .innerJoin('decision_events', 'decision_events.decision_id', 'decisions.id')
    .leftJoin('plans', 'plans.id', 'decision_events.plan_id');
  let query = applyFilters(base as unknown as DecisionQuery, scope.filters) as unknown as typeof base;
  if (scope.decisionId) query = query.where('decisions.id', '=', scope.decisionId);
  return query
    .select([
      'decision_events.id',
      'decision_events.decision_id',
      'decision_events.kind',
      'decision_events.occurred_at',
      'decision_events.details',
      'plans.published_on as plan_published_on',
    ])
    .orderBy('decision_events.occurred_at', 'desc')
    .orderBy('decision_events.id', 'desc')
    .limit(limit)
    .execute();
}


/** For the calendar: each decision's revision number and when the database last revised it. */
export async function revisionsOf(db: Executor, ids: number[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('decisions').select(['id', 'revision', 'revised_at']).where('id', 'in', ids).execute();
}

/** When the newest plan was published: the honest "updated" time of a feed with nothing in it. */
export async function latestPublication(db: Executor): Promise<string | undefined> {
  const row = await db.selectFrom('plans').select('published_on').orderBy('published_on', 'desc').limit(1).executeTakeFirst();
  return row?.published_on;
}

export async function councilName(db: Executor): Promise<string> {
  const row = await db.selectFrom('council').select('name').executeTakeFirst();
  return row?.name ?? 'Council';
}
