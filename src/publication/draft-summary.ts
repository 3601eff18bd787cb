import type { Part } from '../decisions/decisions.tables.ts';
import { PART_LABELS, PARTS } from '../decisions/labels.ts';
import { formatLongDate } from '../lib/dates.ts';
import { type Draft } from './draft-assembly.ts';
import type { DraftChanges } from './draft-changes.ts';
import type { DraftBreach } from './notice-check.ts';

export interface DraftSummary {
  publishedOn: string;
  keyDecisionsFrom: string;
  byPart: Record<Part, { new: number; previous: number }>;
  entries: number;
  newEntries: number;
  carriedOver: number;
  newReferences: string[];
  removed: number;
  heldBack: number;
  breaches: number;
}

export function summariseDraft(draft: Draft, changes: DraftChanges, breaches: DraftBreach[]): DraftSummary {
  const byPart = Object.fromEntries(PARTS.map((part) => [part, { new: 0, previous: 0 }])) as DraftSummary['byPart'];
  for (const entry of draft.entries) byPart[entry.part][entry.advertised] += 1;
  const newEntries = draft.entries.filter((e) => e.advertised === 'new').length;
  return {
    publishedOn: draft.publishedOn,
    keyDecisionsFrom: draft.keyDecisionsFrom,
    byPart,
    entries: draft.entries.length,
    newEntries,
    carriedOver: draft.entries.length - newEntries,
    newReferences: draft.entries.flatMap((e) => (e.newReference ? [e.newReference] : [])),
    removed: changes.removed.length,
    heldBack: draft.heldBack.length,
    breaches: breaches.length,
  };
}

/** The summary as plain text lines: the CLI prints them and the schedule's email sends them. */
export function summaryLines(summary: DraftSummary, breaches: DraftBreach[]): string[] {
  const lines = [
    `Plan dated ${formatLongDate(summary.publishedOn)}, key decisions from ${formatLongDate(summary.keyDecisionsFrom)}.`,
    `${summary.entries} entries: ${summary.newEntries} new, ${summary.carriedOver} carried over (previously advertised).`,
    ...PARTS.map((part) => {
      const { new: fresh, previous } = summary.byPart[part];
      return `  ${PART_LABELS[part].long}: ${fresh + previous} (${fresh} new, ${previous} previously advertised)`;
    }),
  ];
  if (summary.newReferences.length > 0) lines.push(`New references: ${summary.newReferences.join(', ')}.`);
  if (summary.removed > 0) lines.push(`${summary.removed} entr${summary.removed === 1 ? 'y' : 'ies'} of the previous plan no longer listed.`);
  if (summary.heldBack > 0) lines.push(`${summary.heldBack} decision${summary.heldBack === 1 ? '' : 's'} held back: no expected date yet.`);
  if (breaches.length === 0) {
    lines.push('Rule breaches: none.');
  } else {
    lines.push(`Rule breaches: ${breaches.length}. The plan cannot be published until each is put right:`);
    for (const b of breaches) lines.push(`  - ${breachLine(b)}`, `    ${b.message}`);
  }
  return lines;
}

export function breachLine(b: DraftBreach): string {
  const earliest = b.earliestLawfulDate ? `earliest lawful date ${formatLongDate(b.earliestLawfulDate)}` : 'no lawful date yet';
  return `${b.title}${b.reference ? ` (${b.reference})` : ''} breaks ${b.ruleLabel}; ${earliest}.`;
}
