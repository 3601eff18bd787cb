import type { DatePrecision, DecisionEventKind, Part } from './decisions.tables.ts';
import type { Executor } from '../db/executor.ts';
import { findDecisionById, findDecisionPage, findDecisions, findDecisionsByIds, publicHistoryOf } from './decision.repository.ts';
import { toPublicDecision, type PublicDecision } from './decision.view.ts';
import type { DecisionFilters, Paging } from './filters.ts';
import { publicChanges, toPublicOutcome, type PublicChange, type PublicOutcome } from './public-history.ts';
import { finalOutcomeOf } from './staff/outcome.repository.ts';
import type { NoticeKind } from './notices/notice-kinds.ts';
import { noticeRecordsOf, publicNoticeIndex } from './notices/notice.repository.ts';
import { noticeDatesOf, noticeLinks, noticeListItems, toPublicNotice, type NoticeLink, type NoticeListItem, type PublicNotice } from './notices/public-notice.view.ts';
import type { ClearDaysMode } from '../rules/clear-days.ts';
import { toDecisionNotice, type PublicDecisionNotice } from './decision-notice.ts';
import type { CallInRules } from '../rules/call-in.ts';

import { DEFAULT_COUNCIL_SETTINGS } from '../reference-data/council-settings.ts';

/** For callers that pass no settings (tests of the read model alone): the settings' own defaults. */
const DEFAULT_CALL_IN: CallInSettings = DEFAULT_COUNCIL_SETTINGS.callIn;

/*
 * The read model of a public decision, built here and only here. The pages, the JSON API, the
 * feeds, the alerts and the comment form all take their PublicDecision (and the decision page and
 * API their PublicRecord) from these functions, so a field added or withheld changes everywhere
 * at once, and drafts are left out in one place. The published plans and their outputs (PDF, CSV,
 * JSON) are the other public shape, PlanView: the snapshot as printed, never today's data.
 */

/** One published plan's listing of a decision, as its history table and the API show it. */
export interface PlanListing {
  publishedOn: string;
  part: Part;
  advertised: 'new' | 'previous';
  expectedDate: { date: string | null; precision: DatePrecision | null; asPrinted: string };
}

export interface PublicEventView {
  id: number;
  kind: DecisionEventKind;
  occurredAt: string;
  /** The plan that recorded it, when a publication did. */
  plan: string | null;
  details: Record<string, unknown>;
}

export interface PublicHistory {
  firstAdvertised: string | null;
  plans: PlanListing[];
  events: PublicEventView[];
}

/** Everything public about one decision: the decision page and /api/v1/decisions/:id. */
export interface PublicRecord {
  decision: PublicDecision;
  outcome: PublicOutcome | null;
  history: PublicHistory;
  /** The history in words: date and part moves, notices published, the outcome. */
  changes: PublicChange[];
  /** Its regulation 10, 11 and 5 notices published by today, in the order of the Regulations. */
  notices: NoticeLink[];
  /** Once taken: the decision notice of regulations 12 and 13, with its call-in statement. */
  decisionNotice: PublicDecisionNotice | null;
}

interface ListingRow {
  published_on: string;
  part: Part;
  advertised: 'new' | 'previous';
  expected_date: string | null;
  expected_precision: DatePrecision | null;
  expected_date_text: string;
}

export function toPlanListing(row: ListingRow): PlanListing {
  return {
    publishedOn: row.published_on,
    part: row.part,
    advertised: row.advertised,
    expectedDate: { date: row.expected_date, precision: row.expected_precision, asPrinted: row.expected_date_text },
  };
}

export async function publicDecisionPage(db: Executor, filters: DecisionFilters, paging: Paging): Promise<{ items: PublicDecision[]; total: number }> {
  const { rows, total } = await findDecisionPage(db, filters, paging);
  return { items: rows.map(toPublicDecision), total };
}

export async function publicDecision(db: Executor, id: number): Promise<PublicDecision | undefined> {
  const row = await findDecisionById(db, id);
  return row && row.status !== 'draft' ? toPublicDecision(row) : undefined;
}

