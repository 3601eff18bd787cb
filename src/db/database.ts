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
  search: ReadOnly<string>;
  created_at: DefaultTimestamp;
  updated_at: DefaultTimestamp;
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

export interface Database {
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
}

export type DecisionRow = Selectable<DecisionTable>;
export type NewDecision = Insertable<DecisionTable>;
export type PlanEntryRow = Selectable<PlanEntryTable>;
export type NewPlanEntry = Insertable<PlanEntryTable>;
