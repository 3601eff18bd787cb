import type { ColumnType, Generated } from 'kysely';
import type { Timestamp } from '../db/column-types.ts';

export interface DecisionChangeTable {
  id: Generated<number>;
  decision_id: number;
  user_id: number | null;
  source: 'staff' | 'import' | 'publication' | 'system';
  action: 'created' | 'updated' | 'outcome' | 'exception' | 'private_notice' | 'published' | 'regulation_18';
  changed_at: Timestamp;
  /** { field: { from, to } } */
  fields: ColumnType<Record<string, { from: unknown; to: unknown }>, string, string>;
  note: Generated<string>;
}

/** The tables audit/ keeps: the log of changes to decisions. */
export interface AuditTables {
  decision_changes: DecisionChangeTable;
}
