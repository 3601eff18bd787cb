/*
 * Whether one decision meets the notice rules of the 2012 Regulations, with a message a
 * publisher can act on: which rule, why, and the earliest lawful date. The dashboard shows these
 * results and publication refuses a plan while any of its decisions is not ok.
 *
 * A decision may rely on several routes at once (the plan's 28 clear days, a general exception,
 * an urgency agreement); any one that allows the expected date is enough.
 *
 * One file, longer than most on purpose: the routes to a lawful date (Regulations 9, 10, 11 and
 * 5) and the messages that explain a breach are one table of the notice rules, read top to bottom
 * beside the statute; the date arithmetic alone is apart, in notice-dates.ts. The check of the
 * day a decision was actually taken, over the same routes, is taken-on.ts.
 */
import { daysInMonth, formatLongDate, formatMonth, isoDate, parts } from '../lib/dates.ts';
import { clearDaysPhrase, type ClearDaysMode } from './clear-days.ts';
import {
  earliestKeyDecisionDate,
  earliestPrivateDecisionDate,
  FURTHER_PRIVATE_NOTICE_CLEAR_DAYS,
  GENERAL_EXCEPTION_CLEAR_DAYS,
  generalExceptionEarliestDate,
  KEY_DECISION_NOTICE_CLEAR_DAYS,
  latestFurtherPrivateNoticeDate,
  PRIVATE_NOTICE_CLEAR_DAYS,
} from './notice-dates.ts';
import { assertIsoDate } from './validate.ts';

export * from './notice-dates.ts';

export type NoticePart = 'key' | 'private' | 'non_key' | 'urgent';
export type NoticeRule = 'regulation-9' | 'regulation-10' | 'regulation-11' | 'regulation-5';

export interface GeneralExceptionRecord {
  chairNotifiedOn: string;
  noticePublishedOn: string;
  reasons: string;
}

/** Who agreed that the decision is urgent and cannot reasonably be deferred, when, and why. */
export interface UrgencyAgreement {
  agreedBy: string;
  agreedOn: string;
  reasons: string;
}

export interface NoticeInput {
  part: NoticePart;
  expectedDate: string | null;
  /** 'month' when only the month is known; any date in that month may be given. */
  expectedPrecision: 'day' | 'month' | null;
  /** The first published plan that contained the decision, or the plan about to be published. */
  firstPublishedOn: string | null;
  generalException?: GeneralExceptionRecord | null;
  specialUrgency?: UrgencyAgreement | null;
  /** A notice of the intention to decide in private given apart from the plan. */
  privateNotice?: { noticePublishedOn: string } | null;
}

export interface NoticeCheck {
  ok: boolean;
  rule: NoticeRule | null;
  earliestLawfulDate: string | null;
  message: string;
}

/**
 * Each notice rule's names: the heading staff pages and the publication preview show, and the
 * explanation a breach's message gives in its sentence.
 */
export const NOTICE_RULES: Record<NoticeRule, { name: string; explanation: string }> = {
  'regulation-9': {
    name: 'Regulation 9 – 28 clear days’ notice of a key decision',
    explanation: 'regulation 9 (a key decision needs 28 clear days’ notice on a published plan)',
  },
  'regulation-10': {
    name: 'Regulation 10 – general exception',
    explanation: 'regulation 10 (general exception: 5 clear days after the scrutiny chair is told in writing and the notice is published)',
  },
  'regulation-11': {
    name: 'Regulation 11 – special urgency',
    explanation: 'regulation 11 (special urgency: the agreement of the scrutiny chair, or failing that the chair then vice-chair of the council)',
  },
  'regulation-5': {
    name: 'Regulation 5 – notice of a decision in private',
    explanation: 'regulation 5 (28 clear days’ notice of the intention to decide in private)',
  },
};

/** One way a decision can be lawful, and the first date it allows (taken-on.ts reads them too). */
export interface NoticeRoute {
  rule: NoticeRule;
  earliest: string;
  because: string;
  /** Why a recorded exception cannot be relied on (missing reasons…), or null when it can. */
  flaw: string | null;
  /** True for an urgency agreement, which stands in for the notice periods rather than meeting them. */
  byAgreement: boolean;
}