/** The first `cap` public decisions of a filter, in date order, without counting them all (the calendar). */
export async function publicDecisionsUpTo(db: Executor, filters: DecisionFilters, cap: number): Promise<PublicDecision[]> {
  return (await findDecisions(db, filters, { page: 1, limit: cap })).map(toPublicDecision);
}

/** Several decisions in one query, by id; drafts are left out. */
export async function publicDecisionsByIds(db: Executor, ids: number[]): Promise<Map<number, PublicDecision>> {
  if (ids.length === 0) return new Map();
  const rows = (await findDecisionsByIds(db, ids)).filter((row) => row.status !== 'draft');
  return new Map(rows.map((row) => [row.id, toPublicDecision(row)]));
}

/** `today`: a notice is public once its recorded publication date has come. */
export async function publicHistory(db: Executor, id: number, today: string): Promise<{ history: PublicHistory; changes: PublicChange[]; notices: NoticeLink[]; urgent: boolean }> {
  const found = await publicHistoryOf(db, id);
  // Inside JSON a timestamp arrives as text and a bigint as a number: both are made ISO and Number.
  const events = found.events.map((e) => ({ ...e, id: Number(e.id), occurred_at: new Date(e.occurred_at).toISOString() }));
  const plans = found.plans.map(toPlanListing);
  return {
    history: {
      firstAdvertised: plans[0]?.publishedOn ?? null,
      plans,
      events: events.map((e) => ({ id: e.id, kind: e.kind, occurredAt: e.occurred_at, plan: e.plan_published_on, details: e.details })),
    },
    changes: publicChanges(events),
    notices: noticeLinks(id, noticeDatesOf(found.exceptions, found.privateNotices), today),
    urgent: found.exceptions.some((e) => e.regulation === 11),
  };
}

/** The council's call-in settings, as the decision notice states them. */
export type CallInSettings = CallInRules & { membersRequired: number };

/** The whole public record of a decision, or undefined for a draft or an unknown id. */
/** `callIn` is asked for only when the decision has been taken: the settings are a query of their own when not cached. */
export async function publicRecord(db: Executor, id: number, today: string, callIn: () => Promise<CallInSettings> = async () => DEFAULT_CALL_IN): Promise<PublicRecord | undefined> {
  const [decision, { history, changes, notices, urgent }, outcome] = await Promise.all([publicDecision(db, id), publicHistory(db, id, today), finalOutcomeOf(db, id)]);
  if (!decision) return undefined;
  const decisionNotice =
    outcome?.kind === 'taken'
      ? toDecisionNotice(
          {
            decisionId: id,
            recordedAt: outcome.recorded_at,
            conflictsOfInterest: outcome.conflicts_of_interest,
            dispensations: outcome.dispensations,
            makerKind: decision.decisionMaker.kind,
            urgent: urgent || decision.part === 'urgent',
          },
          await callIn(),
        )
      : null;
  return { decision, outcome: toPublicOutcome(outcome), history, changes, notices, decisionNotice };
}

/** The API's JSON of one decision: the same record the page renders. */
export function recordJson(record: PublicRecord) {
  return { ...record.decision, outcome: record.outcome, history: record.history, notices: record.notices, decisionNotice: record.decisionNotice };
}

/** One notice of a public decision, once published by `today`; undefined otherwise (a draft's, a date to come). */
export async function publicNotice(db: Executor, kind: NoticeKind, id: number, today: string, clearDays: ClearDaysMode = 'calendar'): Promise<PublicNotice | undefined> {
  const [decision, records] = await Promise.all([publicDecision(db, id), noticeRecordsOf(db, id)]);
  return decision ? toPublicNotice(kind, decision, records, today, clearDays) : undefined;
}

/** The notices of public decisions published by `today`, of the kinds asked for (all when none), newest first, a page of them. */
export async function publicNoticePage(db: Executor, kinds: NoticeKind[], paging: Paging, today: string): Promise<{ items: NoticeListItem[]; total: number }> {
  const all = noticeListItems(await publicNoticeIndex(db), today).filter((n) => kinds.length === 0 || kinds.includes(n.kind));
  const start = (paging.page - 1) * paging.limit;
  return { items: all.slice(start, start + paging.limit), total: all.length };
}
