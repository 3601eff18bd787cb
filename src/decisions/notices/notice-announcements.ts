import type { Transaction } from 'kysely';
import type { Database } from '../../db/database.ts';
import { noticeUrl } from './notice-kinds.ts';
import { publishedStages } from './notice-rules.ts';
import { announcedStages, insertNoticeEvents, publicNoticeIndex } from './notice.repository.ts';
import { noticeDatesByDecision } from './public-notice.view.ts';

/**
 * What announcing needs from email alerts (`deps.alerts`, src/alerts/alerts.ts): queue the
 * alerts for the notice events inside the transaction that records them.
 */
export interface NoticeAlerts {
  queueAlertsFor(trx: Transaction<Database>, occasion: { kind: 'notice'; eventIds: number[] }): Promise<unknown>;
}

/**
 * Records a public 'notice_published' event for every stage of a notice that is public by
 * `today` (its date come, its decision not a draft) and not yet announced; the feeds read them.
 * `planId`: the publication that made these decisions public, whose alerts will carry them.
 * `decisionIds`: only these decisions' notices. The ids of the events recorded.
 */
export async function recordDueNoticeEvents(
  trx: Transaction<Database>,
  at: { now: Date; today: string; planId?: number },
  decisionIds?: number[],
): Promise<number[]> {
  const decisions = noticeDatesByDecision(await publicNoticeIndex(trx, decisionIds));
  const done = await announcedStages(trx, decisions.map((d) => d.decision.decision_id));
  const due = decisions.flatMap(({ decision, dates }) =>
    publishedStages(dates, at.today)
      .filter((stage) => !done.has(`${decision.decision_id}:${stage.notice}:${stage.stage}`))
      .map((event) => ({ decisionId: decision.decision_id, occurredAt: at.now, planId: at.planId ?? null, event, url: noticeUrl(event.notice, decision.decision_id) })),
  );
  return insertNoticeEvents(trx, due);
}

/**
 * The events above with their email alerts, queued in the same transaction. Called when staff
 * save a notice (the forms take no date in the future, so a notice is announced as it is
 * saved) and by the daily job, which catches what saving cannot: a date still to come when it
 * was stored, a draft taken (a plan publishing drafts records their notices' events itself).
 */
export async function announceDueNotices(
  trx: Transaction<Database>,
  alerts: NoticeAlerts,
  at: { now: Date; today: string },
  decisionIds?: number[],
): Promise<number[]> {
  const eventIds = await recordDueNoticeEvents(trx, at, decisionIds);
  if (eventIds.length > 0) await alerts.queueAlertsFor(trx, { kind: 'notice', eventIds });
  return eventIds;
}
