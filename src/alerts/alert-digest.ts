import type nunjucks from 'nunjucks';
import type { PublicDecision } from '../decisions/decision.view.ts';
import { formatLongDate } from '../lib/dates.ts';
import type { OutgoingMail } from '../mail/outgoing-mail.ts';
import { decisionLink, oneLine } from './alert-links.ts';
import type { ScopeDescription } from './alert-scope.ts';

export interface DigestItem {
  decision: PublicDecision;
  /** One sentence from describeEvent. */
  what: string;
  /** The page the item links to (eventPath), when not the decision's: a published notice's. */
  path?: string;
}

export interface DigestInput {
  councilName: string;
  /** The plan's date for a publication; null for outcomes recorded between plans. */
  publishedOn: string | null;
  items: DigestItem[];
  scopes: ScopeDescription[];
  baseUrl: string;
  links: { manage: string; unsubscribe: string };
  /** A mailbox that handles unsubscribe requests by email, when there is one. */
  unsubscribeMailbox: string | null;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/**
 * One alert: every event of one occasion in the subscriber's scopes, with RFC 8058 one-click
 * unsubscribe. Text and HTML say the same; the HTML is rendered with autoescaping on.
 */
export function buildDigest(input: DigestInput, templates: nunjucks.Environment): Omit<OutgoingMail, 'to' | 'dedupeKey'> {
  const council = oneLine(input.councilName);
  const count = plural(input.items.length, 'update', 'updates');
  const subject = input.publishedOn
    ? `${council}: ${count} in the Forward Plan published ${formatLongDate(input.publishedOn)}`
    : `${council}: ${count} to decisions in the Forward Plan`;
  const intro = input.publishedOn
    ? `The Forward Plan published on ${formatLongDate(input.publishedOn)} has ${count} to decisions you follow.`
    : `There ${input.items.length === 1 ? 'is' : 'are'} ${count} to decisions you follow.`;
  const items = input.items.map(({ decision, what, path }) => ({
    heading: oneLine(decision.reference ? `${decision.reference} – ${decision.title}` : decision.title),
    what,
    maker: decision.decisionMaker.name,
    expected: decision.expectedDate.label,
    status: decision.statusLabel,
    url: decisionLink(input.baseUrl, path ?? decision.url),
  }));
  const text = [
    `Forward Plan of Executive Decisions – ${council}`,
    '',
    intro,
    '',
    ...items.flatMap((item, index) => [
      `${index + 1}. ${item.heading}`,
      `   ${item.what}`,
      `   Decision maker: ${item.maker}. Expected: ${item.expected}. Status: ${item.status}.`,
      `   ${item.url}`,
      '',
    ]),
    'You get these alerts for:',
    ...input.scopes.map((scope) => `- ${scope.summary}`),
    '',
    `Manage your email alerts: ${input.links.manage}`,
    `Stop all email alerts: ${input.links.unsubscribe}`,
    '',
  ].join('\n');
  const html = templates.render('alerts/email/digest.njk', { council, intro, items, scopes: input.scopes, links: input.links, subject });
  const unsubscribe = [`<${input.links.unsubscribe}>`];
  if (input.unsubscribeMailbox) unsubscribe.push(`<mailto:${input.unsubscribeMailbox}?subject=Unsubscribe%20from%20Forward%20Plan%20alerts>`);
  return {
    subject,
    text,
    html,
    headers: { 'List-Unsubscribe': unsubscribe.join(', '), 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
    kind: 'alert-digest',
  };
}
