import type { DecisionEventKind } from '../decisions/decisions.tables.ts';
import type { PublicDecision } from '../decisions/decision.view.ts';
import { noticeUrl } from '../decisions/notices/notice-kinds.ts';
import { decisionFacts } from './decision-facts.ts';
import { describeEvent } from './event-text.ts';
import { escapeHtml, htmlParagraphs } from './text.ts';

/** One item of a feed, format-neutral; the text fields are plain, contentHtml is escaped HTML. */
export interface FeedEntry {
  id: string;
  title: string;
  link: string;
  date: Date;
  summary: string;
  contentHtml: string;
  kind: DecisionEventKind;
}

export interface EventForFeed {
  id: number;
  kind: DecisionEventKind;
  occurred_at: Date;
  details: Record<string, unknown>;
  plan_published_on: string | null;
}

/**
 * An event's id for ever: the database never reuses an event id, and the host is the
 * service's, so ids are unique across councils too (RFC 4151 tag URI).
 */
export function eventId(host: string, id: number): string {
  return `tag:${host},2026:forward-plan/decision-event/${id}`;
}

export function feedEntry(event: EventForFeed, decision: PublicDecision, baseUrl: string): FeedEntry {
  const text = describeEvent({ kind: event.kind, details: event.details, planPublishedOn: event.plan_published_on });
  const decisionLink = `${baseUrl}${decision.url}`;
  // A notice's entry leads to the notice itself; every other entry to the decision.
  const link = text.publicNotice ? `${baseUrl}${noticeUrl(text.publicNotice, decision.id)}` : decisionLink;
  const name = decision.reference ? `${decision.reference} – ${decision.title}` : decision.title;
  const facts = text.facts.map((f) => `<p><strong>${escapeHtml(f.label)}:</strong> ${escapeHtml(f.text)}</p>`).join('');
  const notice = text.noticeUrl
    ? `<p><a href="${escapeHtml(text.noticeUrl)}">Read the decision notice</a></p>`
    : text.publicNotice
      ? `<p><a href="${escapeHtml(link)}">Read the notice</a></p>`
      : '';
  const details = decisionFacts(decision)
    .map((f) => `<li><strong>${escapeHtml(f.label)}:</strong> ${escapeHtml(f.text)}</li>`)
    .join('');
  return {
    id: eventId(new URL(baseUrl).hostname, event.id),
    title: `${text.headline}: ${name}`,
    link,
    date: new Date(event.occurred_at),
    summary: [text.sentence, ...text.facts.map((f) => `${f.label}: ${f.text}`)].join(' '),
    contentHtml:
      `<p>${escapeHtml(text.sentence)}</p>${facts}${notice}` +
      `<h2>${escapeHtml(decision.title)}</h2>${htmlParagraphs(decision.description)}` +
      `<ul>${details}</ul><p><a href="${escapeHtml(decisionLink)}">See this decision and its history</a></p>`,
    kind: event.kind,
  };
}
