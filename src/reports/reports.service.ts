import type { Db } from '../db/create-db.ts';
import type { Clock } from '../lib/clock.ts';
import { createRegulation18Service } from './regulation-18.service.ts';
import type { ReportPeriod } from './report-period.ts';
import { specialUrgencyDecisions } from './reports.repository.ts';
import { decisionsTakenWithoutNotice } from '../decisions/staff/outcome.repository.ts';
import { specialUrgencyReport, type SpecialUrgencyReport } from './special-urgency-report.ts';

/** The executive's reports to council (`deps.reports`). */
export function createReportService(db: Db, clock: Clock, council: { get(): Promise<{ name: string }> }) {
  return {
    regulation18: createRegulation18Service(db, clock),
    /** Regulation 19: the decisions taken under special urgency in the period, and those taken without the required notice. */
    async specialUrgency(period: ReportPeriod): Promise<SpecialUrgencyReport> {
      const [rows, withoutNotice, { name }] = await Promise.all([specialUrgencyDecisions(db, period), decisionsTakenWithoutNotice(db, period), council.get()]);
      return specialUrgencyReport(period, rows, withoutNotice, name);
    },
  };
}

export type ReportService = ReturnType<typeof createReportService>;
