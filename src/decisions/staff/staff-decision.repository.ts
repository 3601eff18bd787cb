import type { Executor } from '../../db/executor.ts';
import type { DecisionChoices } from './decision-form.ts';
import { decisionsWithNames } from '../decision.repository.ts';

/** The reference data a decision's form offers, by name. */
export async function decisionChoices(db: Executor): Promise<DecisionChoices> {
  const [makers, committees, wards, directorates] = await Promise.all([
    db.selectFrom('decision_makers').select(['id', 'name']).orderBy('kind').orderBy('name').execute(),
    db.selectFrom('committees').select(['id', 'name']).orderBy('name').execute(),
    db.selectFrom('wards').select(['id', 'name']).orderBy('name').execute(),
    db.selectFrom('directorates').select(['id', 'name']).orderBy('name').execute(),
  ]);
  return { makers, committees, wards, directorates };
}

/** The row, locked until the transaction ends, so two edits of one decision cannot interleave. */
export async function lockDecision(trx: Executor, id: number) {
  return trx.selectFrom('decisions').selectAll().where('id', '=', id).forUpdate().executeTakeFirst();
}

export async function findDecisionRow(db: Executor, id: number) {
  return db.selectFrom('decisions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function committeeIdsOf(db: Executor, decisionId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('decision_committees')
    .select('committee_id')
    .where('decision_id', '=', decisionId)
    .orderBy('position')
    .execute();
  return rows.map((r) => r.committee_id);
}

export async function wardIdsOf(db: Executor, decisionId: number): Promise<number[]> {
  const rows = await db.selectFrom('decision_wards').select('ward_id').where('decision_id', '=', decisionId).orderBy('ward_id').execute();
  return rows.map((r) => r.ward_id);
}

/**
 * A decision as the audit log records it: every field a person can change, with names for the
 * reference data, so the log still reads correctly after an entity is renamed or merged.
 */
export async function auditStateOf(db: Executor, decisionId: number): Promise<Record<string, unknown> | undefined> {
  const row = await decisionsWithNames(db)
    .select([
      'decisions.title', 'decisions.description', 'decisions.part', 'decisions.is_key', 'decisions.status',
      'decisions.expected_date_text', 'decisions.expected_date', 'decisions.expected_precision', 'decisions.ward_scope',
      'decisions.consultation', 'decisions.contacts', 'decisions.documents', 'decisions.exempt_paragraph',
      'decisions.exemption_reason', 'decisions.internal_notes', 'decisions.estimated_value_pounds', 'decisions.non_key_reason',
      'decision_makers.name as decision_maker', 'portfolios.title as portfolio', 'directorates.name as directorate',
    ])
    .where('decisions.id', '=', decisionId)
    .executeTakeFirst();
  if (!row) return undefined;
  const [committees, wards] = await Promise.all([
    db
      .selectFrom('decision_committees')
      .innerJoin('committees', 'committees.id', 'decision_committees.committee_id')
      .select('committees.name')
      .where('decision_committees.decision_id', '=', decisionId)
      .orderBy('decision_committees.position')
      .execute(),
    db
      .selectFrom('decision_wards')
      .innerJoin('wards', 'wards.id', 'decision_wards.ward_id')
      .select('wards.name')
      .where('decision_wards.decision_id', '=', decisionId)
      .orderBy('wards.name')
      .execute(),
  ]);
  return { ...row, committees: committees.map((c) => c.name), wards: wards.map((w) => w.name) };
}

export async function namesOf(db: Executor, table: 'wards' | 'committees', ids: number[]): Promise<string[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom(table).select(['id', 'name']).where('id', 'in', ids).execute();
  return ids.map((id) => rows.find((r) => r.id === id)?.name ?? '').filter((n) => n !== '');
}

export async function makerKind(db: Executor, id: number) {
  const row = await db.selectFrom('decision_makers').select('kind').where('id', '=', id).executeTakeFirst();
  return row?.kind;
}
