import type { Transaction } from 'kysely';
import { recordDecisionChange, type ChangeFields } from '../../audit/decision-change.repository.ts';
import type { StaffUser } from '../../auth/roles.ts';
import type { Db } from '../../db/create-db.ts';
import type { Database } from '../../db/database.ts';
import type { DecisionRow, OutcomeKind } from '../decisions.tables.ts';
import { today, type Clock } from '../../lib/clock.ts';
import { insertDecisionEvent, updateDecision } from '../decision.write.repository.ts';
import type { OutcomeAlerts } from './outcome-alerts.ts';
import type { ClearDaysMode } from '../../rules/clear-days.ts';
import type { DeferredInput, TakenInput } from './outcome-form.ts';
import { hasUrgencyRecord, insertOutcome } from './outcome.repository.ts';
import { outcomeRefusal } from './outcome-rules.ts';
import { lockDecision } from './staff-decision.repository.ts';
import { brokenRules, takenNoticeChecks, takenNoticeProblem, type TakenCheck, type TakenNoticeProblem } from './taken-notice.ts';
import { NOT_FOUND, type NotFound } from '../../lib/result.ts';

export type OutcomeResult =
  | { status: 'recorded' }
  /** `field` when the refusal is about one of the form's answers (a notice rule broken on the date taken). */
  | { status: 'refused'; message: string; field?: TakenNoticeProblem['field'] }
  | NotFound;

const UNIQUE_VIOLATION = '23505';

/** Every outcome is one staff 'outcome' entry in the audit log, in the transaction that records it. */
function auditOutcome(trx: Transaction<Database>, decisionId: number, user: StaffUser, at: Date, fields: ChangeFields): Promise<void> {
  return recordDecisionChange(trx, { decisionId, userId: user.id, source: 'staff', action: 'outcome', at, fields });
}

