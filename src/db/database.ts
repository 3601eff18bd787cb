import type { ColumnType, Generated, Insertable, Selectable } from 'kysely';

/** A column the database fills in; readable, never written by the application. */
type ReadOnly<T> = ColumnType<T, never, never>;
type Timestamp = ColumnType<Date, Date | string, Date | string>;
/** A timestamp with a database default. */
type DefaultTimestamp = ColumnType<Date, Date | string | undefined, Date | string>;
/** DATE columns come back as 'YYYY-MM-DD' strings (parser set in create-db.ts). */
type DateString = string;

export type Part = 'key' | 'private' | 'non_key' | 'urgent';
export type DecisionStatus = 'draft' | 'planned' | 'deferred' | 'taken' | 'withdrawn';
export type DatePrecision = 'day' | 'month';
export type WardScope = 'all' | 'listed' | 'none';
export type EntityKind = 'committee' | 'ward' | 'directorate' | 'decision_maker';
export type DecisionEventKind =
  | 'advertised'
  | 'date_changed'
  | 'part_changed'
  | 'deferred'
  | 'taken'
  | 'withdrawn';

export interface CouncilTable {
  id: Generated<number>;
  name: string;
  governance_email: Generated<string>;
  governance_address: Generated<string>;
  governance_telephone: Generated<string>;
  website: Generated<string>;
}

export interface NamedEntityTable {
  id: Generated<number>;
  slug: string;
  name: string;
  description: Generated<string>;
  needs_review: Generated<boolean>;
  created_at: DefaultTimestamp;
}

export interface DecisionMakerTable {
  id: Generated<number>;
  slug: string;
  kind: 'cabinet' | 'member';
  name: string;
  needs_review: Generated<boolean>;
  created_at: DefaultTimestamp;
}

export interface PortfolioTable {
  id: Generated<number>;
  decision_maker_id: number;
  title: string;
  starts_on: DateString | null;
  ends_on: DateString | null;
}

export interface AliasTable {
  id: Generated<number>;
  kind: EntityKind;
  spelling: string;
  normalised: string;
  committee_id: number | null;
  ward_id: number | null;
  directorate_id: number | null;
  decision_maker_id: number | null;
}

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

export interface PlanTable {
  id: Generated<number>;
  published_on: DateString;
  key_decisions_from: DateString;
  source: 'import' | 'publication';
  published_by: number | null;
  created_at: DefaultTimestamp;
  created_xact: ReadOnly<string>;
}

export interface PlanEntryTable {
  id: Generated<number>;
  plan_id: number;
  decision_id: number;
  part: Part;
  advertised: 'new' | 'previous';
  position: number;
  reference: string;
  title: string;
  description: string;
  decision_maker: string;
  expected_date_text: string;
  expected_date: DateString | null;
  expected_precision: DatePrecision | null;
  scrutiny_committee: string;
  wards: string;
  consultation: string;
  contacts: string;
  directorate: string;
  documents: string;
}

export interface DecisionEventTable {
  id: Generated<number>;
  decision_id: number;
  kind: DecisionEventKind;
  occurred_at: Timestamp;
  plan_id: number | null;
  details: ColumnType<Record<string, unknown>, string, string>;
}

export type OutboxStatus = 'pending' | 'sending' | 'sent' | 'failed';
type OptionalTimestamp = ColumnType<Date | null, Date | null | undefined, Date | null>;

export interface OutboxMessageTable {
  id: Generated<number>;
  to_address: string;
  subject: string;
  text_body: string;
  html_body: string | null;
  headers: ColumnType<Record<string, string>, string | undefined, string>;
  kind: string;
  dedupe_key: string | null;
  status: Generated<OutboxStatus>;
  attempts: Generated<number>;
  next_attempt_at: OptionalTimestamp;
  lease_until: OptionalTimestamp;
  last_error: string | null;
  created_at: ColumnType<Date, Date | undefined, never>;
  sent_at: OptionalTimestamp;
}

export type JobRunOutcome = 'running' | 'interrupted' | 'succeeded' | 'failed';

export interface JobRunTable {
  id: Generated<number>;
  job: string;
  scheduled_for: Timestamp;
  started_at: Timestamp;
  finished_at: OptionalTimestamp;
  outcome: Generated<JobRunOutcome>;
  message: string | null;
  /** The instance running (or that last ran) the slot; null only for runs from before leases. */
  holder: string | null;
  attempts: Generated<number>;
  /** Set while running (the holder's lease) or interrupted (when it is retried). */
  lease_expires_at: OptionalTimestamp;
}

export type JobRunAttemptOutcome = 'running' | 'succeeded' | 'failed' | 'interrupted' | 'abandoned';

export interface JobRunAttemptTable {
  run_id: number;
  attempt: number;
  holder: string;
  started_at: Timestamp;
  ended_at: OptionalTimestamp;
  outcome: Generated<JobRunAttemptOutcome>;
  message: string | null;
}

export type StaffRole = 'editor' | 'publisher' | 'admin';