/** The days on which the decision may fall: one day, or a whole month when only that is known. */
interface ExpectedWindow {
  first: string;
  last: string;
  wording: string;
}

const long = formatLongDate;

/** `mode`: how clear days are counted (the council's settings); calendar days unless told otherwise. */
export function checkNotice(input: NoticeInput, mode: ClearDaysMode = 'calendar'): NoticeCheck {
  assertNoticeInput(input);
  const window = expectedWindow(input);
  if (input.part === 'non_key') {
    return {
      ok: true,
      rule: null,
      earliestLawfulDate: null,
      message: 'A non-key decision taken in public: the Regulations set no notice period for it.',
    };
  }
  const routes = noticeRoutes(input, mode);
  const usable = routes.filter((route) => route.flaw === null);
  const earliestRoute = earliestOf(usable);
  if (!window) return undatedResult(input, earliestRoute, mode);
  const clear = usable.find((route) => window.first >= route.earliest);
  if (clear) return withPrivateNotices(input, clear, window, allowed(clear, window), mode);
  const partial = earliestRoute && window.last >= earliestRoute.earliest ? earliestRoute : null;
  if (partial) return withPrivateNotices(input, partial, window, allowedWithWarning(partial, window), mode);
  return breach(input, window, routes, earliestRoute, mode);
}

export function assertNoticeInput(input: NoticeInput): void {
  if (input.expectedDate !== null) assertIsoDate(input.expectedDate, 'expectedDate');
  if (input.firstPublishedOn !== null) assertIsoDate(input.firstPublishedOn, 'firstPublishedOn');
  if (input.generalException) {
    assertIsoDate(input.generalException.chairNotifiedOn, 'generalException.chairNotifiedOn');
    assertIsoDate(input.generalException.noticePublishedOn, 'generalException.noticePublishedOn');
  }
  if (input.specialUrgency) assertIsoDate(input.specialUrgency.agreedOn, 'specialUrgency.agreedOn');
  if (input.privateNotice) assertIsoDate(input.privateNotice.noticePublishedOn, 'privateNotice.noticePublishedOn');
}

/** Every route to a lawful date the records give a key (or urgent) or a private decision; `mode` counts clear days. */
export function noticeRoutes(input: NoticeInput, mode: ClearDaysMode = 'calendar'): NoticeRoute[] {
  return input.part === 'private' ? privateRoutes(input, mode) : keyRoutes(input, mode);
}

/** A date with no precision recorded is taken as an exact day, the stricter reading. */
function expectedWindow(input: NoticeInput): ExpectedWindow | null {
  const date = input.expectedDate;
  if (date === null) return null;
  if (input.expectedPrecision !== 'month') return { first: date, last: date, wording: `on ${long(date)}` };
  const { year, month } = parts(date);
  return {
    first: isoDate(year, month, 1),
    last: isoDate(year, month, daysInMonth(year, month)),
    wording: `in ${formatMonth(date)}`,
  };
}

function keyRoutes(input: NoticeInput, mode: ClearDaysMode): NoticeRoute[] {
  const routes: NoticeRoute[] = [];
  if (input.firstPublishedOn !== null) {
    routes.push({
      rule: 'regulation-9',
      earliest: earliestKeyDecisionDate(input.firstPublishedOn, mode),
      because: `${clearDaysPhrase(KEY_DECISION_NOTICE_CLEAR_DAYS, mode)} after the plan published on ${long(input.firstPublishedOn)}`,
      flaw: null,
      byAgreement: false,
    });
  }
  const exception = input.generalException;
  if (exception) {
    routes.push({
      rule: 'regulation-10',
      earliest: generalExceptionEarliestDate(exception.chairNotifiedOn, exception.noticePublishedOn, mode),
      because:
        `${clearDaysPhrase(GENERAL_EXCEPTION_CLEAR_DAYS, mode)} after the scrutiny chair was told on ${long(exception.chairNotifiedOn)} ` +
        `and the general exception notice was published on ${long(exception.noticePublishedOn)}`,
      flaw: isBlank(exception.reasons) ? 'the general exception record gives no reasons' : null,
      byAgreement: false,
    });
  }
  if (input.specialUrgency) routes.push(urgencyRoute('regulation-11', input.specialUrgency));
  return routes;
}

