import type { Insertable, Updateable } from 'kysely';
import type { DecisionTable } from './decisions.tables.ts';
import type { Executor } from '../db/executor.ts';
import { insertDecisionEvents, type NewDecisionEvent } from './decision.batch.repository.ts';

export async function insertDecision(db: Executor, values: Insertable<DecisionTable>): Promise<number> {
  const row = await db.insertInto('decisions').values(values).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function updateDecision(db: Executor, id: number, values: Updateable<DecisionTable>): Promise<void> {
  await db.updateTable('decisions').set(values).where('id', '=', id).execute();
}

export async function replaceCommittees(db: Executor, decisionId: number, committeeIds: number[]): Promise<void> {
  await db.deleteFrom('decision_committees').where('decision_id', '=', decisionId).execute();
  if (committeeIds.length === 0) return;
  await db
    .insertInto('decision_committees')
    .values(committeeIds.map((committee_id, position) => ({ decision_id: decisionId, committee_id, position })))
    .execute();
}

export async function replaceWards(db: Executor, decisionId: number, wardIds: number[]): Promise<void> {
  await db.deleteFrom('decision_wards').where('decision_id', '=', decisionId).execute();
  if (wardIds.length === 0) return;
  await db.insertInto('decision_wards').values(wardIds.map((ward_id) => ({ decision_id: decisionId, ward_id }))).execute();
}

export async function insertDecisionEvent(db: Executor, event: NewDecisionEvent): Promise<number> {
  const [id] = await insertDecisionEvents(db, [event]);
  return id!;
}
