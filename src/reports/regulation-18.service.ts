import { recordDecisionChange } from '../audit/decision-change.repository.ts';
import type { StaffUser } from '../auth/roles.ts';
import type { Db } from '../db/create-db.ts';
import { lockDecision } from '../decisions/staff/staff-decision.repository.ts';
import type { Clock } from '../lib/clock.ts';
import { NOT_FOUND, type NotFound } from '../lib/result.ts';
import type { Regulation18Input } from './regulation-18-form.ts';
import { regulation18View } from './regulation-18.view.ts';
import {
  insertRegulation18,
  regulation18Report,
  regulation18Reports,
  regulation18ReportsOf,
  takenRecordOf,
  updateRegulation18,
} from './regulation-18.repository.ts';

export type Regulation18Result = { status: 'saved'; id: number } | { status: 'refused'; message: string } | NotFound;

const UNIQUE_VIOLATION = '23505';

/** What the audit log keeps of a resolution and its report: what a person entered, by name. */
function audited(input: Regulation18Input, committeeName: string) {
  return {
    committee: committeeName,
    resolvedOn: input.resolvedOn,
    committeeReasons: input.committeeReasons,
    reportDueOn: input.reportDueOn,
    decisionMakerView: input.decisionMakerView,
    reportedOn: input.reportedOn,
  };
}

/**
 * Regulation 18 (`deps.reports.regulation18`): a scrutiny committee's resolution that a decision
 * should have been treated as key, and the executive's report to the council in answer. Only a
 * public (published) decision can be the subject of one: a draft has been seen by no committee.
 */
export function createRegulation18Service(db: Db, clock: Clock) {
  async function committeeName(id: number) {
    return (await db.selectFrom('committees').select('name').where('id', '=', id).executeTakeFirst())?.name;
  }

  async function save(decisionId: number, reportId: number | undefined, input: Regulation18Input, user: StaffUser): Promise<Regulation18Result> {
    const name = await committeeName(input.committeeId);
    if (name === undefined) return { status: 'refused', message: 'Select the scrutiny committee that made the resolution' };
    try {
      return await db.transaction().execute(async (trx): Promise<Regulation18Result> => {
        const decision = await lockDecision(trx, decisionId);
        if (!decision) return NOT_FOUND;
        if (decision.status === 'draft') return { status: 'refused', message: 'A draft has not been published, so no committee can have resolved on it' };
        const before = reportId === undefined ? undefined : await regulation18Report(trx, reportId);
        if (reportId !== undefined && (!before || before.decision_id !== decisionId)) return NOT_FOUND;
        const now = clock.now();
        const row = {
          committee_id: input.committeeId,
          resolved_on: input.resolvedOn,
          committee_reasons: input.committeeReasons,
          report_due_on: input.reportDueOn,
          decision_maker_view: input.decisionMakerView,
          reported_on: input.reportedOn,
          updated_at: now,
        };
        let id = reportId;
        if (id === undefined) id = await insertRegulation18(trx, { ...row, decision_id: decisionId, recorded_by: user.id, recorded_at: now });
        else await updateRegulation18(trx, id, row);
        const from = before
          ? audited({ committeeId: before.committee_id, resolvedOn: before.resolved_on, committeeReasons: before.committee_reasons, reportDueOn: before.report_due_on, decisionMakerView: before.decision_maker_view, reportedOn: before.reported_on }, before.committee_name)
          : null;
        await recordDecisionChange(trx, { decisionId, userId: user.id, source: 'staff', action: 'regulation_18', at: now, fields: { regulation_18: { from, to: audited(input, name) } } });
        return { status: 'saved', id };
      });
    } catch (error) {
      if ((error as { code?: string }).code === UNIQUE_VIOLATION) return { status: 'refused', message: 'This committee’s resolution of that date on this decision is already recorded' };
      throw error;
    }
  }

  return {
    record: (decisionId: number, input: Regulation18Input, user: StaffUser) => save(decisionId, undefined, input, user),
    update: (decisionId: number, reportId: number, input: Regulation18Input, user: StaffUser) => save(decisionId, reportId, input, user),
    list: () => regulation18Reports(db),
    /** A decision's resolutions, as its staff page lists them. */
    forDecision: async (decisionId: number, today: string) => (await regulation18ReportsOf(db, decisionId)).map((row) => regulation18View(row, today)),
    async get(id: number) {
      const report = await regulation18Report(db, id);
      if (!report) return undefined;
      return { report, taken: await takenRecordOf(db, report.decision_id) };
    },
  };
}
