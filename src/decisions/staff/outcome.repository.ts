import type { Insertable } from 'kysely';
import type { DecisionOutcomeTable } from '../decisions.tables.ts';
import type { Executor } from '../../db/executor.ts';

export async function insertOutcome(db: Executor, values: Insertable<DecisionOutcomeTable>): Promise<number> {
  const row = await db.insertInto('decision_outcomes').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

/** Every outcome recorded for a decision, oldest first (deferrals, then at most one taken or withdrawn). */
export async function outcomesOf(db: Executor, decisionId: number) {
  return db
    .selectFrom('decision_outcomes')
    .leftJoin('users', 'users.id', 'decision_outcomes.recorded_by')
    .selectAll('decision_outcomes')
    .select(['users.email as recorded_by_email', 'users.name as recorded_by_name'])
    .where('decision_outcomes.decision_id', '=', decisionId)
    .orderBy('decision_outcomes.recorded_at')
    .orderBy('decision_outcomes.id')
    .execute();
}

/** The taken or withdrawn record, if any: the part of it the Regulations make public. */
export async function finalOutcomeOf(db: Executor, decisionId: number) {
  return db
    .selectFrom('decision_outcomes')
    .select(['kind', 'occurred_on', 'decision_maker', 'summary', 'reasons', 'alternatives_considered', 'notice_url', 'withdrawal_reason'])
    .where('decision_id', '=', decisionId)
    .where('kind', 'in', ['taken', 'withdrawn'])
    .executeTakeFirst();
}

/** The event just inserted in this transaction (the decision row is locked, so it is ours). */

export async function hasUrgencyRecord(db: Executor, decisionId: number): Promise<boolean> {
  const row = await db.selectFrom('notice_exceptions').select('id').where('decision_id', '=', decisionId).limit(1).executeTakeFirst();
  return row !== undefined;
}
