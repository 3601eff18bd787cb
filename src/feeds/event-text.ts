import type { DecisionEventKind, Part } from '../decisions/decisions.tables.ts';
import { PART_LABELS, expectedDateLabel } from '../decisions/labels.ts';
import { formatLongDate, isIsoDate } from '../lib/dates.ts';
import { noticeEventOf, noticeEventText, type NoticeKind } from '../decisions/notices/notice-kinds.ts';

/** One event as the feeds tell it: a headline for the title, a sentence, and any recorded outcome. */
export interface EventText {
  headline: string;
  sentence: string;
  /** Labelled facts from the event's details (an outcome summary, a reason). */
  facts: { label: string; text: string }[];
  /** The published decision notice, when one was recorded. */
  noticeUrl?: string | undefined;
  /** A regulation 10, 11 or 5 notice published: which, so the entry links to its page. */
  publicNotice?: NoticeKind | undefined;
}

export interface EventInput {
  kind: DecisionEventKind;
  details: Record<string, unknown>;
  planPublishedOn: string | null;
}

type Details = Record<string, unknown>;

/**
 * The first non-empty text under any of the names given. Only the names listed in this file
 * are ever read from an event's details, so nothing else stored there reaches a feed.
 */
function textOf(details: Details, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = details[name];
    if (typeof value === 'string' && value.trim() !== '') return value.trim();
  }
  return undefined;
}

function partOf(value: unknown): Part | undefined {
  return typeof value === 'string' && value in PART_LABELS ? (value as Part) : undefined;
}

function dateLabel(value: unknown): string | undefined {
  if (!value || typeof value !== 'object') return undefined;
  const { date, precision, text } = value as { date?: unknown; precision?: unknown; text?: unknown };
  if (typeof date === 'string' && isIsoDate(date)) return expectedDateLabel(date, precision === 'month' ? 'month' : 'day');
  if (typeof text === 'string' && text.trim() !== '') return text.trim();
  return date === null ? 'not yet known' : undefined;
}

function newDateOf(details: Details): string | undefined {
  const to = dateLabel(details.to);
  if (to) return to;
  const date = textOf(details, 'newExpectedDate', 'new_expected_date');
  if (!date || !isIsoDate(date)) return undefined;
  const precision = textOf(details, 'newExpectedPrecision', 'new_expected_precision');
  return expectedDateLabel(date, precision === 'month' ? 'month' : 'day');
}

function inPlan(planPublishedOn: string | null): string {
  return planPublishedOn ? ` in the plan published ${formatLongDate(planPublishedOn)}` : '';
}

function onDate(details: Details): string {
  const date = textOf(details, 'takenOn', 'occurredOn', 'occurred_on', 'date');
  return date && isIsoDate(date) ? ` on ${formatLongDate(date)}` : '';
}

function httpUrl(value: string | undefined): string | undefined {
  return value && /^https?:\/\/[^\s]+$/i.test(value) ? value : undefined;
}

export function describeEvent({ kind, details, planPublishedOn }: EventInput): EventText {
  switch (kind) {
    case 'advertised': {
      const part = partOf(details.part);
      const where = planPublishedOn ? `in the Forward Plan published ${formatLongDate(planPublishedOn)}` : 'in the Forward Plan';
      return { headline: 'First advertised', sentence: `First advertised ${where}${part ? `, in ${PART_LABELS[part].long}` : ''}.`, facts: [] };
    }
    case 'date_changed': {
      const from = dateLabel(details.from);
      const to = dateLabel(details.to);
      return {
        headline: to ? `Expected date changed to ${to}` : 'Expected date changed',
        sentence: `The expected date changed${from ? ` from ${from}` : ''}${to ? ` to ${to}` : ''}${inPlan(planPublishedOn)}.`,
        facts: [],
      };
    }
    case 'part_changed': {
      const from = partOf(details.from);
      const to = partOf(details.to);
      return {
        headline: to ? `Moved to ${PART_LABELS[to].long}` : 'Moved to another part of the plan',
        sentence: `Moved${from ? ` from ${PART_LABELS[from].long}` : ''}${to ? ` to ${PART_LABELS[to].long}` : ''}${inPlan(planPublishedOn)}.`,
        facts: [],
      };
    }
    case 'deferred': {
      const to = newDateOf(details);
      const reason = textOf(details, 'reason', 'reasons');
      return {
        headline: to ? `Deferred to ${to}` : 'Deferred',
        sentence: `The decision was deferred${to ? `; it is now expected ${/^\d/.test(to) ? 'on' : 'in'} ${to}` : ''}.`,
        facts: reason ? [{ label: 'Reason', text: reason }] : [],
      };
    }
    case 'taken': {
      const urgent = partOf(details.part) === 'urgent' || partOf(details.to) === 'urgent';
      const summary = textOf(details, 'summary', 'outcome');
      const takenBy = textOf(details, 'decisionMaker', 'decision_maker');
      return {
        headline: urgent ? 'Taken under urgency' : 'Taken',
        sentence: urgent
          ? `Taken under the urgency procedures${onDate(details)}, and listed in ${PART_LABELS.urgent.long}${inPlan(planPublishedOn)}.`
          : `The decision was taken${onDate(details)}.`,
        facts: [
          ...(summary ? [{ label: 'Decision', text: summary }] : []),
          ...(takenBy ? [{ label: 'Taken by', text: takenBy }] : []),
        ],
        noticeUrl: httpUrl(textOf(details, 'noticeUrl', 'notice_url')),
      };
    }
    case 'withdrawn': {
      const reason = textOf(details, 'reason', 'withdrawalReason', 'withdrawal_reason');
      return {
        headline: 'Withdrawn',
        sentence: `The decision was withdrawn${onDate(details)}.`,
        facts: reason ? [{ label: 'Reason', text: reason }] : [],
      };
    }
    case 'notice_published': {
      // Only the notice, its stage and its date are read; the notice's text is on its page.
      const notice = noticeEventOf(details);
      if (!notice) return { headline: 'Notice published', sentence: 'A notice about this decision was published.', facts: [] };
      return { ...noticeEventText(notice), facts: [], publicNotice: notice.notice };
    }
  }
}
