import type { DecisionEventKind, Part } from './decisions.tables.ts';
import { londonDateOf } from '../lib/clock.ts';
import { formatLongDate } from '../lib/dates.ts';
import { NOTICE_RULES, type NoticeRule } from '../rules/notice-periods.ts';
import { expectedDateLabel, PART_LABELS } from './labels.ts';
import { noticeEventOf, noticeEventText } from './notices/notice-kinds.ts';

/*
 * The public part of a decision's history, as residents read it on the decision page: moves of
 * the expected date, moves between parts of the plan, notices published, and the outcome. Built only from public
 * events and the public outcome record; staff notes and the audit log never reach it.
 */

export interface PublicEvent {
  id: number | string;
  kind: DecisionEventKind;
  occurred_at: string | Date;
  details: Record<string, unknown>;
}

export interface PublicChange {
  at: string;
  when: string;
  kind: DecisionEventKind;
  text: string;
}

interface DateDetail {
  date?: string | null;
  precision?: string | null;
  text?: string;
}

function dateText(detail: unknown): string {
  const d = (detail ?? {}) as DateDetail;
  return d.date ? expectedDateLabel(d.date, d.precision ?? null) : d.text || 'not known';
}

function partText(part: unknown): string {
  return PART_LABELS[part as Part]?.long ?? String(part);
}

export function describePublicEvent(event: PublicEvent): string | null {
  const d = event.details ?? {};
  switch (event.kind) {
    case 'date_changed':
      return `Expected date moved from ${dateText(d.from)} to ${dateText(d.to)}.`;
    case 'part_changed':
      return `Moved from ${partText(d.from)} to ${partText(d.to)}.`;
    case 'deferred':
      return `Deferred from ${dateText(d.from)} to ${dateText(d.to)}.${typeof d.reason === 'string' && d.reason ? ` ${d.reason}` : ''}`;
    case 'taken':
      return typeof d.takenOn === 'string' ? `Decision taken on ${formatLongDate(d.takenOn)}.` : 'Decision taken.';
    case 'withdrawn':
      return `Withdrawn.${typeof d.reason === 'string' && d.reason ? ` ${d.reason}` : ''}`;
    case 'notice_published': {
      const notice = noticeEventOf(d);
      return notice ? noticeEventText(notice).sentence : null;
    }
    default:
      return null;
  }
}

/** What changed since the decision was first published, oldest first ('advertised' is the plan table's job). */
export function publicChanges(events: PublicEvent[]): PublicChange[] {
  return events.flatMap((event) => {
    const text = describePublicEvent(event);
    if (text === null) return [];
    const at = new Date(event.occurred_at);
    return [{ at: at.toISOString(), when: formatLongDate(londonDateOf(at)), kind: event.kind, text }];
  });
}

export interface OutcomeRecord {
  kind: 'taken' | 'withdrawn' | 'deferred';
  occurred_on: string;
  decision_maker: string;
  summary: string;
  reasons: string;
  alternatives_considered: string;
  notice_url: string;
  withdrawal_reason: string;
  without_notice_rules: NoticeRule[];
  without_notice_reason: string;
}

/** A decision recorded as taken without the notice the Regulations require: which rules, and why. */
export interface PublicWithoutNotice {
  rules: { rule: NoticeRule; name: string }[];
  reason: string;
}

export type PublicOutcome =
  | {
      kind: 'taken';
      takenOn: string;
      decisionMaker: string;
      summary: string;
      reasons: string;
      alternativesConsidered: string;
      noticeUrl: string | null;
      /** Null when it was taken with the notice the rules require. */
      withoutNotice: PublicWithoutNotice | null;
    }
  | { kind: 'withdrawn'; withdrawnOn: string; reason: string };

/**
 * The regulation 12 and 13 record of a decision taken, and whether it was taken without the
 * required notice and why (public: the report to council under regulation 19 lists it too), or
 * why it was withdrawn.
 */
export function toPublicOutcome(record: OutcomeRecord | undefined): PublicOutcome | null {
  if (!record || record.kind === 'deferred') return null;
  if (record.kind === 'withdrawn') return { kind: 'withdrawn', withdrawnOn: record.occurred_on, reason: record.withdrawal_reason };
  return {
    kind: 'taken',
    takenOn: record.occurred_on,
    decisionMaker: record.decision_maker,
    summary: record.summary,
    reasons: record.reasons,
    alternativesConsidered: record.alternatives_considered,
    noticeUrl: record.notice_url || null,
    withoutNotice: record.without_notice_rules.length
      ? { rules: record.without_notice_rules.map((rule) => ({ rule, name: NOTICE_RULES[rule].name })), reason: record.without_notice_reason }
      : null,
  };
}
