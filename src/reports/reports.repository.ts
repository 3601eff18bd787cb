import type { Executor } from '../db/executor.ts';
import type { ReportPeriod } from './report-period.ts';

/**
 * Regulation 19: every executive decision taken in the period whose making was agreed as urgent
 * under regulation 11, in the order they were taken. A regulation 11 agreement on a decision not
 * (yet) taken is not in it: the report is of decisions made.
 */
export function specialUrgencyDecisions(db: Executor, period: ReportPeriod) {
  return db
    .selectFrom('decision_outcomes')
    .innerJoin('decisions', 'decisions.id', 'decision_outcomes.decision_id')
    .innerJoin('decision_makers', 'decision_makers.id', 'decisions.decision_maker_id')
    .innerJoin('notice_exceptions', (join) =>
      join.onRef('notice_exceptions.decision_id', '=', 'decisions.id').on('notice_exceptions.regulation', '=', 11),
    )
    .select([
      'decisions.id',
      'decisions.reference',
      'decisions.title',
      'decisions.part',
      'decision_makers.name as maker_name',
      'decision_outcomes.occurred_on as taken_on',
      'decision_outcomes.decision_maker as taken_by',
      'decision_outcomes.summary',
      'decision_outcomes.reasons as decision_reasons',
      'notice_exceptions.agreed_by',
      'notice_exceptions.agreed_by_role',
      'notice_exceptions.agreed_on',
      'notice_exceptions.reasons as urgency_reasons',
      'notice_exceptions.reasons_notice_published_on',
    ])
    .where('decision_outcomes.kind', '=', 'taken')
    .where('decision_outcomes.occurred_on', '>=', period.from)
    .where('decision_outcomes.occurred_on', '<=', period.to)
    .orderBy('decision_outcomes.occurred_on')
    .orderBy('decisions.id')
    .execute();
}

export type SpecialUrgencyRow = Awaited<ReturnType<typeof specialUrgencyDecisions>>[number];
