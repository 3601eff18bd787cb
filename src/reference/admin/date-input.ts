import { isIsoDate, isoDate, MONTHS } from '../../lib/dates.ts';

/** The three boxes of a GOV.UK date input, as typed. */
export interface DateFields {
  day: string;
  month: string;
  year: string;
}

export type DatePart = keyof DateFields;

export type DateInput =
  | { kind: 'empty' }
  | { kind: 'date'; iso: string }
  /** `parts` are the boxes to highlight; the first is where the error summary links to. */
  | { kind: 'invalid'; message: string; parts: DatePart[] };

const PARTS: DatePart[] = ['day', 'month', 'year'];

/** GOV.UK asks services to accept month names and abbreviations as well as numbers. */
function monthNumber(text: string): number | undefined {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const lower = text.toLowerCase();
  if (lower.length < 3) return undefined;
  const index = MONTHS.findIndex((name) => name.toLowerCase().startsWith(lower) || (lower === 'sept' && name === 'September'));
  return index === -1 ? undefined : index + 1;
}

/**
 * Reads a date input with the GOV.UK Design System's messages, `label` being how the date is
 * named in them ('The start date'). Years outside 1900–2199 are taken as typing mistakes.
 */
export function readDateInput(fields: DateFields, label: string): DateInput {
  const typed = { day: fields.day.trim(), month: fields.month.trim(), year: fields.year.trim() };
  const missing = PARTS.filter((part) => typed[part] === '');
  if (missing.length === 3) return { kind: 'empty' };
  if (missing.length > 0) return { kind: 'invalid', message: `${label} must include a ${missing.join(' and ')}`, parts: missing };

  const month = monthNumber(typed.month);
  const day = /^\d{1,2}$/.test(typed.day) ? Number(typed.day) : undefined;
  if (!/^\d{4}$/.test(typed.year)) return { kind: 'invalid', message: 'Year must include 4 numbers', parts: ['year'] };
  const year = Number(typed.year);
  const wrong = PARTS.filter((part) => (part === 'day' ? day === undefined : part === 'month' ? month === undefined : false));
  const iso = day !== undefined && month !== undefined ? isoDate(year, month, day) : '';
  if (wrong.length > 0 || !isIsoDate(iso)) {
    return { kind: 'invalid', message: `${label} must be a real date`, parts: wrong.length > 0 ? wrong : ['day', 'month', 'year'] };
  }
  if (year < 1900 || year > 2199) return { kind: 'invalid', message: `${label} must be between 1900 and 2199`, parts: ['year'] };
  return { kind: 'date', iso };
}

/** The boxes showing a stored date (or empty ones). */
export function dateFieldsOf(iso: string | null | undefined): DateFields {
  if (!iso) return { day: '', month: '', year: '' };
  const [year, month, day] = iso.split('-');
  return { day: String(Number(day)), month: String(Number(month)), year: year! };
}
