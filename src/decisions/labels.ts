import type { DecisionStatus, Part } from './decisions.tables.ts';
import { formatLongDate, formatMonth } from '../lib/dates.ts';

/** The plan's four parts, in the order it prints them. */
export const PARTS: readonly Part[] = ['key', 'private', 'non_key', 'urgent'];

export const PART_LABELS: Record<Part, { short: string; long: string; number: number }> = {
  key: { number: 1, short: 'Key decision', long: 'Part 1 – Key decisions' },
  private: { number: 2, short: 'To be taken in private', long: 'Part 2 – Notice of intention to take decisions in private' },
  non_key: { number: 3, short: 'Non-key decision', long: 'Part 3 – Non-key decisions' },
  urgent: { number: 4, short: 'Key decision taken under urgency', long: 'Part 4 – Key decisions taken under urgency procedures' },
};

export const STATUS_LABELS: Record<DecisionStatus, string> = {
  draft: 'Draft',
  planned: 'Planned',
  deferred: 'Deferred',
  taken: 'Taken',
  withdrawn: 'Withdrawn',
};

/** How an expected date reads: a day, or only a month (never dressed up as a particular day). */
export function expectedDateLabel(date: string | null, precision: string | null, note = ''): string {
  if (!date) return 'Not yet known';
  const base = precision === 'month' ? formatMonth(date) : formatLongDate(date);
  return note ? `${base} (${note})` : base;
}

export const SCHEDULE_12A: Record<number, string> = {
  1: 'Information relating to any individual',
  2: 'Information which is likely to reveal the identity of an individual',
  3: 'Information relating to the financial or business affairs of any particular person (including the authority holding that information)',
  4: 'Information relating to any consultations or negotiations, or contemplated consultations or negotiations, in connection with any labour relations matter',
  5: 'Information in respect of which a claim to legal professional privilege could be maintained in legal proceedings',
  6: 'Information which reveals that the authority proposes to give a notice or make an order or direction under any enactment',
  7: 'Information relating to any action taken or to be taken in connection with the prevention, investigation or prosecution of crime',
};
