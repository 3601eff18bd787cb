import { AGREEMENT_ROLE_LABELS } from '../decisions/staff/exception-form.ts';
import { PART_LABELS } from '../decisions/labels.ts';
import { formatLongDate } from '../lib/dates.ts';
import { toCsv } from '../lib/csv.ts';
import { NOTICE_RULES, type NoticeRule } from '../rules/notice-periods.ts';
import type { TakenWithoutNotice } from '../decisions/staff/outcome.repository.ts';
import type { ReportPeriod } from './report-period.ts';
import type { SpecialUrgencyRow } from './reports.repository.ts';

/** One decision of the regulation 19 report, as the page and the CSV show it. */
export interface SpecialUrgencyItem {
  decisionId: number;
  reference: string | null;
  title: string;
  part: string;
  decisionMaker: string;
  takenOn: string;
  decision: string;
  decisionReasons: string;
  agreedBy: string;
  agreedByRole: string;
  agreedOn: string | null;
  urgencyReasons: string;
  reasonsNoticePublishedOn: string | null;
}

/** A decision recorded as taken without the notice the Regulations require, and why. */
export interface WithoutNoticeItem {
  decisionId: number;
  reference: string | null;
  title: string;
  takenOn: string;
  decisionMaker: string;
  rules: string[];
  reason: string;
}

export interface SpecialUrgencyReport {
  period: ReportPeriod;
  title: string;
  items: SpecialUrgencyItem[];
  /** The report's second section: decisions taken in the period without the required notice. */
  withoutNotice: WithoutNoticeItem[];
}

export function specialUrgencyReport(
  period: ReportPeriod,
  rows: SpecialUrgencyRow[],
  withoutNotice: TakenWithoutNotice[],
  councilName: string,
): SpecialUrgencyReport {
  return {
    period,
    withoutNotice: withoutNotice.map((w) => ({ ...w, rules: w.rules.map((rule) => NOTICE_RULES[rule as NoticeRule]?.name ?? rule) })),
    title: `${councilName}: executive decisions taken under special urgency, ${formatLongDate(period.from)} to ${formatLongDate(period.to)}`,
    items: rows.map((row) => ({
      decisionId: row.id,
      reference: row.reference,
      title: row.title,
      part: PART_LABELS[row.part].short,
      // Who took it as recorded with the outcome, else the plan's decision maker.
      decisionMaker: row.taken_by || row.maker_name,
      takenOn: row.taken_on,
      decision: row.summary,
      decisionReasons: row.decision_reasons,
      agreedBy: row.agreed_by,
      agreedByRole: row.agreed_by_role ? AGREEMENT_ROLE_LABELS[row.agreed_by_role] : '',
      agreedOn: row.agreed_on,
      urgencyReasons: row.urgency_reasons,
      reasonsNoticePublishedOn: row.reasons_notice_published_on,
    })),
  };
}

const COLUMNS: [string, (item: SpecialUrgencyItem) => string][] = [
  ['Reference', (i) => i.reference ?? ''],
  ['Decision', (i) => i.title],
  ['Part of the plan', (i) => i.part],
  ['Decision maker', (i) => i.decisionMaker],
  ['Date taken', (i) => i.takenOn],
  ['What was decided', (i) => i.decision],
  ['Reasons for the decision', (i) => i.decisionReasons],
  ['Urgency agreed by', (i) => i.agreedBy],
  ['In the role of', (i) => i.agreedByRole],
  ['Date agreed', (i) => i.agreedOn ?? ''],
  ['Why it was urgent and could not reasonably be deferred', (i) => i.urgencyReasons],
  ['Notice of reasons published', (i) => i.reasonsNoticePublishedOn ?? ''],
];

export function specialUrgencyCsv(report: SpecialUrgencyReport): string {
  return toCsv(COLUMNS.map(([heading]) => heading), report.items.map((item) => COLUMNS.map(([, cell]) => cell(item))));
}

const WITHOUT_NOTICE_COLUMNS: [string, (item: WithoutNoticeItem) => string][] = [
  ['Reference', (i) => i.reference ?? ''],
  ['Decision', (i) => i.title],
  ['Decision maker', (i) => i.decisionMaker],
  ['Date taken', (i) => i.takenOn],
  ['Notice rules not met', (i) => i.rules.join('; ')],
  ['Why it was taken without the required notice', (i) => i.reason],
];

/** The second section as its own spreadsheet: one table per file keeps each column meaning one thing. */
export function withoutNoticeCsv(report: SpecialUrgencyReport): string {
  return toCsv(WITHOUT_NOTICE_COLUMNS.map(([heading]) => heading), report.withoutNotice.map((item) => WITHOUT_NOTICE_COLUMNS.map(([, cell]) => cell(item))));
}
