/*
 * The notice periods of The Local Authorities (Executive Arrangements) (Meetings and Access to
 * Information) (England) Regulations 2012 (SI 2012/2089) turned into dates. The periods are in
 * clear days (see clear-days.ts), counted as the council's settings say: every function takes the
 * mode, calendar days unless told otherwise. Import these through notice-periods.ts, which also
 * says whether a given decision meets them.
 */
import { earliestAfterClearDays, latestNoticeBefore, type ClearDaysMode } from './clear-days.ts';
import { nextWorkingDayOnOrAfter } from './working-days.ts';
import { assertIsoDate } from './validate.ts';

/** Regulation 9(1): a key decision must be on a published plan this long beforehand. */
export const KEY_DECISION_NOTICE_CLEAR_DAYS = 28;
/** Regulation 10(1)(c): the general exception's wait after its notice. */
export const GENERAL_EXCEPTION_CLEAR_DAYS = 5;
/** Regulation 5(2): notice of the intention to hold a meeting (or decide) in private. */
export const PRIVATE_NOTICE_CLEAR_DAYS = 28;
/** Regulation 5(4): the further notice, with reasons and representations, before a private meeting. */
export const FURTHER_PRIVATE_NOTICE_CLEAR_DAYS = 5;

/** The first date on which a key decision first advertised in a plan published on `publishedOn` may be taken. */
export function earliestKeyDecisionDate(publishedOn: string, mode: ClearDaysMode = 'calendar'): string {
  assertIsoDate(publishedOn, 'publishedOn');
  return earliestAfterClearDays(publishedOn, KEY_DECISION_NOTICE_CLEAR_DAYS, mode);
}

/**
 * The date a plan prints as "key decisions from", which is also the date in its new references.
 * Regulation 9 gives only the earliest lawful date; decisions are taken on working days, so the
 * plan names the first working day on or after it. The real plan published on Friday 23 February
 * 2024 could lawfully take key decisions from Saturday 23 March 2024, and it printed "KEY
 * DECISIONS FROM 25 MARCH 2024" (the Monday) with references KEY/25MAR24/01 and /02. Moving the
 * date later can never make a decision unlawful.
 */
export function keyDecisionsFrom(publishedOn: string, mode: ClearDaysMode = 'calendar'): string {
  return nextWorkingDayOnOrAfter(earliestKeyDecisionDate(publishedOn, mode));
}

/**
 * Regulation 10 (general exception): the decision may be taken once the chair of the relevant
 * scrutiny committee has been told in writing, the notice has been made public, and 5 clear days
 * have passed. The regulation counts the 5 days from the public notice; we count them from
 * whichever of the two came later, so the chair also always has 5 clear days. That is never
 * earlier than the regulation allows, and it is the reading the council's procedure uses.
 */
export function generalExceptionEarliestDate(chairNotifiedOn: string, noticePublishedOn: string, mode: ClearDaysMode = 'calendar'): string {
  assertIsoDate(chairNotifiedOn, 'chairNotifiedOn');
  assertIsoDate(noticePublishedOn, 'noticePublishedOn');
  const later = chairNotifiedOn > noticePublishedOn ? chairNotifiedOn : noticePublishedOn;
  return earliestAfterClearDays(later, GENERAL_EXCEPTION_CLEAR_DAYS, mode);
}

/** Regulation 5(2): the first date of a private decision whose intention was first noticed on `noticePublishedOn`. */
export function earliestPrivateDecisionDate(noticePublishedOn: string, mode: ClearDaysMode = 'calendar'): string {
  assertIsoDate(noticePublishedOn, 'noticePublishedOn');
  return earliestAfterClearDays(noticePublishedOn, PRIVATE_NOTICE_CLEAR_DAYS, mode);
}

/** Regulation 5(4): the last date on which the further notice of a private decision on `decisionDate` may be published. */
export function latestFurtherPrivateNoticeDate(decisionDate: string, mode: ClearDaysMode = 'calendar'): string {
  assertIsoDate(decisionDate, 'decisionDate');
  return latestNoticeBefore(decisionDate, FURTHER_PRIVATE_NOTICE_CLEAR_DAYS, mode);
}
