import type { Transaction } from 'kysely';
import { recordDecisionChange } from '../../audit/decision-change.repository.ts';
import type { StaffUser } from '../../auth/roles.ts';
import type { Db } from '../../db/create-db.ts';
import type { Database } from '../../db/database.ts';
import { today, type Clock } from '../../lib/clock.ts';
import { announceDueNotices, type NoticeAlerts } from '../notices/notice-announcements.ts';
import type { GeneralExceptionInput, PrivateNoticeInput, SpecialUrgencyInput } from './exception-form.ts';
import { exceptionsOf, privateNoticesOf, saveException, savePrivateNotice } from './exception.repository.ts';
import { noticeRecordRefusal, type NoticeRecordKind } from './exception-rules.ts';
import { lockDecision } from './staff-decision.repository.ts';
import { generalExceptionRecord, privateNoticeRecord, specialUrgencyRecord } from './staff-decision.view.ts';
import { NOT_FOUND, type NotFound } from '../../lib/result.ts';

export type RecordResult = { status: 'saved' } | { status: 'unchanged' } | { status: 'refused'; message: string } | NotFound;

const AUDIT_FIELD: Record<NoticeRecordKind, string> = {
  'regulation-10': 'regulation_10',
  'regulation-11': 'regulation_11',
  'regulation-5': 'private_notice',
};

/**
 * Records of regulation 10, 11 and 5, each audited in the transaction that saves it. A notice
 * saved with its publication date is public at once (on a public decision), so the same
 * transaction records its 'notice_published' event and queues the alerts.
 */
export function createExceptionService(db: Db, clock: Clock, alerts: NoticeAlerts) {
  async function save(
    id: number,
    kind: NoticeRecordKind,
    user: StaffUser,
    next: object,
    write: (trx: Transaction<Database>, now: Date) => Promise<void>,
    read: (trx: Transaction<Database>) => Promise<object | null>,
  ): Promise<RecordResult> {
    return db.transaction().execute(async (trx): Promise<RecordResult> => {
      const row = await lockDecision(trx, id);
      if (!row) return NOT_FOUND;
      const refusal = noticeRecordRefusal(kind, row);
      if (refusal) return { status: 'refused', message: refusal };
      const before = await read(trx);
      if (JSON.stringify(before) === JSON.stringify(next)) return { status: 'unchanged' };
      const now = clock.now();
      await write(trx, now);
      await recordDecisionChange(trx, {
        decisionId: id,
        userId: user.id,
        source: 'staff',
        action: kind === 'regulation-5' ? 'private_notice' : 'exception',
        at: now,
        fields: { [AUDIT_FIELD[kind]]: { from: before, to: next } },
      });
      await announceDueNotices(trx, alerts, { now, today: today(clock) }, [id]);
      return { status: 'saved' };
    });
  }

  const exceptionFor = async (trx: Transaction<Database>, id: number, regulation: 10 | 11) =>
    (await exceptionsOf(trx, [id])).find((e) => e.regulation === regulation);

  return {
    /** The daily job: every notice whose date has come since, or whose decision has become public. */
    async announceDue(): Promise<{ events: number }> {
      const ids = await db.transaction().execute((trx) => announceDueNotices(trx, alerts, { now: clock.now(), today: today(clock) }));
      return { events: ids.length };
    },

    generalException(id: number, input: GeneralExceptionInput, user: StaffUser) {
      return save(
        id,
        'regulation-10',
        user,
        {
          agreedBy: input.chairName,
          chairNotifiedOn: input.chairNotifiedOn,
          noticePublishedOn: input.noticePublishedOn,
          reasons: input.reasons,
          reasonsNoticePublishedOn: input.reasonsNoticePublishedOn,
        },
        (trx, now) =>
          saveException(trx, {
            decision_id: id,
            regulation: 10,
            agreed_by: input.chairName,
            agreed_by_role: 'scrutiny_chair',
            chair_notified_on: input.chairNotifiedOn,
            notice_published_on: input.noticePublishedOn,
            reasons: input.reasons,
            reasons_notice_published_on: input.reasonsNoticePublishedOn,
            recorded_by: user.id,
            recorded_at: now,
          }),
        async (trx) => generalExceptionRecord(await exceptionFor(trx, id, 10)),
      );
    },

    specialUrgency(id: number, input: SpecialUrgencyInput, user: StaffUser) {
      return save(
        id,
        'regulation-11',
        user,
        {
          agreedBy: input.agreedBy,
          agreedByRole: input.agreedByRole,
          agreedOn: input.agreedOn,
          reasons: input.reasons,
          reasonsNoticePublishedOn: input.reasonsNoticePublishedOn,
        },
        (trx, now) =>
          saveException(trx, {
            decision_id: id,
            regulation: 11,
            agreed_by: input.agreedBy,
            agreed_by_role: input.agreedByRole,
            agreed_on: input.agreedOn,
            reasons: input.reasons,
            reasons_notice_published_on: input.reasonsNoticePublishedOn,
            recorded_by: user.id,
            recorded_at: now,
          }),
        async (trx) => specialUrgencyRecord(await exceptionFor(trx, id, 11)),
      );
    },

    privateNotice(id: number, input: PrivateNoticeInput, user: StaffUser) {
      return save(
        id,
        'regulation-5',
        user,
        {
          intentionPublishedOn: input.intentionPublishedOn,
          furtherNoticePublishedOn: input.furtherNoticePublishedOn,
          representations: input.representations,
          response: input.response,
        },
        (trx, now) =>
          savePrivateNotice(trx, {
            decision_id: id,
            intention_published_on: input.intentionPublishedOn,
            further_notice_published_on: input.furtherNoticePublishedOn,
            representations: input.representations,
            response: input.response,
            updated_by: user.id,
            updated_at: now,
          }),
        async (trx) => privateNoticeRecord((await privateNoticesOf(trx, [id]))[0]),
      );
    },
  };
}

export type ExceptionService = ReturnType<typeof createExceptionService>;
