import type { DecisionStatus, OutcomeKind } from '../decisions.tables.ts';

/**
 * Why an outcome cannot be recorded for a decision in this state, or null when it can.
 * Taken and withdrawn are final. A draft has never been public, so it can only be "taken",
 * and only under an exception (regulation 10 or 11): such a decision goes in Part 4 of the
 * next plan. Anything else about a draft is changed by editing it.
 */
export function outcomeRefusal(kind: OutcomeKind, status: DecisionStatus, hasException: boolean): string | null {
  if (status === 'taken') return 'This decision has already been recorded as taken; that outcome is final';
  if (status === 'withdrawn') return 'This decision has already been recorded as withdrawn; that outcome is final';
  if (status !== 'draft') return null;
  if (kind === 'taken') {
    return hasException
      ? null
      : 'This decision is a draft and has never been published. Record the general exception (regulation 10) or special urgency agreement (regulation 11) it was taken under first';
  }
  if (kind === 'deferred') return 'This decision is a draft and has never been published: edit its expected date instead';
  return 'This decision is a draft and has never been published, so there is nothing to withdraw: edit it instead';
}
