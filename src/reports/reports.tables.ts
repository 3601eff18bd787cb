import type { Generated } from 'kysely';
import type { DateString, Timestamp } from '../db/column-types.ts';

/** A scrutiny committee's regulation 18 resolution on one decision, and the executive's report in answer. */
export interface Regulation18ReportTable {
  id: Generated<number>;
  decision_id: number;
  committee_id: number;
  resolved_on: DateString;
  committee_reasons: string;
  report_due_on: DateString;
  decision_maker_view: Generated<string>;
  reported_on: DateString | null;
  recorded_by: number | null;
  recorded_at: Timestamp;
  updated_at: Timestamp;
}

/** The tables reports/ keeps. */
export interface ReportTables {
  regulation_18_reports: Regulation18ReportTable;
}
