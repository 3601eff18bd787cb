import { addDays, isIsoDate, MONTHS } from '../../lib/dates.ts';

/*
 * When the public was first told of a decision. Normally that is the first published plan that
 * listed it. But the first plan on record may list it as "previously advertised": an earlier
 * plan, not on record (the service started from an imported plan), gave the notice. A key
 * reference still proves how early: KEY/DDMONYY/NN carries the "key decisions from" date of the
 * plan that first advertised it, at least 28 clear days after that plan's publication.
 */

const CANONICAL_KEY = /^KEY\/(\d{2})([A-Z]{3})(\d{2})\/\d+$/;
/**
 * 28 clear days: the plan's day and the 28 days after it come before the first lawful day.
 * Calendar days whatever the council's settings say now: counted in working days the span is
 * longer, so the calendar span never puts the notice earlier than it was, however the plan that
 * printed the reference counted.
 */
const KEY_NOTICE_SPAN = 29;

/** The date a canonical reference stands for (KEY/25MAR24/01 → 2024-03-25); null when it has no year. */
export function referenceDate(referenceKey: string | null): string | null {
  const match = referenceKey ? CANONICAL_KEY.exec(referenceKey) : null;
  if (!match) return null;
  const [, day, month, year] = match as unknown as [string, string, string, string];
  const monthIndex = MONTHS.findIndex((m) => m.slice(0, 3).toUpperCase() === month);
  if (monthIndex === -1) return null;
  const iso = `20${year}-${String(monthIndex + 1).padStart(2, '0')}-${day}`;
  return isIsoDate(iso) ? iso : null;
}

export interface EarliestListing {
  publishedOn: string;
  advertised: 'new' | 'previous';
}

/**
 * The first notice on a published plan. With no plan yet, `notYetPublished` (the plan about to
 * be published, or today for the dashboard). With only a "previously advertised" listing and no
 * reference to date it by, the listing's own date: later than the truth, so a breach may be
 * reported that a look at the older plan would clear, but never a breach missed.
 */
export function firstNoticeDate(listing: EarliestListing | null, referenceKey: string | null, notYetPublished: string): string {
  if (!listing) return notYetPublished;
  if (listing.advertised === 'new') return listing.publishedOn;
  const lawfulFrom = referenceDate(referenceKey);
  if (!lawfulFrom) return listing.publishedOn;
  const provenBy = addDays(lawfulFrom, -KEY_NOTICE_SPAN);
  return provenBy < listing.publishedOn ? provenBy : listing.publishedOn;
}
