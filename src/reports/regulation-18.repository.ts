import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../db/executor.ts';
import type { Regulation18ReportTable } from './reports.tables.ts';

function withNames(db: Executor) {
  return db
    .selectFrom('regulation_18_reports as r')
    .innerJoin('decisions', 'decisions.id', 'r.decision_id')
    .innerJoin('committees', 'committees.id', 'r.committee_id')
    .innerJoin('decision_makers', 'decision_makers.id', 'decisions.decision_maker_id')
    .select([
      'r.id', 'r.decision_id', 'r.committee_id', 'r.resolved_on', 'r.committee_reasons', 'r.report_due_on',
      'r.decision_maker_view', 'r.reported_on',
      'committees.name as committee_name',
      'decisions.reference', 'decisions.title', 'decisions.description', 'decisions.part', 'decisions.status',
      'decision_makers.name as maker_name',
    ]);
}

export function regulation18Reports(db: Executor) {
  return withNames(db).orderBy('r.reported_on', (ob) => ob.desc().nullsFirst()).orderBy('r.report_due_on').orderBy('r.id').execute();
}

export function regulation18Report(db: Executor, id: number) {
  return withNames(db).where('r.id', '=', id).executeTakeFirst();
}

export function regulation18ReportsOf(db: Executor, decisionId: number) {
  return withNames(db).where('r.decision_id', '=', decisionId).orderBy('r.resolved_on').execute();
}

export type Regulation18Row = Awaited<ReturnType<typeof regulation18Reports>>[number];

export async function insertRegulation18(db: Executor, row: Insertable<Regulation18ReportTable>): Promise<number> {
  const { id } = await db.insertInto('regulation_18_reports').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}

export async function updateRegulation18(db: Executor, id: number, row: Updateable<Regulation18ReportTable>): Promise<void> {
  await db.updateTable('regulation_18_reports').set(row).where('id', '=', id).execute();
}

/** The decision's outcome, when it has been taken: the report says when and by whom. */
export function takenRecordOf(db: Executor, decisionId: number) {
  return db
    .selectFrom('decision_outcomes')
    .select(['occurred_on', 'decision_maker', 'summary', 'reasons'])
    .where('decision_id', '=', decisionId)
    .where('kind', '=', 'taken')
    .executeTakeFirst();
}
