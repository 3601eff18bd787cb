import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';
import type { DateString, DefaultTimestamp, ReadOnly, Timestamp } from '../db/column-types.ts';
import type { NoticeRule } from '../rules/notice-periods.ts';

export type Part = 'key' | 'private' | 'non_key' | 'urgent';
export type DecisionStatus = 'draft' | 'planned' | 'deferred' | 'taken' | 'withdrawn';
export type DatePrecision = 'day' | 'month';
export type WardScope = 'all' | 'listed' | 'none';
export type DecisionEventKind =
  | 'advertised'
  | 'date_changed'
  | 'part_changed'
  | 'deferred'
  | 'taken'
  | 'withdrawn'
  /** A regulation 10, 11 or 5 notice (one stage of it) made public: details { notice, stage, publishedOn, url }. */
  | 'notice_published';

export interface DecisionTable {
  id: Generated<number>;
  reference: string | null;
  reference_key: string | null;
  title: string;
  description: string;
  part: Part;
  status: DecisionStatus;
  decision_maker_id: number;
  portfolio_id: number | null;
  expected_date: DateString | null;
  expected_precision: DatePrecision | null;
  expected_date_text: string;
  expected_date_note: string;
  ward_scope: WardScope;
  wards_text: string;
  consultation: string;
  contacts: string;
  directorate_id: number;
  documents: string;
  exempt_paragraph: number | null;
  exemption_reason: Generated<string>;
  is_key: Generated<boolean>;
  /** Staff-only: never rendered in public output. */
  internal_notes: Generated<string>;
  /** The key-decision test's estimated spend or saving, whole pounds. Staff-only: not shown in public. */
  estimated_value_pounds: number | null;
  /** Why a decision that meets the key-decision test is in Part 3. Staff-only: not shown in public. */
  non_key_reason: Generated<string>;
  created_by: number | null;
  search: ReadOnly<string>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
  /** Raised by a trigger on every real change (the calendar's SEQUENCE); never written by the app. */
  revision: ReadOnly<number>;
  /** When the trigger last raised `revision` (the calendar's LAST-MODIFIED); never written by the app. */
  revised_at: ReadOnly<Date>;
}

export interface DecisionCommitteeTable {
  decision_id: number;
  committee_id: number;
  position: Generated<number>;
}

export interface DecisionWardTable {
  decision_id: number;
  ward_id: number;
}

export interface DecisionEventTable {
  id: Generated<number>;
  decision_id: number;
  kind: DecisionEventKind;
  occurred_at: Timestamp;
  plan_id: number | null;
  details: ColumnType<Record<string, unknown>, string, string>;
}

export type OutcomeKind = 'taken' | 'withdrawn' | 'deferred';

export interface DecisionOutcomeTable {
  id: Generated<number>;
  decision_id: number;
  kind: OutcomeKind;
  occurred_on: DateString;
  decision_maker: Generated<string>;
  summary: Generated<string>;
  reasons: Generated<string>;
  alternatives_considered: Generated<string>;
  notice_url: Generated<string>;
  withdrawal_reason: Generated<string>;
  /** Regulation 13: conflicts of interest declared by an executive member consulted, and dispensations granted. */
  conflicts_of_interest: Generated<string>;
  dispensations: Generated<string>;
  new_expected_date: DateString | null;
  new_expected_precision: DatePrecision | null;
  /** Taken without the required notice: the rules it broke on its date; empty when it met them. */
  without_notice_rules: Generated<NoticeRule[]>;
  /** Why it was taken without the required notice; '' exactly when without_notice_rules is empty. */
  without_notice_reason: Generated<string>;
  recorded_by: number | null;
  recorded_at: Timestamp;
}

export interface NoticeExceptionTable {
  id: Generated<number>;
  decision_id: number;
  regulation: 10 | 11;
  chair_notified_on: DateString | null;
  notice_published_on: DateString | null;
  agreed_by: Generated<string>;
  agreed_by_role: 'scrutiny_chair' | 'council_chair' | 'council_vice_chair' | null;
  agreed_on: DateString | null;
  reasons: string;
  reasons_notice_published_on: DateString | null;
  recorded_by: number | null;
  recorded_at: Timestamp;
}

export interface PrivateMeetingNoticeTable {
  decision_id: number;
  intention_published_on: DateString | null;
  further_notice_published_on: DateString | null;
  representations: Generated<string>;
  response: Generated<string>;
  updated_by: number | null;
  updated_at: Timestamp;
}

/** The tables decisions/ keeps: decisions, their committees and wards, events, outcomes and notices. */
export interface DecisionTables {
  decisions: DecisionTable;
  decision_committees: DecisionCommitteeTable;
  decision_wards: DecisionWardTable;
  decision_events: DecisionEventTable;
  decision_outcomes: DecisionOutcomeTable;
  notice_exceptions: NoticeExceptionTable;
  private_meeting_notices: PrivateMeetingNoticeTable;
}

export type DecisionRow = Selectable<DecisionTable>;
export type NewDecision = Insertable<DecisionTable>;
