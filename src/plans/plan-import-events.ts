import type { DecisionRow, Part } from '../decisions/decisions.tables.ts';
import type { NewDecisionEvent } from '../decisions/decision.batch.repository.ts';
import type { PlanRow } from './plan-csv.ts';

/** A decision's first public notice is the plan that lists it; Part 4 reports one already taken. */
export function firstNoticeEvent(decisionId: number, planId: number, at: Date, row: PlanRow): NewDecisionEvent {
  return {
    decisionId,
    kind: row.part === 'urgent' ? 'taken' : 'advertised',
    occurredAt: at,
    planId,
    details: { part: row.part, advertised: row.advertised },
  };
}

/** What a later plan says changed about a decision already on record: its date, its part. */
export function changeEvents(
  before: DecisionRow,
  after: { part: Part; expected_date: string; expected_precision: string; expected_date_text: string },
  planId: number,
  at: Date,
): NewDecisionEvent[] {
  const events: NewDecisionEvent[] = [];
  if (before.expected_date !== after.expected_date || before.expected_precision !== after.expected_precision) {
    events.push({
      decisionId: before.id,
      kind: 'date_changed',
      occurredAt: at,
      planId,
      details: {
        from: { date: before.expected_date, precision: before.expected_precision, text: before.expected_date_text },
        to: { date: after.expected_date, precision: after.expected_precision, text: after.expected_date_text },
      },
    });
  }
  if (before.part !== after.part) {
    events.push({
      decisionId: before.id,
      kind: after.part === 'urgent' ? 'taken' : 'part_changed',
      occurredAt: at,
      planId,
      details: { from: before.part, to: after.part },
    });
  }
  return events;
}
