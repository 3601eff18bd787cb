import { isIsoDate, isoDate, MONTHS } from './dates.ts';

/*
 * The one reader of the GOV.UK date input: three boxes, day, month and year, as typed.
 *
 * Two copies disagreed and were merged. Year range: 1900–2199 (the reference admin's), not
 * 1990–2100 (the decision forms'): both catch a slip such as 1066 or 20244, and the wider range
 * refuses no date a council could really hold, such as a portfolio or a record dated before 1990.
 * Messages: those of the GOV.UK Design System (which box is wrong, and only that box
 * highlighted), used as they are by the reference admin. The decision forms keep their own
 * wording on top of the same reading, which their tests pin (src/decisions/staff/date-input.ts).
 */

export interface DateFields {
  day: string;
  month: string;
  year: string;
}

export type DatePart = keyof DateFields;

export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2199;

/** What was typed, before any wording: the forms choose how to say each problem. */
export type DateReading =
  | { kind: 'empty' }
  | { kind: 'date'; iso: string }
  | { kind: 'missing'; parts: DatePart[] }
  | { kind: 'year-not-four-digits' }
  /** `parts` are the boxes that cannot be read, or all three when they do not make a date. */
  | { kind: 'not-real'; parts: DatePart[] }
  | { kind: 'out-of-range' };

const PARTS: DatePart[] = ['day', 'month', 'year'];

/** GOV.UK asks services to accept month names and abbreviations ('Sept', 'feb') as well as numbers. */
function monthNumber(text: string): number | undefined {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const lower = text.toLowerCase();
  if (lower.length < 3) return undefined;
  const index = MONTHS.findIndex((name) => name.toLowerCase().startsWith(lower));
  return index === -1 ? undefined : index + 1;
}

export function readDateFields(fields: DateFields): DateReading {
  const typed = { day: fields.day.trim(), month: fields.month.trim(), year: fields.year.trim() };
  const missing = PARTS.filter((part) => typed[part] === '');
  if (missing.length === 3) return { kind: 'empty' };
  if (missing.length > 0) return { kind: 'missing', parts: missing };
  if (!/^\d{4}$/.test(typed.year)) return { kind: 'year-not-four-digits' };
  const year = Number(typed.year);
  const month = monthNumber(typed.month);
  const day = /^\d{1,2}$/.test(typed.day) ? Number(typed.day) : undefined;
  const unreadable = PARTS.filter((part) => (part === 'day' ? day === undefined : part === 'month' ? month === undefined : false));
  if (unreadable.length > 0) return { kind: 'not-real', parts: unreadable };
  if (!isIsoDate(isoDate(year, month!, day!))) return { kind: 'not-real', parts: PARTS };
  if (year < EARLIEST_YEAR || year > LATEST_YEAR) return { kind: 'out-of-range' };
  return { kind: 'date', iso: isoDate(year, month!, day!) };
}

export type DateInput =
  | { kind: 'empty' }
  | { kind: 'date'; iso: string }
  /** `parts` are the boxes to highlight; the first is where the error summary links to. */
  | { kind: 'invalid'; message: string; parts: DatePart[] };

/** The GOV.UK Design System's messages, `label` being how the date is named in them ('The start date'). */
export function readDateInput(fields: DateFields, label: string): DateInput {
  const reading = readDateFields(fields);
  switch (reading.kind) {
    case 'empty':
    case 'date':
      return reading;
    case 'missing':
      return { kind: 'invalid', message: `${label} must include a ${reading.parts.join(' and ')}`, parts: reading.parts };
    case 'year-not-four-digits':
      return { kind: 'invalid', message: 'Year must include 4 numbers', parts: ['year'] };
    case 'not-real':
      return { kind: 'invalid', message: `${label} must be a real date`, parts: reading.parts };
    case 'out-of-range':
      return { kind: 'invalid', message: `${label} must be between ${EARLIEST_YEAR} and ${LATEST_YEAR}`, parts: ['year'] };
  }
}

/** The boxes showing a stored date (or empty ones), for a form that edits it. */
export function dateFieldsOf(iso: string | null | undefined): DateFields {
  if (!iso) return { day: '', month: '', year: '' };
  const [year, month, day] = iso.split('-') as [string, string, string];
  return { day: String(Number(day)), month: String(Number(month)), year };
}
