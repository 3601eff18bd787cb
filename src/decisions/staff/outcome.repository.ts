import { sql, type Insertable } from 'kysely';
import type { DecisionOutcomeTable } from '../decisions.tables.ts';
import type { Executor } from '../../db/executor.ts';
import type { NoticeRule } from '../../rules/notice-periods.ts';

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
    .select([
      'kind', 'occurred_on', 'decision_maker', 'summary', 'reasons', 'alternatives_considered', 'notice_url', 'withdrawal_reason',
      'without_notice_rules', 'without_notice_reason', 'conflicts_of_interest', 'dispensations', 'recorded_at',
    ])
    .where('decision_id', '=', decisionId)
    .where('kind', 'in', ['taken', 'withdrawn'])
    .executeTakeFirst();
}

export async function hasUrgencyRecord(db: Executor, decisionId: number): Promise<boolean> {
  const row = await db.selectFrom('notice_exceptions').select('id').where('decision_id', '=', decisionId).limit(1).executeTakeFirst();
  return row !== undefined;
}

/** A decision recorded as taken without the required notice (regulation 19's report lists them). */
export interface TakenWithoutNotice {
  decisionId: number;
  reference: string | null;
  title: string;
  takenOn: string;
  decisionMaker: string;
  /** The notice rules it broke on that date, as NOTICE_RULES names them. */
  rules: NoticeRule[];
  reason: string;
}

/** Every decision taken without the required notice between `from` and `to` (inclusive), by date taken. */
export async function decisionsTakenWithoutNotice(db: Executor, range: { from: string; to: string }): Promise<TakenWithoutNotice[]> {
  const rows = await db
    .selectFrom('decision_outcomes')
    .innerJoin('decisions', 'decisions.id', 'decision_outcomes.decision_id')
    .select([
      'decisions.id', 'decisions.reference', 'decisions.title', 'decision_outcomes.occurred_on', 'decision_outcomes.decision_maker',
      'decision_outcomes.without_notice_rules', 'decision_outcomes.without_notice_reason',
    ])
    .where('decision_outcomes.kind', '=', 'taken')
    .where(sql<boolean>`cardinality(decision_outcomes.without_notice_rules) > 0`)
    .where('decision_outcomes.occurred_on', '>=', range.from)
    .where('decision_outcomes.occurred_on', '<=', range.to)
    .orderBy('decision_outcomes.occurred_on')
    .orderBy('decisions.id')
    .execute();
  return rows.map((r) => ({
    decisionId: r.id,
    reference: r.reference,
    title: r.title,
    takenOn: r.occurred_on,
    decisionMaker: r.decision_maker,
    rules: r.without_notice_rules,
    reason: r.without_notice_reason,
  }));
}
