import type { FormReader } from '../../http/forms.ts';
import { MONTHS, isIsoDate, isoDate } from '../../lib/dates.ts';

/*
 * The GOV.UK date input: three boxes, `<id>-day`, `<id>-month`, `<id>-year`. Errors are filed
 * under `<id>-day`, the first box, which is where the error summary's link must land.
 */

export interface DateParts {
  day: string;
  month: string;
  year: string;
}

export function readDateParts(form: FormReader, id: string): DateParts {
  return { day: form.text(`${id}-day`), month: form.text(`${id}-month`), year: form.text(`${id}-year`) };
}

/** The three boxes filled in from a stored date, for a form that edits it. */
export function datePartsOf(iso: string | null | undefined): DateParts {
  if (!iso) return { day: '', month: '', year: '' };
  const [year, month, day] = iso.split('-') as [string, string, string];
  return { day: String(Number(day)), month: String(Number(month)), year };
}

export const dateErrorId = (id: string) => `${id}-day`;

function monthNumber(text: string): number | undefined {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const lower = text.toLowerCase();
  if (lower.length < 3) return undefined;
  const index = MONTHS.findIndex((m) => m.toLowerCase().startsWith(lower));
  return index === -1 ? undefined : index + 1;
}

export type DateResult = { ok: true; date: string | null } | { ok: false; message: string };

/**
 * `label` completes "Enter …" and starts the other messages, e.g. 'the date the decision was
 * taken' → 'Enter the date the decision was taken', 'The date the decision was taken must be a real date'.
 */
export function parseDateParts(parts: DateParts, label: string, options: { required: boolean }): DateResult {
  const { day, month, year } = parts;
  const subject = label.charAt(0).toUpperCase() + label.slice(1);
  if (day === '' && month === '' && year === '') {
    return options.required ? { ok: false, message: `Enter ${label}` } : { ok: true, date: null };
  }
  const missing = [day === '' && 'a day', month === '' && 'a month', year === '' && 'a year'].filter(Boolean) as string[];
  if (missing.length) return { ok: false, message: `${subject} must include ${missing.join(' and ')}` };
  const m = monthNumber(month);
  if (!/^\d{1,2}$/.test(day) || m === undefined || !/^\d{4}$/.test(year)) {
    return { ok: false, message: `${subject} must be a real date, for example 27 3 2024` };
  }
  const iso = isoDate(Number(year), m, Number(day));
  if (!isIsoDate(iso) || Number(year) < 1990 || Number(year) > 2100) {
    return { ok: false, message: `${subject} must be a real date, for example 27 3 2024` };
  }
  return { ok: true, date: iso };
}
