import { londonDateOf } from '../lib/clock.ts';
import { toCsv } from '../lib/csv.ts';
import type { CommentView } from './comment.view.ts';

const londonTime = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/London', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' });

/** 'YYYY-MM-DD HH:MM' in London: sorts as text and reads as a date in a spreadsheet. */
export function spreadsheetDateTime(instant: Date | string | null): string {
  if (instant === null) return '';
  const date = new Date(instant);
  return `${londonDateOf(date)} ${londonTime.format(date)}`;
}

const HEADER = [
  'Reference', 'Received', 'Status', 'Respond by', 'Overdue', 'Decision reference', 'Decision', 'Cabinet Member',
  'Asked for', 'Referred to', 'Comment', 'Name', 'Email', 'Telephone', 'Address', 'Response', 'Response sent by',
  'Responded', 'Closed', 'Personal data erased',
];

export interface ExportRow {
  view: CommentView;
  receivedAt: Date;
  respondedAt: Date | null;
  closedAt: Date | null;
  erasedAt: Date | null;
}

/** The inbox's filtered list for a spreadsheet: staff only (it holds contact details), every cell neutralised. */
export function commentsCsv(rows: ExportRow[]): string {
  return toCsv(
    HEADER,
    rows.map(({ view: c, receivedAt, respondedAt, closedAt, erasedAt }) => [
      c.reference,
      spreadsheetDateTime(receivedAt),
      c.statusLabel,
      c.dueOn,
      c.overdue ? 'Yes' : 'No',
      c.decision?.reference ?? '',
      c.decision?.title ?? 'The plan in general',
      c.responsible?.name ?? '',
      c.requestedResponder?.name ?? '',
      c.referredTo?.name ?? '',
      c.body,
      c.contact?.name ?? '',
      c.contact?.email ?? '',
      c.contact?.telephone ?? '',
      c.contact?.address ?? '',
      c.response?.text ?? '',
      c.response?.method ?? '',
      spreadsheetDateTime(respondedAt),
      spreadsheetDateTime(closedAt),
      spreadsheetDateTime(erasedAt),
    ]),
  );
}
