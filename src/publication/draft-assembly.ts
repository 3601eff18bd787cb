/*
 * Which decisions the next plan lists, in which part, new or previously advertised, in what
 * order, and how each entry reads. Pure: the repository gathers the facts, this decides.
 *
 * - Parts 1–3 hold every live decision (planned or deferred) and every draft: a draft goes into
 *   the next plan as soon as it exists, there is no "hold back" flag. A decision with no expected
 *   date yet cannot be printed (the plan's date column, and its notice period, need one), so it
 *   is held back and the preview says so.
 * - Part 4 holds key decisions taken under a regulation 10 or 11 exception since the previous
 *   plan (on or after its date) that no earlier plan's Part 4 listed.
 * - Previously advertised: the decision appeared in any earlier published plan.
 * - Within each part, new entries then previously advertised ones, each by expected date, then
 *   reference, then title.
 */
import type { DecisionStatus, Part } from '../decisions/decisions.tables.ts';
import type { PlanEntryTable } from '../plans/plans.tables.ts';
import { canonicalReference } from '../decisions/key-reference.ts';
import { referenceDate } from '../decisions/staff/first-notice.ts';
import { cleanText } from '../lib/text.ts';
import { nextKeyReferences } from '../rules/new-key-references.ts';
import type { ClearDaysMode } from '../rules/clear-days.ts';
import { keyDecisionsFrom } from '../rules/notice-periods.ts';
import type { DecisionFacts, PublicationHistory } from './draft-facts.ts';
import {
  committeesText,
  decisionMakerText,
  documentsText,
  expectedDateText,
  takenDateText,
  wardsText,
} from './snapshot-text.ts';
import { PARTS } from '../decisions/labels.ts';

export type EntrySnapshot = Omit<PlanEntryTable, 'id' | 'plan_id' | 'decision_id' | 'part' | 'advertised' | 'position'>;

export interface DraftEntry {
  decisionId: number;
  part: Part;
  advertised: 'new' | 'previous';
  position: number;
  /** The reference this publication gives the decision, which had none; null otherwise. */
  newReference: string | null;
  statusBefore: DecisionStatus;
  snapshot: EntrySnapshot;
}

export interface HeldBack {
  decisionId: number;
  title: string;
  reason: string;
}

export interface Draft {
  publishedOn: string;
  keyDecisionsFrom: string;
  /** In plan order: Part 1 new, Part 1 previously advertised, Part 2 new, … */
  entries: DraftEntry[];
  heldBack: HeldBack[];
}

const LIVE: readonly DecisionStatus[] = ['draft', 'planned', 'deferred'];

/** `clearDays`: how the council counts clear days, which sets the plan's "key decisions from" date. */
export function assembleDraft(publishedOn: string, decisions: DecisionFacts[], history: PublicationHistory, clearDays: ClearDaysMode = 'calendar'): Draft {
  const entries: Omit<DraftEntry, 'position' | 'newReference'>[] = [];
  const heldBack: HeldBack[] = [];
  for (const decision of decisions) {
    if (LIVE.includes(decision.status)) {
      const { date, precision } = decision.expected;
      if (date === null || precision === null) {
        heldBack.push({ decisionId: decision.id, title: decision.title, reason: 'It has no expected date yet.' });
        continue;
      }
      // 'urgent' names Part 4, which only reports decisions already taken: a live one is a key decision to come.
      const part: Part = decision.part === 'urgent' ? 'key' : decision.part;
      entries.push({
        decisionId: decision.id,
        part,
        advertised: history.listings.has(decision.id) ? 'previous' : 'new',
        statusBefore: decision.status,
        snapshot: snapshotOf(decision, part, {
          date,
          precision,
          text: expectedDateText({ ...decision.expected, date, precision }, publishedOn),
        }),
      });
    } else if (belongsInPart4(decision, publishedOn, history)) {
      const taken = decision.taken!;
      entries.push({
        decisionId: decision.id,
        part: 'urgent',
        advertised: 'new',
        statusBefore: decision.status,
        snapshot: {
          ...snapshotOf(decision, 'urgent', { date: taken.on, precision: 'day', text: takenDateText(taken.on) }),
          decision_maker: cleanText(taken.decisionMaker) || decisionMakerText(decision.maker),
        },
      });
    }
  }
  const keyFrom = keyDecisionsFrom(publishedOn, clearDays);
  const ordered = inPlanOrder(entries);
  return {
    publishedOn,
    keyDecisionsFrom: keyFrom,
    entries: withNewReferences(ordered, decisions, keyFrom, history.usedReferences),
    heldBack,
  };
}