/** Outcomes: taken and withdrawn (final, and residents who follow the decision are alerted), deferred. */
/** `clearDays`: how the council's settings count clear days, read at each check. */
export function createOutcomeService(db: Db, clock: Clock, alerts: OutcomeAlerts, clearDays: () => Promise<ClearDaysMode> = async () => 'calendar') {
  /** Locks the decision, checks the outcome is allowed, then runs `record` in the same transaction. */
  async function withDecision(
    id: number,
    kind: OutcomeKind,
    /** Writes the outcome; or returns a refusal before writing anything. */
    record: (trx: Transaction<Database>, row: DecisionRow, now: Date) => Promise<OutcomeResult | void>,
  ): Promise<OutcomeResult> {
    try {
      return await db.transaction().execute(async (trx): Promise<OutcomeResult> => {
        const row = await lockDecision(trx, id);
        if (!row) return NOT_FOUND;
        const refusal = outcomeRefusal(kind, row.status, kind === 'taken' && (await hasUrgencyRecord(trx, id)));
        if (refusal) return { status: 'refused', message: refusal };
        return (await record(trx, row, clock.now())) ?? { status: 'recorded' };
      });
    } catch (error) {
      // The database's own guard (one final outcome per decision) speaks the same language.
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) {
        return { status: 'refused', message: 'This decision already has a final outcome' };
      }
      throw error;
    }
  }

  return {
    /** The notice rules on the day it was taken, for the form to show before its check-your-answers page. */
    async takenChecks(id: number, takenOn: string): Promise<TakenCheck[]> {
      return takenNoticeChecks(db, id, takenOn, await clearDays());
    },

    /**
     * Refused when it broke a notice rule on the day it was taken and no publisher recorded that
     * it was taken without the required notice: checked again here, on the locked decision, since
     * an exception or notice may have changed since the form was checked.
     */
    taken(id: number, input: TakenInput, user: StaffUser): Promise<OutcomeResult> {
      return withDecision(id, 'taken', async (trx, row, now) => {
        const checks = await takenNoticeChecks(trx, id, input.takenOn, await clearDays());
        const problem = takenNoticeProblem(checks, input.withoutNotice, user.role);
        if (problem) return { status: 'refused', ...problem };
        const withoutNotice = input.withoutNotice && { rules: brokenRules(checks), reason: input.withoutNotice.reason };
        await insertOutcome(trx, {
          decision_id: id,
          kind: 'taken',
          occurred_on: input.takenOn,
          decision_maker: input.decisionMaker,
          summary: input.summary,
          reasons: input.reasons,
          alternatives_considered: input.alternatives,
          notice_url: input.noticeUrl,
          conflicts_of_interest: input.conflictsOfInterest ?? '',
          dispensations: input.dispensations ?? '',
          without_notice_rules: withoutNotice ? withoutNotice.rules : [],
          without_notice_reason: withoutNotice ? withoutNotice.reason : '',
          recorded_by: user.id,
          recorded_at: now,
        });
        await updateDecision(trx, id, { status: 'taken', updated_at: now });
        const eventId = await insertDecisionEvent(trx, {
          decisionId: id,
          kind: 'taken',
          occurredAt: now,
          details: { takenOn: input.takenOn, decisionMaker: input.decisionMaker, summary: input.summary, noticeUrl: input.noticeUrl },
        });
        await auditOutcome(trx, id, user, now, {
          status: { from: row.status, to: 'taken' },
          outcome: {
            from: null,
            to: {
              kind: 'taken',
              occurredOn: input.takenOn,
              decisionMaker: input.decisionMaker,
              summary: input.summary,
              reasons: input.reasons,
              alternativesConsidered: input.alternatives,
              noticeUrl: input.noticeUrl,
              ...(input.conflictsOfInterest ? { conflictsOfInterest: input.conflictsOfInterest } : {}),
              ...(input.dispensations ? { dispensations: input.dispensations } : {}),
              ...(withoutNotice ? { withoutNoticeRules: withoutNotice.rules, withoutNoticeReason: withoutNotice.reason } : {}),
            },
          },
        });
        await alerts.queueAlertsFor(trx, { kind: 'outcome', eventIds: [eventId] });
      });
    },

    withdrawn(id: number, input: { reason: string }, user: StaffUser): Promise<OutcomeResult> {
      return withDecision(id, 'withdrawn', async (trx, row, now) => {
        await insertOutcome(trx, {
          decision_id: id,
          kind: 'withdrawn',
          occurred_on: today(clock),
          withdrawal_reason: input.reason,
          recorded_by: user.id,
          recorded_at: now,
        });
        await updateDecision(trx, id, { status: 'withdrawn', updated_at: now });
        const eventId = await insertDecisionEvent(trx, { decisionId: id, kind: 'withdrawn', occurredAt: now, details: { reason: input.reason } });
        await auditOutcome(trx, id, user, now, {
          status: { from: row.status, to: 'withdrawn' },
          outcome: { from: null, to: { kind: 'withdrawn', occurredOn: today(clock), reason: input.reason } },
        });
        await alerts.queueAlertsFor(trx, { kind: 'outcome', eventIds: [eventId] });
      });
    },

    /** Still live, with a new expected date: the decision stays on the plan as 'deferred'. */
    deferred(id: number, input: DeferredInput, user: StaffUser): Promise<OutcomeResult> {
      return withDecision(id, 'deferred', async (trx, row, now) => {
        const { expected } = input;
        await insertOutcome(trx, {
          decision_id: id,
          kind: 'deferred',
          occurred_on: today(clock),
          new_expected_date: expected.date,
          new_expected_precision: expected.precision,
          recorded_by: user.id,
          recorded_at: now,
        });
        await updateDecision(trx, id, {
          status: 'deferred',
          expected_date: expected.date,
          expected_precision: expected.precision,
          expected_date_text: expected.text,
          expected_date_note: expected.note,
          updated_at: now,
        });
        const from = { date: row.expected_date, precision: row.expected_precision, text: row.expected_date_text };
        const to = { date: expected.date, precision: expected.precision, text: expected.text };
        await insertDecisionEvent(trx, {
          decisionId: id,
          kind: 'deferred',
          occurredAt: now,
          details: input.reason ? { from, to, reason: input.reason } : { from, to },
        });
        await auditOutcome(trx, id, user, now, {
          ...(row.status !== 'deferred' ? { status: { from: row.status, to: 'deferred' } } : {}),
          expected_date_text: { from: row.expected_date_text, to: expected.text },
          expected_date: { from: row.expected_date, to: expected.date },
          ...(row.expected_precision !== expected.precision ? { expected_precision: { from: row.expected_precision, to: expected.precision } } : {}),
          outcome: { from: null, to: { kind: 'deferred', occurredOn: today(clock), newExpectedDate: expected.text, reason: input.reason } },
        });
      });
    },
  };
}

export type OutcomeService = ReturnType<typeof createOutcomeService>;
