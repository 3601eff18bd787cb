import { sql } from 'kysely';
import type { Executor } from '../../db/executor.ts';
import type { NoticeEvent } from './notice-kinds.ts';

/*
 * The notice records as the public may read them. Only these columns are ever selected for a
 * public page: who recorded a notice and when (recorded_by, updated_by, their times) are staff
 * matters and stay out, as does everything on the decision that the plan does not print.
 */

const EXCEPTION_COLUMNS = [
  'notice_exceptions.decision_id',
  'notice_exceptions.regulation',
  'notice_exceptions.chair_notified_on',
  'notice_exceptions.notice_published_on',
  'notice_exceptions.agreed_by',
  'notice_exceptions.agreed_by_role',
  'notice_exceptions.agreed_on',
  'notice_exceptions.reasons',
  'notice_exceptions.reasons_notice_published_on',
] as const;

const PRIVATE_COLUMNS = [
  'private_meeting_notices.decision_id',
  'private_meeting_notices.intention_published_on',
  'private_meeting_notices.further_notice_published_on',
  'private_meeting_notices.representations',
  'private_meeting_notices.response',
] as const;

/** A decision's regulation 10 and 11 records (one query, or a subquery of the decision page's). */
export function exceptionRecordsQuery(db: Executor, decisionId: number) {
  return db.selectFrom('notice_exceptions').select(EXCEPTION_COLUMNS).where('notice_exceptions.decision_id', '=', decisionId).orderBy('regulation');
}

export function privateNoticeRecordsQuery(db: Executor, decisionId: number) {
  return db.selectFrom('private_meeting_notices').select(PRIVATE_COLUMNS).where('private_meeting_notices.decision_id', '=', decisionId);
}

export type ExceptionRecord = Awaited<ReturnType<ReturnType<typeof exceptionRecordsQuery>['execute']>>[number];
export type PrivateNoticeRecord = Awaited<ReturnType<ReturnType<typeof privateNoticeRecordsQuery>['execute']>>[number];

export async function noticeRecordsOf(db: Executor, decisionId: number): Promise<{ exceptions: ExceptionRecord[]; privateNotices: PrivateNoticeRecord[] }> {
  const [exceptions, privateNotices] = await Promise.all([exceptionRecordsQuery(db, decisionId).execute(), privateNoticeRecordsQuery(db, decisionId).execute()]);
  return { exceptions, privateNotices };
}

/**
 * The notice records of every public decision (or of those given), with the decision's
 * reference and title: what /notices lists and what the announcements look through. Notices
 * are few (a handful a year per council), so they are read whole and ordered by their rules.
 */
export async function publicNoticeIndex(db: Executor, decisionIds?: number[]) {
  if (decisionIds && decisionIds.length === 0) return { exceptions: [], privateNotices: [] };
  const decision = ['decisions.reference', 'decisions.title'] as const;
  let exceptions = db
    .selectFrom('notice_exceptions')
    .innerJoin('decisions', 'decisions.id', 'notice_exceptions.decision_id')
    .select([...EXCEPTION_COLUMNS, ...decision])
    .where('decisions.status', '<>', 'draft');
  let privateNotices = db
    .selectFrom('private_meeting_notices')
    .innerJoin('decisions', 'decisions.id', 'private_meeting_notices.decision_id')
    .select([...PRIVATE_COLUMNS, ...decision])
    .where('decisions.status', '<>', 'draft');
  if (decisionIds) {
    exceptions = exceptions.where('decisions.id', 'in', decisionIds);
    privateNotices = privateNotices.where('decisions.id', 'in', decisionIds);
  }
  const [e, p] = await Promise.all([exceptions.execute(), privateNotices.execute()]);
  return { exceptions: e, privateNotices: p };
}

/** The notice stages already announced, as `decisionId:notice:stage`. */
export async function announcedStages(db: Executor, decisionIds: number[]): Promise<Set<string>> {
  if (decisionIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('decision_events')
    .select(['decision_id', sql<string>`details->>'notice'`.as('notice'), sql<string>`details->>'stage'`.as('stage')])
    .where('kind', '=', 'notice_published')
    .where('decision_id', 'in', decisionIds)
    .execute();
  return new Set(rows.map((r) => `${r.decision_id}:${r.notice}:${r.stage}`));
}

/**
 * Records the stages' events; a stage another transaction announced meanwhile is skipped (the
 * database holds one event per decision, notice and stage). Ids of the events added.
 */
export async function insertNoticeEvents(db: Executor, events: { decisionId: number; occurredAt: Date; planId: number | null; event: NoticeEvent; url: string }[]): Promise<number[]> {
  if (events.length === 0) return [];
  const rows = await db
    .insertInto('decision_events')
    .values(
      events.map(({ decisionId, occurredAt, planId, event, url }) => ({
        decision_id: decisionId,
        kind: 'notice_published' as const,
        occurred_at: occurredAt,
        plan_id: planId,
        details: JSON.stringify({ notice: event.notice, stage: event.stage, publishedOn: event.publishedOn, url }),
      })),
    )
    .onConflict((oc) => oc.doNothing())
    .returning('id')
    .execute();
  return rows.map((r) => Number(r.id));
}
