import { londonDateOf } from '../lib/clock.ts';
import { callInExemption, callInWindow, type CallInRules } from '../rules/call-in.ts';

/*
 * The decision notice (regulations 12 and 13): when a decision is recorded as taken, the service
 * publishes its notice on the decision's own page, that day. It bears the date it was published
 * and the call-in statement with its dates. The dates are stated, never "open now", so a page
 * served from the cache stays true whatever day it is read.
 */

export type CallInStatement =
  | { subject: true; workingDays: number; membersRequired: number; lastDayForCallIn: string; implementableFrom: string }
  | { subject: false; reason: 'decision-maker' | 'urgent' };

export interface PublicDecisionNotice {
  url: string;
  /** The day the record was made public: the day staff recorded the decision as taken. */
  publishedOn: string;
  conflictsOfInterest: string;
  dispensations: string;
  callIn: CallInStatement;
}

export interface DecisionNoticeFacts {
  decisionId: number;
  recordedAt: Date | string;
  conflictsOfInterest: string;
  dispensations: string;
  makerKind: string;
  /** Taken under a special urgency agreement (regulation 11), or listed in Part 4. */
  urgent: boolean;
}

export function toDecisionNotice(facts: DecisionNoticeFacts, rules: CallInRules & { membersRequired: number }): PublicDecisionNotice {
  const publishedOn = londonDateOf(new Date(facts.recordedAt));
  const exemption = callInExemption(facts, rules);
  const window = exemption ? null : callInWindow(publishedOn, rules.workingDays);
  const callIn: CallInStatement = window
    ? { subject: true, workingDays: rules.workingDays, membersRequired: rules.membersRequired, lastDayForCallIn: window.lastDayForCallIn, implementableFrom: window.implementableFrom }
    : { subject: false, reason: exemption! };
  return {
    url: `/decisions/${facts.decisionId}/notice`,
    publishedOn,
    conflictsOfInterest: facts.conflictsOfInterest,
    dispensations: facts.dispensations,
    callIn,
  };
}