/**
 * The plan's Part 2 is itself a notice of the intention to decide in private, so the 28 clear
 * days run from the earlier of the plan and any separate notice. A private decision that is also
 * a key decision must be checked as 'key' as well: a separate private notice does not put it on
 * a published plan.
 */
function privateRoutes(input: NoticeInput, mode: ClearDaysMode): NoticeRoute[] {
  const routes: NoticeRoute[] = [];
  const notices = [input.firstPublishedOn, input.privateNotice?.noticePublishedOn ?? null].filter(
    (date): date is string => date !== null,
  );
  const firstNotice = notices.sort()[0];
  if (firstNotice !== undefined) {
    routes.push({
      rule: 'regulation-5',
      earliest: earliestPrivateDecisionDate(firstNotice, mode),
      because: `${clearDaysPhrase(PRIVATE_NOTICE_CLEAR_DAYS, mode)} after notice of the intention to decide in private was given on ${long(firstNotice)}`,
      flaw: null,
      byAgreement: false,
    });
  }
  // Regulation 5(6): the same agreement as special urgency lets an urgent private decision go ahead.
  if (input.specialUrgency) routes.push(urgencyRoute('regulation-5', input.specialUrgency));
  return routes;
}

/** An urgency agreement has no waiting period, but the decision cannot come before it. */
function urgencyRoute(rule: NoticeRule, agreement: UrgencyAgreement): NoticeRoute {
  const flaw = isBlank(agreement.agreedBy)
    ? 'the urgency agreement does not say who agreed'
    : isBlank(agreement.reasons)
      ? 'the urgency agreement gives no reasons'
      : null;
  return {
    rule,
    earliest: agreement.agreedOn,
    because: `${agreement.agreedBy.trim() || 'someone'} agreed on ${long(agreement.agreedOn)} that it is urgent and cannot reasonably be deferred`,
    flaw,
    byAgreement: true,
  };
}

export function earliestOf(routes: NoticeRoute[]): NoticeRoute | null {
  return routes.reduce<NoticeRoute | null>((best, route) => (best && best.earliest <= route.earliest ? best : route), null);
}

function undatedResult(input: NoticeInput, route: NoticeRoute | null, mode: ClearDaysMode): NoticeCheck {
  if (!route) return noNotice(input, 'it has no expected date yet', [], mode);
  return {
    ok: true,
    rule: route.rule,
    earliestLawfulDate: route.earliest,
    message:
      `No expected date yet. Under ${shortName(route.rule)} it may be taken on ${long(route.earliest)} ` +
      `at the earliest (${route.because}).`,
  };
}

function allowed(route: NoticeRoute, window: ExpectedWindow): NoticeCheck {
  const how = window.first === window.last ? 'on or after' : 'wholly on or after';
  return {
    ok: true,
    rule: route.rule,
    earliestLawfulDate: route.earliest,
    message:
      `Meets ${shortName(route.rule)}: expected ${window.wording}, ${how} its earliest lawful date, ` +
      `${long(route.earliest)} (${route.because}).`,
  };
}

/** Only a month is known and part of it is too early: fine to publish, but say where the line is. */
function allowedWithWarning(route: NoticeRoute, window: ExpectedWindow): NoticeCheck {
  return {
    ok: true,
    rule: route.rule,
    earliestLawfulDate: route.earliest,
    message:
      `Expected ${window.wording}, but under ${shortName(route.rule)} it must not be taken before ` +
      `${long(route.earliest)} (${route.because}). Give it a date on or after that as soon as one is known.`,
  };
}

/**
 * A private decision also needs a later notice: the further notice 5 clear days before
 * (regulation 5(4)), or, when urgency stood in for the notice periods, a notice of the reasons
 * as soon as practicable (regulation 5(7)). Tell the publisher while there is time.
 */