function belongsInPart4(decision: DecisionFacts, publishedOn: string, history: PublicationHistory): boolean {
  if (decision.status !== 'taken' || !decision.taken || !decision.isKey) return false;
  if (!decision.exceptions.some((e) => e.regulation === 10 || e.regulation === 11)) return false;
  const since = history.previousPlan?.publishedOn;
  if (decision.taken.on > publishedOn || (since !== undefined && decision.taken.on < since)) return false;
  return !history.listings.get(decision.id)?.listedInPart4;
}

function snapshotOf(
  decision: DecisionFacts,
  part: Part,
  expected: { date: string; precision: 'day' | 'month'; text: string },
): EntrySnapshot {
  return {
    reference: cleanText(decision.reference ?? ''),
    title: cleanText(decision.title),
    description: cleanText(decision.description),
    decision_maker: decisionMakerText(decision.maker),
    expected_date_text: expected.text,
    expected_date: expected.date,
    expected_precision: expected.precision,
    scrutiny_committee: committeesText(decision.committees),
    wards: wardsText(decision.wards),
    consultation: cleanText(decision.consultation),
    contacts: cleanText(decision.contacts),
    directorate: cleanText(decision.directorate),
    documents: documentsText(part, decision.documents, decision.exemption),
  };
}

/** Sorts and numbers the entries within each part and advertised group. */
function inPlanOrder(entries: Omit<DraftEntry, 'position' | 'newReference'>[]): Omit<DraftEntry, 'newReference'>[] {
  const groupRank = (e: { part: Part; advertised: string }) => PARTS.indexOf(e.part) * 2 + (e.advertised === 'new' ? 0 : 1);
  const sorted = [...entries].sort(
    (a, b) =>
      groupRank(a) - groupRank(b) ||
      compareText(a.snapshot.expected_date ?? '', b.snapshot.expected_date ?? '') ||
      compareReferences(a.snapshot.reference, b.snapshot.reference) ||
      compareText(a.snapshot.title.toLowerCase(), b.snapshot.title.toLowerCase()) ||
      a.decisionId - b.decisionId,
  );
  const counters = new Map<number, number>();
  return sorted.map((entry) => {
    const group = groupRank(entry);
    const position = (counters.get(group) ?? 0) + 1;
    counters.set(group, position);
    return { ...entry, position };
  });
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** Entries with a reference come first, oldest series first (KEY/3JUL23/01 before KEY/12FEB24/01), then by number. */
function compareReferences(a: string, b: string): number {
  if (a === '' || b === '') return (a === '' ? 1 : 0) - (b === '' ? 1 : 0);
  return compareText(referenceSortKey(a), referenceSortKey(b));
}

function referenceSortKey(reference: string): string {
  const canonical = canonicalReference(reference);
  const sequence = /\/(\d+)$/.exec(canonical)?.[1] ?? '';
  return `${referenceDate(canonical) ?? '9999-99-99'}|${sequence.padStart(6, '0')}|${canonical}`;
}

/**
 * Key decisions without a reference get the next ones of this plan's series, in plan order:
 * Part 1 entries, and Part 2 entries that are key decisions.
 */
function withNewReferences(
  entries: Omit<DraftEntry, 'newReference'>[],
  decisions: DecisionFacts[],
  keyFrom: string,
  used: Set<string>,
): DraftEntry[] {
  const isKey = new Map(decisions.map((d) => [d.id, d.isKey]));
  const needing = entries.filter(
    (e) => e.snapshot.reference === '' && (e.part === 'key' || (e.part === 'private' && isKey.get(e.decisionId) === true)),
  );
  const references = nextKeyReferences(keyFrom, used, needing.length);
  const given = new Map(needing.map((e, i) => [e, references[i]!]));
  return entries.map((entry) => {
    const reference = given.get(entry) ?? null;
    return reference === null
      ? { ...entry, newReference: null }
      : { ...entry, newReference: reference, snapshot: { ...entry.snapshot, reference } };
  });
}
