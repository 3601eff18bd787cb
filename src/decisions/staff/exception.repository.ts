import type { Insertable } from 'kysely';
import type { NoticeExceptionTable } from '../decisions.tables.ts';
import type { Executor } from '../../db/executor.ts';

const EXCEPTION_COLUMNS = [
  'decision_id', 'regulation', 'chair_notified_on', 'notice_published_on', 'agreed_by', 'agreed_by_role',
  'agreed_on', 'reasons', 'reasons_notice_published_on', 'recorded_at',
] as const;

export async function exceptionsOf(db: Executor, decisionIds: number[]) {
  if (decisionIds.length === 0) return [];
  return db.selectFrom('notice_exceptions').select(EXCEPTION_COLUMNS).where('decision_id', 'in', decisionIds).execute();
}

export type ExceptionRow = Awaited<ReturnType<typeof exceptionsOf>>[number];

/** One record per decision and regulation: recording it again brings it up to date. */
export async function saveException(db: Executor, values: Insertable<NoticeExceptionTable>): Promise<void> {
  const { decision_id: _decision, regulation: _regulation, ...update } = values;
  await db
    .insertInto('notice_exceptions')
    .values(values)
    .onConflict((oc) => oc.columns(['decision_id', 'regulation']).doUpdateSet(update))
    .execute();
}

export async function privateNoticesOf(db: Executor, decisionIds: number[]) {
  if (decisionIds.length === 0) return [];
  return db
    .selectFrom('private_meeting_notices')
    .select(['decision_id', 'intention_published_on', 'further_notice_published_on', 'representations', 'response', 'updated_at'])
    .where('decision_id', 'in', decisionIds)
    .execute();
}

export type PrivateNoticeRow = Awaited<ReturnType<typeof privateNoticesOf>>[number];

export async function savePrivateNotice(
  db: Executor,
  values: {
    decision_id: number;
    intention_published_on: string | null;
    further_notice_published_on: string | null;
    representations: string;
    response: string;
    updated_by: number;
    updated_at: Date;
  },
): Promise<void> {
  const { decision_id: _decision, ...update } = values;
  await db
    .insertInto('private_meeting_notices')
    .values(values)
    .onConflict((oc) => oc.column('decision_id').doUpdateSet(update))
    .execute();
}