function withPrivateNotices(input: NoticeInput, route: NoticeRoute, window: ExpectedWindow, check: NoticeCheck, mode: ClearDaysMode): NoticeCheck {
  if (input.part !== 'private') return check;
  if (route.byAgreement) {
    return {
      ...check,
      message: `${check.message} Publish a notice of the reasons for the urgency as soon as reasonably practicable (regulation 5(7)).`,
    };
  }
  const deadline =
    window.first === window.last
      ? `by ${long(latestFurtherPrivateNoticeDate(window.first, mode))}`
      : `at least ${clearDaysPhrase(FURTHER_PRIVATE_NOTICE_CLEAR_DAYS, mode)} before the decision`;
  return {
    ...check,
    message:
      `${check.message} The further notice of the private decision, with the reasons and any representations ` +
      `and the response to them, must be published ${deadline} (regulation 5(4)).`,
  };
}

function breach(input: NoticeInput, window: ExpectedWindow, routes: NoticeRoute[], earliest: NoticeRoute | null, mode: ClearDaysMode): NoticeCheck {
  const rule = breachedRule(input);
  const flaws = routes.filter((route) => route.flaw !== null).map((route) => `${capitalise(route.flaw ?? '')}.`);
  if (!earliest) return noNotice(input, `it is expected ${window.wording}`, flaws, mode);
  return {
    ok: false,
    rule,
    earliestLawfulDate: earliest.earliest,
    message: [
      `Breaks ${NOTICE_RULES[rule].explanation}: it is expected ${window.wording}, but the earliest lawful date is ` +
        `${long(earliest.earliest)} (${earliest.because}).`,
      ...flaws,
      `Move it to ${long(earliest.earliest)} or later, or ${remedy(input)}.`,
    ].join(' '),
  };
}

/** No route gives any date: nothing on a plan, no notice, no usable exception. */
function noNotice(input: NoticeInput, opening: string, flaws: string[], mode: ClearDaysMode): NoticeCheck {
  const rule = breachedRule(input);
  const missing =
    input.part === 'private'
      ? 'no notice of the intention to decide in private has been given'
      : input.part === 'urgent'
        ? 'it is listed as taken under urgency, yet no general exception (regulation 10) or special urgency agreement (regulation 11) is recorded'
        : 'it has not been on a published plan';
  return {
    ok: false,
    rule,
    earliestLawfulDate: null,
    message: [`Breaks ${NOTICE_RULES[rule].explanation}: ${opening} and ${missing}.`, ...flaws, `${firstStep(input, mode)}, or ${remedy(input)}.`].join(' '),
  };
}

/** The rule to name: the exception being relied on when one is recorded, else the basic notice rule. */
export function breachedRule(input: NoticeInput): NoticeRule {
  if (input.part === 'private') return 'regulation-5';
  if (input.specialUrgency) return 'regulation-11';
  if (input.generalException) return 'regulation-10';
  return 'regulation-9';
}

function firstStep(input: NoticeInput, mode: ClearDaysMode): string {
  const period = clearDaysPhrase(KEY_DECISION_NOTICE_CLEAR_DAYS, mode);
  return input.part === 'urgent'
    ? `Give it a date at least ${period} after a published plan that includes it`
    : `Publish it on a plan at least ${period} before it is taken`;
}

/** What else the publisher can do, given what is already recorded. */
function remedy(input: NoticeInput): string {
  if (input.specialUrgency) {
    return 'make sure the urgency agreement, with its reasons, is given before the decision is taken, not after';
  }
  if (input.part === 'private') {
    return (
      'record the agreement of the scrutiny chair (or, failing that, the chair then vice-chair of the council), ' +
      'with reasons, that it is urgent and cannot reasonably be deferred (regulation 5(6))'
    );
  }
  const specialUrgency =
    'the special urgency agreement of the scrutiny chair, or failing that the chair then vice-chair of the council, with reasons (regulation 11)';
  if (input.generalException) return `if it cannot wait that long, record ${specialUrgency}`;
  return `record a general exception (regulation 10) or, if even that is impracticable, ${specialUrgency}`;
}

function shortName(rule: NoticeRule): string {
  return rule.replace('-', ' ').replace(/^regulation 5$/, 'regulation 5 (private decisions)');
}

function isBlank(text: string): boolean {
  return text.trim() === '';
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
