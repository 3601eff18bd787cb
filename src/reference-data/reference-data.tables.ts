import type { ColumnType, Generated } from 'kysely';
import type { DateString, DefaultTimestamp, Timestamp } from '../db/column-types.ts';

export type EntityKind = 'committee' | 'ward' | 'directorate' | 'decision_maker';

export interface CouncilTable {
  id: Generated<number>;
  name: string;
  governance_email: Generated<string>;
  governance_address: Generated<string>;
  governance_telephone: Generated<string>;
  website: Generated<string>;
}

/** The kinds of decision maker the service knows; call-in settings name some of them. */
export const DECISION_MAKER_KINDS = ['cabinet', 'member'] as const;
export type DecisionMakerKind = (typeof DECISION_MAKER_KINDS)[number];

/** The one row of rules the council's constitution sets (see council-settings.service.ts). */
export interface CouncilSettingsTable {
  id: Generated<number>;
  key_decision_threshold_pounds: number;
  call_in_working_days: number;
  call_in_members_required: number;
  /** Decision maker kinds (DecisionMakerKind) whose decisions can be called in. */
  call_in_applies_to: string[];
  call_in_urgent_exempt: boolean;
  clear_days: 'calendar' | 'working';
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
  kind: DecisionMakerKind;
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

export type ReferenceChangeKind = 'council' | 'council_settings' | EntityKind;
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

/** The tables reference-data/ keeps: the council, its named entities, their spellings and history. */
export interface ReferenceDataTables {
  council: CouncilTable;
  council_settings: CouncilSettingsTable;
  committees: NamedEntityTable;
  wards: NamedEntityTable;
  directorates: NamedEntityTable;
  decision_makers: DecisionMakerTable;
  portfolios: PortfolioTable;
  aliases: AliasTable;
  reference_changes: ReferenceChangeTable;
}
