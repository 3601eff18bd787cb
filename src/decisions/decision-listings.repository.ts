import type { Executor } from '../db/executor.ts';

/** Every published plan that listed a decision, oldest first: its public history. */
export function listingsQuery(db: Executor, decisionId: number) {
  return db
    .selectFrom('plan_entries')
    .innerJoin('plans', 'plans.id', 'plan_entries.plan_id')
    .select([
      'plans.published_on',
      'plan_entries.part',
      'plan_entries.advertised',
      'plan_entries.expected_date',
      'plan_entries.expected_precision',
      'plan_entries.expected_date_text',
      'plan_entries.reference',
    ])
    .where('plan_entries.decision_id', '=', decisionId)
    .orderBy('plans.published_on');
}

export async function entriesForDecision(db: Executor, decisionId: number) {
  return listingsQuery(db, decisionId).execute();
}
