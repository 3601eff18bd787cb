import type { DecisionEventKind, Part } from '../decisions/decisions.tables.ts';
import type { PublicDecision } from '../decisions/decision.view.ts';
import { PART_LABELS, expectedDateLabel } from '../decisions/labels.ts';
import { noticeEventOf, noticeEventText, noticeUrl } from '../decisions/notices/notice-kinds.ts';

/*
 * What happened to a decision, in one sentence for an alert. Only the event's kind and the
 * public plan's own values (printed dates, parts) are read from its details; everything else
 * comes from the PublicDecision, so nothing exempt or staff-only can reach an email.
 */

interface PrintedDate {
  date: string | null;
  precision: string | null;
}

function printedDate(value: unknown): PrintedDate | undefined {
  if (typeof value !== 'object' || value === null) return undefined;
  const { date, precision } = value as Record<string, unknown>;
  if (date !== null && typeof date !== 'string') return undefined;
  return { date: date ?? null, precision: typeof precision === 'string' ? precision : null };
}

function partLabel(value: unknown): string | undefined {
  return typeof value === 'string' && value in PART_LABELS ? PART_LABELS[value as Part].long : undefined;
}

export function describeEvent(kind: DecisionEventKind, details: Record<string, unknown>, decision: PublicDecision): string {
  switch (kind) {
    case 'advertised':
      return `Added to the Forward Plan (${decision.partLabel.toLowerCase()}), expected ${decision.expectedDate.label}.`;
    case 'date_changed': {
      const from = printedDate(details.from);
      const to = printedDate(details.to);
      if (from && to) {
        return `Expected date moved from ${expectedDateLabel(from.date, from.precision)} to ${expectedDateLabel(to.date, to.precision)}.`;
      }
      return `Expected date changed: now ${decision.expectedDate.label}.`;
    }
    case 'part_changed': {
      const from = partLabel(details.from);
      const to = partLabel(details.to);
      return from && to ? `Moved from ${from} to ${to}.` : `Now listed as: ${decision.partLabel}.`;
    }
    case 'deferred':
      return `Deferred: now expected ${decision.expectedDate.label}.`;
    case 'taken':
      return decision.part === 'urgent' ? 'Decision taken under the urgency procedures.' : 'Decision taken.';
    case 'withdrawn':
      return 'Withdrawn: this decision will no longer be taken.';
    case 'notice_published': {
      const notice = noticeEventOf(details);
      return notice ? noticeEventText(notice).sentence : 'A notice about this decision was published.';
    }
  }
}

/** Where an alert's item leads: a published notice's own page, otherwise the decision's. */
export function eventPath(kind: DecisionEventKind, details: Record<string, unknown>, decision: PublicDecision): string {
  const notice = kind === 'notice_published' ? noticeEventOf(details) : undefined;
  return notice ? noticeUrl(notice.notice, decision.id) : decision.url;
}
