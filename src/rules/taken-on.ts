/*
 * Whether a decision was lawfully taken on the day it was. The routes to a lawful date are
 * checkNotice's (notice-periods.ts): the plan's 28 clear days (regulation 9), a general exception
 * (10), an urgency agreement (11, and 5(6) for a private decision), the 28 clear days' notice of
 * a decision in private (5(2)). Once the day is known one more thing can be checked: a private
 * decision taken on notice, not under urgency, needs the further notice published 5 clear days
 * before it (5(4)); while a decision is live that is only a reminder.
 */
import { formatLongDate as long } from '../lib/dates.ts';
import { earliestAfterClearDays, type ClearDaysMode } from './clear-days.ts';
import { FURTHER_PRIVATE_NOTICE_CLEAR_DAYS } from './notice-dates.ts';
import {
  assertNoticeInput,
  breachedRule,
  earliestOf,
  NOTICE_RULES,
  noticeRoutes,
  type NoticeCheck,
  type NoticeInput,
  type NoticeRoute,
} from './notice-periods.ts';
import { assertIsoDate } from './validate.ts';

export interface TakenOnInput extends Omit<NoticeInput, 'expectedDate' | 'expectedPrecision'> {
  takenOn: string;
  /** Regulation 5(4): when the further notice of a private decision was published; null if it was not. */
  furtherPrivateNoticeOn: string | null;
}

/** `mode`: how clear days are counted (the council's settings); calendar days unless told otherwise. */
export function takenOnCheck(input: TakenOnInput, mode: ClearDaysMode = 'calendar'): NoticeCheck {
  const asNotice: NoticeInput = { ...input, expectedDate: input.takenOn, expectedPrecision: 'day' };
  assertNoticeInput(asNotice);
  if (input.furtherPrivateNoticeOn !== null) assertIsoDate(input.furtherPrivateNoticeOn, 'furtherPrivateNoticeOn');
  if (input.part === 'non_key') {
    return { ok: true, rule: null, earliestLawfulDate: null, message: 'A non-key decision taken in public: the Regulations set no notice period for it.' };
  }
  const routes = noticeRoutes(asNotice, mode).map((route) => withFurtherNotice(input, route, mode));
  const usable = routes.filter((route) => route.flaw === null);
  const met = usable.find((route) => input.takenOn >= route.earliest);
  if (met) {
    return {
      ok: true,
      rule: met.rule,
      earliestLawfulDate: met.earliest,
      message:
        `Meets ${NOTICE_RULES[met.rule].name}: taken on ${long(input.takenOn)}, on or after its earliest lawful date, ` +
        `${long(met.earliest)} (${met.because}).`,
    };
  }
  const rule = breachedRule(asNotice);
  const earliest = earliestOf(usable);
  const flaws = routes.filter((route) => route.flaw !== null).map((route) => `${capitalise(route.flaw ?? '')}.`);
  const opening = earliest
    ? `it was taken on ${long(input.takenOn)}, but the earliest lawful date was ${long(earliest.earliest)} (${earliest.because}).`
    : `it was taken on ${long(input.takenOn)}, and nothing on record allowed it${flaws.length ? '.' : `: ${missing(input)}.`}`;
  return {
    ok: false,
    rule,
    earliestLawfulDate: earliest?.earliest ?? null,
    message: [
      `Breaks ${NOTICE_RULES[rule].name}: ${opening}`,
      ...flaws,
      earliest
        ? `If it was in fact taken on or after ${long(earliest.earliest)}, correct the date; otherwise ${remedy(input)}, or record that it was taken without the required notice, with the reason.`
        : `${capitalise(remedy(input))}, or record that it was taken without the required notice, with the reason.`,
    ].join(' '),
  };
}

/** The 28 days' notice of a private decision also needs the further notice 5 clear days before it. */
function withFurtherNotice(input: TakenOnInput, route: NoticeRoute, mode: ClearDaysMode): NoticeRoute {
  if (input.part !== 'private' || route.byAgreement || route.flaw !== null) return route;
  const further = input.furtherPrivateNoticeOn;
  if (further === null) {
    return { ...route, flaw: 'the further notice of the decision in private, due 5 clear days before it (regulation 5(4)), is not recorded' };
  }
  const afterFurther = earliestAfterClearDays(further, FURTHER_PRIVATE_NOTICE_CLEAR_DAYS, mode);
  return {
    ...route,
    earliest: afterFurther > route.earliest ? afterFurther : route.earliest,
    because: `${route.because}, and 5 clear days after the further notice published on ${long(further)} (regulation 5(4))`,
  };
}

function missing(input: TakenOnInput): string {
  return input.part === 'private'
    ? 'no notice of the intention to decide in private was given and no urgency agreement (regulation 5(6)) is recorded'
    : 'it was on no published plan before then, and no general exception (regulation 10) or special urgency agreement (regulation 11) is recorded';
}

/** The records that could have allowed it and are not yet kept. */
function remedy(input: TakenOnInput): string {
  const unrecorded =
    input.part === 'private'
      ? [
          input.furtherPrivateNoticeOn === null ? 'the further notice (regulation 5(4))' : null,
          input.specialUrgency ? null : 'the urgency agreement (regulation 5(6))',
        ]
      : [
          input.generalException ? null : 'the general exception (regulation 10)',
          input.specialUrgency ? null : 'the special urgency agreement (regulation 11)',
        ];
  const records = unrecorded.filter((text): text is string => text !== null);
  return records.length ? `record ${records.join(' or ')} it was taken under` : 'correct the dates of the records if they are wrong';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
