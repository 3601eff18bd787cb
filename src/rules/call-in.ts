/*
 * Call-in (the council's constitution, as every scrutiny agenda states it): "the decision notice
 * for each decision will bear the date on which it is published and will specify that the
 * decision may then be implemented on the expiry of N working days after the publication of the
 * decision (not including the date of publication), unless a request for call-in of the decision
 * is received from any M Members of a Scrutiny Committee". Working days skip weekends and England
 * and Wales bank holidays (working-days.ts).
 */
import { addDays, formatLongDate } from '../lib/dates.ts';
import { assertIsoDate, assertWholeNumber } from './validate.ts';
import { addWorkingDays } from './working-days.ts';

export interface CallInWindow {
  /** The day the decision notice was published: not counted. */
  noticePublishedOn: string;
  /** The last day a call-in request can be received: the Nth working day after publication. */
  lastDayForCallIn: string;
  /** The day after the window expires, when the decision may be implemented if not called in. */
  implementableFrom: string;
}

export function callInWindow(noticePublishedOn: string, workingDays: number): CallInWindow {
  assertIsoDate(noticePublishedOn, 'noticePublishedOn');
  assertWholeNumber(workingDays, 'workingDays', 1);
  const lastDayForCallIn = addWorkingDays(noticePublishedOn, workingDays);
  return { noticePublishedOn, lastDayForCallIn, implementableFrom: addDays(lastDayForCallIn, 1) };
}

export type CallInStatus =
  | { kind: 'open'; window: CallInWindow }
  | { kind: 'implementable'; window: CallInWindow }
  | { kind: 'not-subject'; reason: 'decision-maker' | 'urgent' };

export interface CallInRules {
  workingDays: number;
  /** Decision-maker kinds whose decisions may be called in. */
  appliesTo: readonly string[];
  /** Decisions taken under special urgency (regulation 11) cannot be called in. */
  urgentExempt: boolean;
}

/** Why a decision cannot be called in, or null when it can: its decision maker, or urgency the settings exempt. */
export function callInExemption(decision: { makerKind: string; urgent: boolean }, rules: Omit<CallInRules, 'workingDays'>): 'decision-maker' | 'urgent' | null {
  if (!rules.appliesTo.includes(decision.makerKind)) return 'decision-maker';
  if (decision.urgent && rules.urgentExempt) return 'urgent';
  return null;
}

/** Where a taken decision stands, on `today`, before any call-in request is recorded. */
export function callInStatus(
  decision: { noticePublishedOn: string; makerKind: string; urgent: boolean },
  rules: CallInRules,
  today: string,
): CallInStatus {
  assertIsoDate(today, 'today');
  const exemption = callInExemption(decision, rules);
  if (exemption) return { kind: 'not-subject', reason: exemption };
  const window = callInWindow(decision.noticePublishedOn, rules.workingDays);
  return today <= window.lastDayForCallIn ? { kind: 'open', window } : { kind: 'implementable', window };
}

/** Why a call-in request is refused, or null when it may be recorded. */
export function callInRequestRefusal(
  request: { receivedOn: string; members: number },
  window: CallInWindow,
  membersRequired: number,
): string | null {
  if (request.receivedOn < window.noticePublishedOn) return 'A request cannot be received before the decision notice was published';
  if (request.receivedOn > window.lastDayForCallIn) return `The call-in period ended on ${formatLongDate(window.lastDayForCallIn)}: the request was received too late`;
  if (request.members < membersRequired) return `A call-in needs ${membersRequired} members of a scrutiny committee: ${request.members} signed this request`;
  return null;
}
