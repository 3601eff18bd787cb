import type { Generated, Selectable } from 'kysely';
import type { DateString, DefaultTimestamp, ReadOnly } from '../db/column-types.ts';
import type { DatePrecision, Part } from '../decisions/decisions.tables.ts';

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

/** The tables plans/ keeps: published plans and their entries, which never change once written. */
export interface PlanTables {
  plans: PlanTable;
  plan_entries: PlanEntryTable;
}

export type PlanEntryRow = Selectable<PlanEntryTable>;
