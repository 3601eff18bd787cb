import { today, type Clock } from '../../lib/clock.ts';
import { isIsoDate } from '../../lib/dates.ts';
import { groupBy } from '../../lib/group.ts';
import type { Executor } from '../../db/executor.ts';
import type { ClearDaysMode } from '../../rules/clear-days.ts';
import { checkNotice, type NoticeRule } from '../../rules/notice-periods.ts';
import { exceptionsOf, privateNoticesOf } from './exception.repository.ts';
import { firstNoticeDate, type EarliestListing } from './first-notice.ts';
import { noticeInputsFor } from './notice-inputs.ts';

export interface NoticeBreach {
  decisionId: number;
  title: string;
  /** As printed; null until publication gives it one. */
  reference: string | null;
  rule: NoticeRule;
  /** Null when nothing on record allows the decision at all (no plan, no notice, no exception). */
  earliestLawfulDate: string | null;
  message: string;
}

/** Decisions that are not yet decided: drafts (the next plan's new entries), planned and deferred. */
async function undecided(db: Executor, onlyId: number | undefined) {
  let query = db.selectFrom('decisions');
  if (onlyId !== undefined) query = query.where('id', '=', onlyId);
  return query
    .select(['id', 'title', 'reference', 'reference_key', 'part', 'is_key', 'expected_date', 'expected_precision'])
    .where('status', 'in', ['draft', 'planned', 'deferred'])
    .where('part', '<>', 'non_key')
    .orderBy('expected_date', (ob) => ob.asc().nullsLast())
    .orderBy('id')
    .execute();
}

/** Each decision's first listing on a published plan (taken-notice.ts reads it too). */
export async function earliestListings(db: Executor, decisionIds: number[]): Promise<Map<number, EarliestListing>> {
  const listings = new Map<number, EarliestListing>();
  if (decisionIds.length === 0) return listings;
  const rows = await db
    .selectFrom('plan_entries')
    .innerJoin('plans', 'plans.id', 'plan_entries.plan_id')
    .select(['plan_entries.decision_id', 'plans.published_on', 'plan_entries.advertised'])
    .where('plan_entries.decision_id', 'in', decisionIds)
    .orderBy('plans.published_on')
    .execute();
  for (const row of rows) {
    if (!listings.has(row.decision_id)) listings.set(row.decision_id, { publishedOn: row.published_on, advertised: row.advertised });
  }
  return listings;
}

export interface NoticeCheckOptions {
  asIfPublishedOn?: string;
  /** How clear days count: the council's settings (deps.settings); calendar days when not given. */
  clearDays?: ClearDaysMode;
}

/**
 * Every undecided decision that breaks a notice rule of the 2012 Regulations, judged by its
 * first published plan, its exceptions (regulations 10 and 11) and its private notices
 * (regulation 5). A decision on no plan yet is judged as if the next plan were published on
 * `asIfPublishedOn` (publication passes the plan's date) or, by default, today.
 * Works on a transaction too, so publication can check inside its own.
 */
export async function noticeBreaches(db: Executor, clock: Clock, options: NoticeCheckOptions = {}): Promise<NoticeBreach[]> {
  const checks = await noticeChecks(db, clock, options);
    // A failed check always names the rule it breaks.
  return checks
    .filter((c) => !c.ok)
    .map((c) => ({ decisionId: c.decisionId, title: c.title, reference: c.reference, rule: c.rule!, earliestLawfulDate: c.earliestLawfulDate, message: c.message }));
}

export type NoticeCheckResult = Omit<NoticeBreach, 'rule'> & { ok: boolean; rule: NoticeRule | null };

/** Every check of every undecided decision (or of one), met or not: the staff decision page shows them all. */
export async function noticeChecks(
  db: Executor,
  clock: Clock,
  options: NoticeCheckOptions & { decisionId?: number } = {},
): Promise<NoticeCheckResult[]> {
  const nextPlanOn = options.asIfPublishedOn ?? today(clock);
  if (!isIsoDate(nextPlanOn)) throw new RangeError(`asIfPublishedOn must be a date written YYYY-MM-DD, not ${JSON.stringify(nextPlanOn)}`);
  const decisions = await undecided(db, options.decisionId);
  const ids = decisions.map((d) => d.id);
  const [listings, exceptions, privateNotices] = await Promise.all([
    earliestListings(db, ids),
    exceptionsOf(db, ids),
    privateNoticesOf(db, ids),
  ]);

  const exceptionsByDecision = groupBy(exceptions, (e) => e.decision_id);
  const noticesByDecision = groupBy(privateNotices, (n) => n.decision_id);
  const results: NoticeCheckResult[] = [];
  for (const decision of decisions) {
    const firstPublishedOn = firstNoticeDate(listings.get(decision.id) ?? null, decision.reference_key, nextPlanOn);
    const inputs = noticeInputsFor(
      { part: decision.part, isKey: decision.is_key, expectedDate: decision.expected_date, expectedPrecision: decision.expected_precision },
      firstPublishedOn,
      exceptionsByDecision.get(decision.id) ?? [],
      noticesByDecision.get(decision.id)?.[0]?.intention_published_on ?? null,
    );
    for (const input of inputs) {
      const check = checkNotice(input, options.clearDays);
      results.push({
        decisionId: decision.id,
        title: decision.title,
        reference: decision.reference,
        ok: check.ok,
        rule: check.rule,
        earliestLawfulDate: check.earliestLawfulDate,
        message: check.message,
      });
    }
  }
  return results;
}
