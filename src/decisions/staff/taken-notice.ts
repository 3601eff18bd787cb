import { roleAtLeast, type Role } from '../../auth/roles.ts';
import type { Executor } from '../../db/executor.ts';
import { NOTICE_RULES, type NoticeCheck, type NoticeRule } from '../../rules/notice-periods.ts';
import { takenOnCheck } from '../../rules/taken-on.ts';
import type { ClearDaysMode } from '../../rules/clear-days.ts';
import { exceptionsOf, privateNoticesOf } from './exception.repository.ts';
import { firstNoticeDate } from './first-notice.ts';
import { earliestListings } from './notice-breaches.ts';
import { noticeInputsFor } from './notice-inputs.ts';

/*
 * The notice rules on the day a decision was taken, from what is on record: its first published
 * plan, its exceptions (regulations 10 and 11) and its private notices (regulation 5). The form
 * asks before the check-your-answers page, and the outcome service again, in the transaction
 * that records it, since a record may have changed meanwhile.
 */

export type TakenCheck = NoticeCheck & { ruleName: string | null };

/** Every check the decision needs (a private key decision has two), met or not; none for a public non-key decision. */
export async function takenNoticeChecks(db: Executor, decisionId: number, takenOn: string, mode: ClearDaysMode = 'calendar'): Promise<TakenCheck[]> {
  const decision = await db.selectFrom('decisions').select(['part', 'is_key', 'reference_key']).where('id', '=', decisionId).executeTakeFirst();
  if (!decision) return [];
  const [listings, exceptions, privateNotices] = await Promise.all([
    earliestListings(db, [decisionId]),
    exceptionsOf(db, [decisionId]),
    privateNoticesOf(db, [decisionId]),
  ]);
  const listing = listings.get(decisionId) ?? null;
  // Only a published plan gives notice: unlike the dashboard, there is no next plan to count on.
  const firstPublishedOn = listing ? firstNoticeDate(listing, decision.reference_key, listing.publishedOn) : null;
  const notice = privateNotices[0];
  const inputs = noticeInputsFor(
    { part: decision.part, isKey: decision.is_key, expectedDate: takenOn, expectedPrecision: 'day' },
    firstPublishedOn,
    exceptions,
    notice?.intention_published_on ?? null,
  );
  return inputs.map(({ expectedDate: _date, expectedPrecision: _precision, ...input }) => {
    const check = takenOnCheck({ ...input, takenOn, furtherPrivateNoticeOn: input.part === 'private' ? (notice?.further_notice_published_on ?? null) : null }, mode);
    return { ...check, ruleName: check.rule ? NOTICE_RULES[check.rule].name : null };
  });
}

/** The rules a decision taken on that day broke, each once, in the order of the checks. */
export function brokenRules(checks: NoticeCheck[]): NoticeRule[] {
  return [...new Set(checks.filter((c) => !c.ok).map((c) => c.rule!))];
}

export interface TakenNoticeProblem {
  /** The form field the message belongs to. */
  field: 'takenOn-day' | 'withoutNotice';
  message: string;
}

/**
 * Why the decision cannot be recorded as taken on that day, or null when it can: it broke a rule
 * and nobody recorded that it was taken without the required notice, or that was recorded for a
 * decision that broke none, or by someone below publisher.
 */
export function takenNoticeProblem(checks: NoticeCheck[], withoutNotice: { reason: string } | null, role: Role): TakenNoticeProblem | null {
  const broken = checks.filter((c) => !c.ok);
  if (withoutNotice === null) {
    return broken.length ? { field: 'takenOn-day', message: broken.map((c) => c.message).join(' ') } : null;
  }
  if (!roleAtLeast(role, 'publisher')) {
    return { field: 'withoutNotice', message: 'Only a publisher or an administrator can record that a decision was taken without the required notice' };
  }
  if (broken.length === 0) {
    return { field: 'withoutNotice', message: 'On that date the decision meets the notice rules: untick ‘It was taken without the required notice’' };
  }
  return null;
}
