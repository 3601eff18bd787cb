/*
 * The notice rules applied at publication: the very checks of the staff dashboard
 * (`noticeBreaches`), judged as if the plan were published on its date, so a decision the
 * dashboard shows as fine is never refused here and the other way round.
 */
import type { Clock } from '../lib/clock.ts';
import { noticeBreaches, type NoticeBreach } from '../decisions/staff/notice-breaches.ts';
import type { Executor } from '../db/executor.ts';
import type { ClearDaysMode } from '../rules/clear-days.ts';
import { NOTICE_RULES } from '../rules/notice-periods.ts';
import type { Draft } from './draft-assembly.ts';

/** A breach as the publication preview and the refusal show it: the staff check's, with the plan's reference and the rule's name. */
export interface DraftBreach extends Omit<NoticeBreach, 'reference'> {
  /** As the plan will print it, the reference publication is about to give included; '' for none. */
  reference: string;
  ruleLabel: string;
}

export async function draftBreaches(db: Executor, clock: Clock, draft: Draft, clearDays: ClearDaysMode): Promise<DraftBreach[]> {
  const found = await noticeBreaches(db, clock, { asIfPublishedOn: draft.publishedOn, clearDays });
  const printed = new Map(draft.entries.map((e) => [e.decisionId, e.snapshot.reference]));
  return found.map((b) => ({
    decisionId: b.decisionId,
    title: b.title,
    reference: printed.get(b.decisionId) || b.reference || '',
    rule: b.rule,
    ruleLabel: NOTICE_RULES[b.rule].name,
    earliestLawfulDate: b.earliestLawfulDate,
    message: b.message,
  }));
}
