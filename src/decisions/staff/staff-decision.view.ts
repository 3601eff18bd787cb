import type { DecisionRow } from '../decisions.tables.ts';
import { clearDaysPhrase, type ClearDaysMode } from '../../rules/clear-days.ts';
import { GENERAL_EXCEPTION_CLEAR_DAYS, generalExceptionEarliestDate } from '../../rules/notice-periods.ts';
import { dateFieldsOf } from '../../lib/date-input.ts';
import type { DateParts } from './date-input.ts';
import type { DecisionFormValues, ExpectedDateValue } from './decision-form.ts';
import type { ExceptionRow, PrivateNoticeRow } from './exception.repository.ts';

/** The edit form filled in from the stored decision. */
export function formValuesOf(row: DecisionRow, committeeIds: number[], wardIds: number[]): DecisionFormValues {
  return {
    title: row.title,
    description: row.description,
    estimatedValue: row.estimated_value_pounds === null ? '' : row.estimated_value_pounds.toLocaleString('en-GB'),
    part: row.part,
    isKey: row.part === 'private' ? (row.is_key ? 'yes' : 'no') : '',
    exemptParagraph: row.exempt_paragraph === null ? '' : String(row.exempt_paragraph),
    exemptionReason: row.exemption_reason,
    nonKeyReason: row.non_key_reason,
    decisionMaker: String(row.decision_maker_id),
    expectedDate: row.expected_date_text,
    committees: committeeIds.map(String),
    wardScope: row.ward_scope,
    wards: wardIds.map(String),
    directorate: String(row.directorate_id),
    consultation: row.consultation,
    contacts: row.contacts,
    documents: row.documents,
    internalNotes: row.internal_notes,
  };
}

/** The stored expected date, which unchanged wording keeps (see readExpectedDate). */
export function currentExpected(row: DecisionRow): ExpectedDateValue | undefined {
  if (!row.expected_date || !row.expected_precision) return undefined;
  return { text: row.expected_date_text, date: row.expected_date, precision: row.expected_precision, note: row.expected_date_note };
}

export interface GeneralExceptionView {
  chairName: string;
  chairNotifiedOn: string;
  noticePublishedOn: string;
  reasons: string;
  reasonsNoticePublishedOn: string | null;
  earliestDate: string;
  /** '5 clear days', or '5 clear working days' when the council's settings count working days. */
  period: string;
}

export function generalExceptionView(row: ExceptionRow | undefined, mode: ClearDaysMode = 'calendar'): GeneralExceptionView | null {
  if (!row || !row.chair_notified_on || !row.notice_published_on) return null;
  return {
    chairName: row.agreed_by,
    chairNotifiedOn: row.chair_notified_on,
    noticePublishedOn: row.notice_published_on,
    reasons: row.reasons,
    reasonsNoticePublishedOn: row.reasons_notice_published_on,
    earliestDate: generalExceptionEarliestDate(row.chair_notified_on, row.notice_published_on, mode),
    period: clearDaysPhrase(GENERAL_EXCEPTION_CLEAR_DAYS, mode),
  };
}

/** Form values (the GOV.UK date boxes) from a stored record, or empty for a first record. */
export function generalExceptionValues(row: ExceptionRow | undefined): Record<string, string | DateParts> {
  return {
    chairName: row?.agreed_by ?? '',
    chairNotifiedOn: dateFieldsOf(row?.chair_notified_on),
    noticePublishedOn: dateFieldsOf(row?.notice_published_on),
    reasons: row?.reasons ?? '',
    reasonsNoticePublishedOn: dateFieldsOf(row?.reasons_notice_published_on),
  };
}

export function specialUrgencyValues(row: ExceptionRow | undefined): Record<string, string | DateParts> {
  return {
    agreedBy: row?.agreed_by ?? '',
    agreedByRole: row?.agreed_by_role ?? '',
    agreedOn: dateFieldsOf(row?.agreed_on),
    reasons: row?.reasons ?? '',
    reasonsNoticePublishedOn: dateFieldsOf(row?.reasons_notice_published_on),
  };
}

export function privateNoticeValues(row: PrivateNoticeRow | undefined): Record<string, string | DateParts> {
  return {
    intentionPublishedOn: dateFieldsOf(row?.intention_published_on),
    furtherNoticePublishedOn: dateFieldsOf(row?.further_notice_published_on),
    representations: row?.representations ?? '',
    response: row?.response ?? '',
  };
}

/** A record of regulation 10, 11 or 5 as a person entered it, by name: the audit log compares these, and the staff page shows them. */
export function generalExceptionRecord(row: ExceptionRow | undefined) {
  if (!row) return null;
  return {
    agreedBy: row.agreed_by,
    chairNotifiedOn: row.chair_notified_on,
    noticePublishedOn: row.notice_published_on,
    reasons: row.reasons,
    reasonsNoticePublishedOn: row.reasons_notice_published_on,
  };
}

export function specialUrgencyRecord(row: ExceptionRow | undefined) {
  if (!row) return null;
  return {
    agreedBy: row.agreed_by,
    agreedByRole: row.agreed_by_role,
    agreedOn: row.agreed_on,
    reasons: row.reasons,
    reasonsNoticePublishedOn: row.reasons_notice_published_on,
  };
}

export function privateNoticeRecord(row: PrivateNoticeRow | undefined) {
  if (!row) return null;
  return {
    intentionPublishedOn: row.intention_published_on,
    furtherNoticePublishedOn: row.further_notice_published_on,
    representations: row.representations,
    response: row.response,
  };
}