export interface UserTable {
  id: Generated<number>;
  /** Always lower-case: the unique constraint is then case-insensitive. */
  email: string;
  name: Generated<string>;
  role: StaffRole;
  password_hash: string;
  disabled_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: DefaultTimestamp;
  failed_attempts: Generated<number>;
  locked_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface SessionTable {
  /** SHA-256 (hex) of the cookie's token; the token itself is never stored. */
  id: string;
  user_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  user_agent: Generated<string>;
  ip: Generated<string>;
}

export interface SignInAttemptTable {
  id: Generated<number>;
  client_key: string;
  account_key: string;
  outcome: 'success' | 'failure' | 'locked';
  attempted_at: Timestamp;
}

export interface DecisionChangeTable {
  id: Generated<number>;
  decision_id: number;
  user_id: number | null;
  source: 'staff' | 'import' | 'publication' | 'system';
  action: 'created' | 'updated' | 'outcome' | 'exception' | 'private_notice' | 'published';
  changed_at: Timestamp;
  /** { field: { from, to } } */
  fields: ColumnType<Record<string, { from: unknown; to: unknown }>, string, string>;
  note: Generated<string>;
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
  new_expected_date: DateString | null;
  new_expected_precision: DatePrecision | null;
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

/** Email alerts. `email` is personal data, lower-cased; tokens are SHA-256 hashes (hex). */
export interface AlertSubscriptionTable {
  id: Generated<number>;
  email: string;
  /** SHA-256 (hex) of `email`: how the other alert tables refer to the address. */
  address_hash: string;
  /** The normalised DecisionFilters of /decisions (src/alerts/alert-filters.ts). */
  filters: ColumnType<Record<string, string | string[]>, string, string>;
  confirm_token_hash: string;
  created_at: Timestamp;
  confirmed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  /** Set while unconfirmed, null once confirmed. */
  expires_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface AlertManageTokenTable {
  token_hash: string;
  address_hash: string;
  created_at: Timestamp;
}

export interface AlertNotifiedEventTable {
  address_hash: string;
  event_id: number;
  notified_at: Timestamp;
}

export interface AlertRequestAttemptTable {
  id: Generated<number>;
  address_hash: string;
  client_key: string;
  attempted_at: Timestamp;
}

export type ReferenceChangeKind = 'council' | EntityKind;
export type ReferenceChangeAction =
  | 'created' | 'updated' | 'reviewed' | 'alias_added' | 'alias_removed' | 'merged'
  | 'portfolio_added' | 'portfolio_updated' | 'portfolio_ended';

/** Append-only audit of reference data (council, committees, wards, directorates, decision makers). */
export interface ReferenceChangeTable {
  id: Generated<number>;
  changed_at: Timestamp;
  user_id: number | null;
  source: 'staff' | 'command';
  kind: ReferenceChangeKind;
  /** Not a foreign key: a merged entity is deleted but keeps its history. */
  entity_id: number;
  entity_name: string;
  action: ReferenceChangeAction;
  /** { field: { from, to } } */
  fields: ColumnType<Record<string, { from: unknown; to: unknown }>, string, string>;
}

export type CommentStatus = 'received' | 'referred' | 'responded' | 'closed';
export type CommentResponseMethod = 'email' | 'letter' | 'telephone' | 'in_person' | 'other';

/** A resident's comment or query. name, email, telephone and address are personal data, nulled on erasure. */
export interface CommentTable {
  id: Generated<number>;
  /** FPC-YYYY-NNNNNN, quoted by the person. */
  reference: string;
  /** null: about the plan in general. */
  decision_id: number | null;
  body: string;
  name: string | null;
  email: string | null;
  telephone: string | null;
  address: string | null;
  /** Who the person asked to respond; null means the decision's own decision maker. */
  requested_responder_id: number | null;
  status: Generated<CommentStatus>;
  referred_to_id: number | null;
  referred_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  response: string | null;
  response_method: CommentResponseMethod | null;
  responded_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  received_at: Timestamp;
  updated_at: Timestamp;
  closed_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  erased_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

/** Append-only: every change to a comment, with who made it. */
export interface CommentHistoryTable {
  id: Generated<number>;
  comment_id: number;
  action: 'received' | 'referred' | 'responded' | 'closed' | 'erased';
  from_status: CommentStatus | null;
  to_status: CommentStatus;
  user_id: number | null;
  actor: 'public' | 'staff' | 'system';
  at: Timestamp;
  note: Generated<string>;
}

/** The comment form's per-client rate limit; client_key is an HMAC of the address. */
export interface CommentSubmissionAttemptTable {
  id: Generated<number>;
  client_key: string;
  outcome: 'accepted' | 'spam';
  attempted_at: Timestamp;
}

export interface Database {
  decision_changes: DecisionChangeTable;
  decision_outcomes: DecisionOutcomeTable;
  notice_exceptions: NoticeExceptionTable;
  private_meeting_notices: PrivateMeetingNoticeTable;
  council: CouncilTable;
  committees: NamedEntityTable;
  wards: NamedEntityTable;
  directorates: NamedEntityTable;
  decision_makers: DecisionMakerTable;
  portfolios: PortfolioTable;
  aliases: AliasTable;
  decisions: DecisionTable;
  decision_committees: DecisionCommitteeTable;
  decision_wards: DecisionWardTable;
  plans: PlanTable;
  plan_entries: PlanEntryTable;
  decision_events: DecisionEventTable;
  outbox_messages: OutboxMessageTable;
  job_runs: JobRunTable;
  job_run_attempts: JobRunAttemptTable;
  users: UserTable;
  sessions: SessionTable;
  sign_in_attempts: SignInAttemptTable;
  alert_subscriptions: AlertSubscriptionTable;
  alert_manage_tokens: AlertManageTokenTable;
  alert_notified_events: AlertNotifiedEventTable;
  alert_request_attempts: AlertRequestAttemptTable;
  reference_changes: ReferenceChangeTable;
  comments: CommentTable;
  comment_history: CommentHistoryTable;
  comment_submission_attempts: CommentSubmissionAttemptTable;
}

export type DecisionRow = Selectable<DecisionTable>;
export type NewDecision = Insertable<DecisionTable>;
export type PlanEntryRow = Selectable<PlanEntryTable>;
export type NewPlanEntry = Insertable<PlanEntryTable>;
