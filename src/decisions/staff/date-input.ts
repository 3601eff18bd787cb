import type { FormReader } from '../../http/forms.ts';
import { readDateFields, type DateFields } from '../../lib/date-input.ts';

/*
 * The decision forms' GOV.UK date inputs: three boxes, `<id>-day`, `<id>-month`, `<id>-year`.
 * Errors are filed under `<id>-day`, the first box, which is where the error summary's link must
 * land. The reading is the shared one (src/lib/date-input.ts); only the wording is these forms'.
 */

export type DateParts = DateFields;

export function readDateParts(form: FormReader, id: string): DateParts {
  return { day: form.text(`${id}-day`), month: form.text(`${id}-month`), year: form.text(`${id}-year`) };
}

export const dateErrorId = (id: string) => `${id}-day`;

export type DateResult = { ok: true; date: string | null } | { ok: false; message: string };

/**
 * `label` completes "Enter …" and starts the other messages, e.g. 'the date the decision was
 * taken' → 'Enter the date the decision was taken', 'The date the decision was taken must be a real date'.
 */
export function parseDateParts(parts: DateParts, label: string, options: { required: boolean }): DateResult {
  const subject = label.charAt(0).toUpperCase() + label.slice(1);
  const reading = readDateFields(parts);
  switch (reading.kind) {
    case 'empty':
      return options.required ? { ok: false, message: `Enter ${label}` } : { ok: true, date: null };
    case 'date':
      return { ok: true, date: reading.iso };
    case 'missing':
      return { ok: false, message: `${subject} must include ${reading.parts.map((part) => `a ${part}`).join(' and ')}` };
    default:
      return { ok: false, message: `${subject} must be a real date, for example 27 3 2024` };
  }
}
