/*
 * The notice rules applied at publication: the very checks of the staff dashboard
 * (`noticeBreaches`), judged as if the plan were published on its date, so a decision the
 * dashboard shows as fine is never refused here and the other way round.
 */
import type { Clock } from '../lib/clock.ts';
import { noticeBreaches } from '../decisions/staff/notice-breaches.ts';
import { RULE_NAMES } from '../decisions/staff/staff-http.ts';
import type { Executor } from '../reference/reference.repository.ts';
import type { NoticeRule } from '../rules/notice-periods.ts';
import type { Draft } from './draft-assembly.ts';

export interface NoticeBreach {
  decisionId: number;
  title: string;
  /** As the plan will print it, the reference publication is about to give included; '' for none. */
  reference: string;
  rule: NoticeRule;
  ruleLabel: string;
  earliestLawfulDate: string | null;
  message: string;
}

export async function draftBreaches(db: Executor, clock: Clock, draft: Draft): Promise<NoticeBreach[]> {
  const found = await noticeBreaches(db, clock, { asIfPublishedOn: draft.publishedOn });
  const printed = new Map(draft.entries.map((e) => [e.decisionId, e.snapshot.reference]));
  return found.map((b) => ({
    decisionId: b.decisionId,
    title: b.title,
    reference: printed.get(b.decisionId) || b.reference || '',
    rule: b.rule,
    ruleLabel: RULE_NAMES[b.rule],
    earliestLawfulDate: b.earliestLawfulDate,
    message: b.message,
  }));
}
