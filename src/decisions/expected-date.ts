import { MONTHS, daysInMonth, isIsoDate, isoDate, parts } from '../lib/dates.ts';
import type { DatePrecision } from './decisions.tables.ts';

export interface ExpectedDate {
  date: string;
  precision: DatePrecision;
  /** Words printed after the date, e.g. 'For Consideration'. */
  note: string;
}

export type ParsedExpectedDate = ({ ok: true } & ExpectedDate) | { ok: false; message: string };

const PATTERN = /^(?:(\d{1,2})(?:st|nd|rd|th)?\s+)?([A-Za-z]+)\.?,?(?:\s+(\d{4}))?(?=\s|$)\s*(.*)$/s;

function monthNumber(word: string): number | undefined {
  const lower = word.toLowerCase();
  if (lower.length < 3) return undefined;
  const index = MONTHS.findIndex((m) => m.toLowerCase().startsWith(lower) || (lower === 'sept' && m === 'September'));
  return index === -1 ? undefined : index + 1;
}

/**
 * Reads the "date decision expected" column as councils print it: '11 March 2024' (a day),
 * 'May 2024' (a month), '17 June' (the first 17 June on or after the month of publication),
 * '27 February 2024 For Consideration' (a day with a note). The printed wording is kept by the
 * caller; this gives the date it means.
 */
export function parseExpectedDate(text: string, publishedOn: string): ParsedExpectedDate {
  const trimmed = text.trim().replace(/\s+/g, ' ');
  if (trimmed === '') return { ok: false, message: 'is empty; give a date such as 11 March 2024 or May 2024' };
  if (isIsoDate(trimmed)) return { ok: true, date: trimmed, precision: 'day', note: '' };

  const match = PATTERN.exec(trimmed);
  const month = match ? monthNumber(match[2]!) : undefined;
  if (!match || month === undefined) {
    return { ok: false, message: `'${trimmed}' is not a date; give a date such as 11 March 2024 or May 2024` };
  }
  const [, dayText, , yearText, rest] = match;
  const published = parts(publishedOn);
  // Without a year, the month falls on or after the month of publication.
  const year = yearText ? Number(yearText) : month >= published.month ? published.year : published.year + 1;
  if (year < 1990 || year > 2100) return { ok: false, message: `'${trimmed}' has an unlikely year` };
  const note = (rest ?? '').trim().replace(/^[-–,:(]\s*|\)$/g, '').trim();
  if (/^\d/.test(note)) return { ok: false, message: `'${trimmed}' is not a single date` };

  if (dayText === undefined) return { ok: true, date: isoDate(year, month, 1), precision: 'month', note };
  const day = Number(dayText);
  if (day < 1 || day > daysInMonth(year, month)) {
    return { ok: false, message: `'${trimmed}' is not a real date` };
  }
  return { ok: true, date: isoDate(year, month, day), precision: 'day', note };
}
