/*
 * The emails the schedule sends to the people who publish: the prepared plan's summary, and the
 * decisions past their expected date. Plain text, since they are lists and links.
 */
import { expectedDateLabel } from '../decisions/labels.ts';
import { formatLongDate } from '../lib/dates.ts';
import type { DatePrecision } from '../decisions/decisions.tables.ts';
import { summaryLines } from './draft-summary.ts';
import type { PreparedDraft, PublishOutcome } from './publication.service.ts';

export interface StaffMail {
  subject: string;
  text: string;
}

export function publicationSummaryMail(prepared: PreparedDraft, outcome: PublishOutcome | null, baseUrl: string): StaffMail {
  const { summary, breaches } = prepared;
  const date = formatLongDate(summary.publishedOn);
  const published = outcome?.status === 'published';
  const subject = published
    ? `Forward Plan published: ${date}`
    : breaches.length > 0
      ? `Forward Plan for ${date}: ${breaches.length} notice rule breach${breaches.length === 1 ? '' : 'es'} to resolve`
      : `Forward Plan for ${date} is ready to publish`;
  const next = published
    ? [`The plan was published automatically: ${baseUrl}/plans/${summary.publishedOn}`]
    : [
        breaches.length > 0
          ? 'The plan cannot be published until each breach is put right.'
          : 'Nothing stops it being published.',
        `Check it and publish it: ${baseUrl}/admin/publication`,
      ];
  const text = [
    `The next Forward Plan has been prepared.`,
    '',
    ...summaryLines(summary, breaches),
    '',
    ...next,
  ].join('\n');
  return { subject, text };
}

export interface FollowUpItem {
  id: number;
  title: string;
  reference: string | null;
  expected_date: string | null;
  expected_precision: DatePrecision | null;
  expected_date_note: string;
}

export function followUpMail(items: FollowUpItem[], todayIs: string, baseUrl: string): StaffMail {
  const count = `${items.length} decision${items.length === 1 ? '' : 's'}`;
  return {
    subject: `Forward Plan: ${count} past the expected date with no outcome`,
    text: [
      `As at ${formatLongDate(todayIs)}, ${count} ${items.length === 1 ? 'is' : 'are'} past the expected date with no outcome recorded. Record each one as taken, withdrawn or deferred:`,
      '',
      ...items.map(
        (d) =>
          `- ${d.title}${d.reference ? ` (${d.reference})` : ''}, expected ${expectedDateLabel(d.expected_date, d.expected_precision, d.expected_date_note)}: ${baseUrl}/admin/decisions/${d.id}`,
      ),
      '',
      `The follow-up list: ${baseUrl}/admin/decisions/follow-up`,
    ].join('\n'),
  };
}
