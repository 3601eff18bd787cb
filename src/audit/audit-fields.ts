import { formatLongDate, isIsoDate } from '../lib/dates.ts';
import { NOTICE_RULES, type NoticeRule } from '../rules/notice-periods.ts';
import type { ChangeFields } from './decision-change.repository.ts';

/*
 * How the audit log reads: a label for every field any writer records, and each value as a
 * person would say it. Unknown fields (another writer's) still show, under their own name.
 */

const FIELD_LABELS: Record<string, string> = {
  title: 'Title',
  description: 'Decision required',
  part: 'Part of the plan',
  is_key: 'Key decision',
  status: 'Status',
  reference: 'Reference',
  decision_maker: 'Decision maker',
  portfolio: 'Portfolio',
  expected_date_text: 'Expected date as typed',
  expected_date: 'Expected date',
  expected_precision: 'Expected date known to the',
  committees: 'Scrutiny committees',
  ward_scope: 'Wards affected',
  wards: 'Wards',
  directorate: 'Directorate',
  consultation: 'Consultation',
  contacts: 'Contacts',
  documents: 'Documents',
  exempt_paragraph: 'Schedule 12A paragraph',
  exemption_reason: 'Why it is to be taken in private',
  internal_notes: 'Internal notes',
  estimated_value_pounds: 'Estimated spend or saving (£)',
  non_key_reason: 'Why it is not a key decision',
  outcome: 'Outcome',
  regulation_10: 'General exception (regulation 10)',
  regulation_11: 'Special urgency (regulation 11)',
  private_notice: 'Private decision notices (regulation 5)',
  regulation_18: 'Regulation 18 resolution and report',
};

const WORDS: Record<string, string> = {
  key: 'Part 1 – key decision',
  private: 'Part 2 – to be taken in private',
  non_key: 'Part 3 – non-key decision',
  urgent: 'Part 4 – taken under urgency',
  all: 'All wards',
  none: 'No particular ward',
  listed: 'Listed wards',
  day: 'day',
  month: 'month only',
};

const SUB_LABELS: Record<string, string> = {
  kind: 'Outcome',
  occurredOn: 'Date',
  decisionMaker: 'Decision maker',
  summary: 'Summary',
  reasons: 'Reasons',
  alternativesConsidered: 'Alternatives considered',
  noticeUrl: 'Decision notice',
  withoutNoticeRules: 'Taken without the required notice under',
  withoutNoticeReason: 'Why without the required notice',
  reason: 'Reason',
  newExpectedDate: 'New expected date',
  chairNotifiedOn: 'Chair told on',
  noticePublishedOn: 'Notice published on',
  agreedBy: 'Who',
  agreedByRole: 'Role',
  agreedOn: 'Agreed on',
  reasonsNoticePublishedOn: 'Notice of reasons published on',
  intentionPublishedOn: 'Notice of intention published on',
  furtherNoticePublishedOn: 'Further notice published on',
  representations: 'Representations',
  response: 'Response',
};

export function fieldLabel(field: string): string {
  return FIELD_LABELS[field] ?? field.replace(/_/g, ' ');
}

/** One value as text: blanks say so, lists are joined, records list their parts. */
export function formatAuditValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '(blank)';
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (Array.isArray(value)) return value.length ? value.map(formatAuditValue).join(', ') : '(none)';
  if (typeof value === 'object') {
    // jsonb does not keep key order: list the parts in the order the forms ask for them.
    const order = (key: string) => (key in SUB_LABELS ? Object.keys(SUB_LABELS).indexOf(key) : Number.MAX_SAFE_INTEGER);
    return Object.entries(value as Record<string, unknown>)
      .filter(([, v]) => v !== null && v !== undefined && v !== '')
      .sort(([a], [b]) => order(a) - order(b))
      .map(([k, v]) => `${SUB_LABELS[k] ?? k}: ${formatAuditValue(v)}`)
      .join('; ');
  }
  const text = String(value);
  if (isIsoDate(text)) return formatLongDate(text);
  return WORDS[text] ?? (text in NOTICE_RULES ? NOTICE_RULES[text as NoticeRule].name : text);
}

export interface ChangeLine {
  field: string;
  label: string;
  from: string;
  to: string;
}

export function describeFields(fields: ChangeFields): ChangeLine[] {
  return Object.entries(fields).map(([field, { from, to }]) => ({
    field,
    label: fieldLabel(field),
    from: formatAuditValue(from),
    to: formatAuditValue(to),
  }));
}

/** The fields whose values differ (compared as JSON, so lists and records compare by content). */
export function diffFields(before: Record<string, unknown>, after: Record<string, unknown>): ChangeFields {
  const fields: ChangeFields = {};
  for (const key of new Set([...Object.keys(before), ...Object.keys(after)])) {
    const from = before[key] ?? null;
    const to = after[key] ?? null;
    if (JSON.stringify(from) !== JSON.stringify(to)) fields[key] = { from, to };
  }
  return fields;
}
