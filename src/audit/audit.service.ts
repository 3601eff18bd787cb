import { formatDateTime } from '../auth/format.ts';
import type { Db } from '../db/create-db.ts';
import { describeFields, type ChangeLine } from './audit-fields.ts';
import {
  countDecisionChanges,
  findDecisionChanges,
  staffForFilter,
  type AuditFilters,
  type DecisionChangeRow,
} from './decision-change.repository.ts';

const ACTION_LABELS: Record<DecisionChangeRow['action'], string> = {
  created: 'Created',
  updated: 'Edited',
  outcome: 'Outcome recorded',
  exception: 'Exception recorded',
  private_notice: 'Private decision notices',
  published: 'Published',
  regulation_18: 'Regulation 18 resolution',
};

const SOURCE_LABELS: Record<DecisionChangeRow['source'], string> = {
  staff: 'Staff',
  import: 'Plan import',
  publication: 'Publication',
  system: 'The system',
};

export interface AuditEntry {
  id: number;
  when: string;
  at: string;
  who: string;
  source: string;
  action: string;
  decision: { id: number; title: string; reference: string | null };
  changes: ChangeLine[];
  note: string;
}

export function toAuditEntry(row: DecisionChangeRow): AuditEntry {
  return {
    id: Number(row.id),
    when: formatDateTime(row.changed_at),
    at: new Date(row.changed_at).toISOString(),
    who: row.user_name || row.user_email || SOURCE_LABELS[row.source],
    source: SOURCE_LABELS[row.source],
    action: ACTION_LABELS[row.action] ?? row.action,
    decision: { id: row.decision_id, title: row.decision_title, reference: row.decision_reference },
    changes: describeFields(row.fields ?? {}),
    note: row.note,
  };
}

/** The audit log: every recorded change to every decision, newest first. */
export function createAuditService(db: Db) {
  return {
    async list(filters: AuditFilters, paging: { page: number; limit: number }) {
      const [rows, total] = await Promise.all([findDecisionChanges(db, filters, paging), countDecisionChanges(db, filters)]);
      return { entries: rows.map(toAuditEntry), total };
    },

    /** Every change to one decision, oldest first: its full story for staff. */
    async forDecision(decisionId: number): Promise<AuditEntry[]> {
      const rows = await findDecisionChanges(db, { decisionId }, { page: 1, limit: 1000 });
      return rows.map(toAuditEntry).reverse();
    },

    staff: () => staffForFilter(db),
  };
}

export type AuditService = ReturnType<typeof createAuditService>;
