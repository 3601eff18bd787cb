/*
 * What the draft changes since the previous plan, for the preview: what is new, which dates
 * moved, which entries changed part or wording, and what has gone and why.
 */
import type { Part } from '../decisions/decisions.tables.ts';
import type { PlanEntryRow } from '../plans/plans.tables.ts';
import { PART_LABELS } from '../decisions/labels.ts';
import { formatLongDate } from '../lib/dates.ts';
import type { Draft, DraftEntry, EntrySnapshot } from './draft-assembly.ts';
import type { DecisionFacts, PublicationHistory } from './draft-facts.ts';

export type EntryChange =
  | { kind: 'new'; text: string }
  | { kind: 'returned'; text: string }
  | { kind: 'date_moved'; text: string; from: string; to: string }
  | { kind: 'part_changed'; text: string; from: Part; to: Part }
  | { kind: 'reference'; text: string }
  | { kind: 'wording'; text: string; fields: string[] };

export interface RemovedEntry {
  decisionId: number;
  title: string;
  reference: string;
  part: Part;
  reason: string;
}

export interface DraftChanges {
  /** Keyed by decision id; only entries that changed. */
  byDecision: Record<number, EntryChange[]>;
  removed: RemovedEntry[];
  previousPublishedOn: string | null;
}

const WORDING_FIELDS: [keyof EntrySnapshot, string][] = [
  ['title', 'title'],
  ['description', 'decision required'],
  ['decision_maker', 'decision maker'],
  ['scrutiny_committee', 'scrutiny committee'],
  ['wards', 'wards'],
  ['consultation', 'consultation'],
  ['contacts', 'contacts'],
  ['directorate', 'directorate'],
  ['documents', 'documents'],
];

export function changesSincePrevious(draft: Draft, decisions: Map<number, DecisionFacts>, history: PublicationHistory): DraftChanges {
  const previous = history.previousPlan;
  const before = new Map((previous?.entries ?? []).map((e) => [e.decision_id, e]));
  const byDecision: Record<number, EntryChange[]> = {};
  for (const entry of draft.entries) {
    const changes = entryChanges(entry, before.get(entry.decisionId), history);
    if (changes.length > 0) byDecision[entry.decisionId] = changes;
  }
  const listed = new Set(draft.entries.map((e) => e.decisionId));
  const removed = (previous?.entries ?? [])
    .filter((e) => !listed.has(e.decision_id))
    .map((e) => ({
      decisionId: e.decision_id,
      title: e.title,
      reference: e.reference,
      part: e.part,
      reason: removalReason(e, decisions.get(e.decision_id), draft),
    }));
  return { byDecision, removed, previousPublishedOn: previous?.publishedOn ?? null };
}

function entryChanges(entry: DraftEntry, before: PlanEntryRow | undefined, history: PublicationHistory): EntryChange[] {
  const changes: EntryChange[] = [];
  if (entry.newReference) changes.push({ kind: 'reference', text: `Given the reference ${entry.newReference}` });
  if (!before) {
    if (entry.part === 'urgent') {
      changes.push({ kind: 'new', text: `New in ${PART_LABELS.urgent.long}: taken on ${entry.snapshot.expected_date_text}` });
    } else if (entry.advertised === 'new') {
      changes.push({ kind: 'new', text: 'New: first time on a plan' });
    } else {
      const first = history.listings.get(entry.decisionId)?.firstListedOn;
      changes.push({ kind: 'returned', text: `Back on the plan (first listed ${first ? formatLongDate(first) : 'earlier'}, not in the previous plan)` });
    }
    return changes;
  }
  if (before.part !== entry.part) {
    const taken = entry.part === 'urgent' ? `: taken under urgency on ${entry.snapshot.expected_date_text}` : '';
    changes.push({
      kind: 'part_changed',
      text: `Moved from ${PART_LABELS[before.part].long} to ${PART_LABELS[entry.part].long}${taken}`,
      from: before.part,
      to: entry.part,
    });
  }
  // In Part 4 the date column is the date taken, not a move of the expected date.
  const dateCounts = entry.part !== 'urgent' || before.part === 'urgent';
  if (dateCounts && (before.expected_date !== entry.snapshot.expected_date || before.expected_precision !== entry.snapshot.expected_precision)) {
    const from = before.expected_date_text;
    const to = entry.snapshot.expected_date_text;
    changes.push({ kind: 'date_moved', text: `Date moved: ${from} → ${to}`, from, to });
  }
  const fields = WORDING_FIELDS.filter(([field]) => before[field] !== entry.snapshot[field]).map(([, label]) => label);
  if (fields.length > 0) changes.push({ kind: 'wording', text: `Wording changed: ${fields.join(', ')}`, fields });
  return changes;
}

function removalReason(entry: PlanEntryRow, decision: DecisionFacts | undefined, draft: Draft): string {
  if (decision?.status === 'withdrawn') {
    const on = decision.withdrawn ? ` on ${formatLongDate(decision.withdrawn.on)}` : '';
    return `Withdrawn${on}${decision.withdrawn?.reason ? `: ${decision.withdrawn.reason}` : ''}.`;
  }
  if (entry.part === 'urgent') return 'Listed in Part 4 of the previous plan (taken under urgency); Part 4 lists only decisions taken since the plan before it.';
  if (decision?.status === 'taken') return `Taken${decision.taken ? ` on ${formatLongDate(decision.taken.on)}` : ''}.`;
  const held = draft.heldBack.find((h) => h.decisionId === entry.decision_id);
  if (held) return held.reason;
  return 'No longer a live decision.';
}
