import ical, { ICalEventStatus, ICalEventTransparency } from 'ical-generator';
import type { PublicDecision } from '../decisions/decision.view.ts';
import { addDays, formatMonth, isoDate, parts } from '../lib/dates.ts';
import { decisionFacts } from './decision-facts.ts';
import { xmlSafe } from './text.ts';

export interface CalendarEntry {
  decision: PublicDecision;
  /** Raised by the database on every change to the decision: the event's SEQUENCE. */
  revision: number;
  lastModified: Date;
}

export interface CalendarDocument {
  name: string;
  description: string;
  url: string;
  source: string;
  council: string;
  baseUrl: string;
  entries: CalendarEntry[];
}

const STATUS_WORD: Partial<Record<PublicDecision['status'], string>> = { taken: 'Taken', withdrawn: 'Withdrawn', deferred: 'Deferred' };

// Outlook and Google ignore it, Apple honours it: an hour is often enough for a plan that
// changes fortnightly, and the HTTP caching makes each poll cheap.
const REFRESH_SECONDS = 3600;

/** iCalendar text may not hold control characters; the library escapes the rest and folds lines. */
function calendarText(text: string): string {
  return xmlSafe(text).replace(/\u007f/g, '');
}

function nextMonth(iso: string): string {
  const { year, month } = parts(iso);
  return month === 12 ? isoDate(year + 1, 1, 1) : isoDate(year, month + 1, 1);
}

/**
 * A day-precision decision is an all-day event on its day. One known only to the month spans
 * the whole month and says so in its title, so no calendar shows it on a day nobody set.
 */
function span(d: PublicDecision): { start: string; end: string; month?: string } | undefined {
  const { date, precision } = d.expectedDate;
  if (!date) return undefined;
  if (precision === 'month') return { start: date, end: nextMonth(date), month: formatMonth(date) };
  return { start: date, end: addDays(date, 1) };
}

function summaryOf(d: PublicDecision, month: string | undefined): string {
  const name = d.reference ? `${d.reference}: ${d.title}` : d.title;
  const status = STATUS_WORD[d.status];
  if (month) return `${status ? `${status}, expected` : 'Expected'} in ${month}: ${name}`;
  return status ? `${status}: ${name}` : name;
}

function descriptionOf(d: PublicDecision, month: string | undefined, link: string): string {
  const lead = month ? `Expected in ${month}: the council has not yet said on which day.\n\n` : '';
  const facts = decisionFacts(d).map((f) => `${f.label}: ${f.text}`).join('\n');
  return `${lead}${d.description}\n\n${facts}\n\n${link}`;
}

function statusOf(d: PublicDecision): ICalEventStatus {
  if (d.status === 'withdrawn') return ICalEventStatus.CANCELLED;
  if (d.status === 'taken') return ICalEventStatus.CONFIRMED;
  // Planned dates move often: a date in the plan is an intention, not an appointment.
  return ICalEventStatus.TENTATIVE;
}

/** The octets a content line holds before it folds (75 with the continuation's space). */
const LINE_OCTETS = 74;

/**
 * RFC 5545 3.1: content lines of at most 75 octets, continued after CRLF and a space, never
 * inside a UTF-8 sequence. ical-generator 10 folds the same way but builds a TextEncoder for
 * every character (5.6 s for a 5,000-event calendar); version 11 fixes that but needs Node 22,
 * so until Node 20 is dropped the events are folded here and the library folds the rest.
 */
export function foldLines(text: string): string {
  return text
    .split('\r\n')
    .map((line) => {
      if (line.length <= LINE_OCTETS && /^[ -~]*$/.test(line)) return line;
      let folded = '';
      let octets = 0;
      for (const ch of line) {
        const code = ch.codePointAt(0)!;
        const size = code < 0x80 ? 1 : code < 0x800 ? 2 : code < 0x10000 ? 3 : 4;
        octets += size;
        if (octets > LINE_OCTETS) {
          folded += '\r\n ';
          octets = size;
        }
        folded += ch;
      }
      return folded;
    })
    .join('\r\n');
}

export function renderCalendar(doc: CalendarDocument): string {
  const host = new URL(doc.baseUrl).hostname;
  const calendar = ical({
    name: calendarText(doc.name),
    description: calendarText(doc.description),
    prodId: { company: calendarText(doc.council), product: 'Forward Plan', language: 'EN' },
    url: doc.url,
    source: doc.source,
    ttl: REFRESH_SECONDS,
    // All events are whole days, which have no time zone; this names the council's for clients
    // that want one. (Setting the library's own time zone would convert dates in the server's.)
    x: [['X-WR-TIMEZONE', 'Europe/London']],
  });
  const events: string[] = [];
  for (const { decision: d, revision, lastModified } of doc.entries) {
    const when = span(d);
    if (!when) continue;
    const link = `${doc.baseUrl}${d.url}`;
    const event = calendar.createEvent({
      id: `decision-${d.id}@${host}`,
      allDay: true,
      start: when.start,
      end: when.end,
      summary: calendarText(summaryOf(d, when.month)),
      description: calendarText(descriptionOf(d, when.month, link)),
      url: link,
      sequence: revision,
      lastModified,
      // Without METHOD, DTSTAMP is the time the event last changed (RFC 5545 3.8.7.2), which also
      // keeps the bytes, and so the ETag, the same until something changes.
      stamp: lastModified,
      status: statusOf(d),
      transparency: ICalEventTransparency.TRANSPARENT,
      categories: [{ name: calendarText(d.partLabel) }],
    });
    events.push(foldLines(event.toString()));
    calendar.clear();
  }
  // The calendar alone (folded by the library: a few lines), with the events folded here inserted
  // before its end. The order of a calendar's properties and components carries no meaning.
  const shell = calendar.toString();
  const end = shell.lastIndexOf('END:VCALENDAR');
  return `${shell.slice(0, end)}${events.join('')}${shell.slice(end)}`;
}
