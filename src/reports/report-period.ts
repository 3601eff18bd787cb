import type { ParsedUrlQuery } from 'node:querystring';
import { addDays, daysInMonth, isoDate, parts } from '../lib/dates.ts';
import { dateFieldsOf, readDateInput, type DateFields } from '../lib/date-input.ts';

/*
 * The period a report to council covers, from the GOV.UK date boxes of its form (sent by GET, so
 * the address of a report can be kept and shared): `from-day`, `from-month`, `from-year` and the
 * same for `to`. Regulation 19 asks for a report at least once a year, so with no dates the
 * period is the twelve months up to today.
 */

export interface ReportPeriod {
  from: string;
  to: string;
}

export type PeriodReading =
  | { ok: true; period: ReportPeriod; fields: { from: DateFields; to: DateFields } }
  | { ok: false; errors: Record<string, string>; fields: { from: DateFields; to: DateFields } };

function one(value: string | string[] | undefined): string {
  return (Array.isArray(value) ? value[0] : value) ?? '';
}

function fieldsOf(query: ParsedUrlQuery, id: 'from' | 'to'): DateFields {
  return { day: one(query[`${id}-day`]).slice(0, 20), month: one(query[`${id}-month`]).slice(0, 20), year: one(query[`${id}-year`]).slice(0, 20) };
}

/** The same day a year before, the next day: 2024-03-28 → 2023-03-29 (29 February → 1 March). */
export function yearBefore(today: string): string {
  const { year, month, day } = parts(today);
  const lastYear = isoDate(year - 1, month, Math.min(day, daysInMonth(year - 1, month)));
  return addDays(lastYear, 1);
}

export function readReportPeriod(query: ParsedUrlQuery, today: string): PeriodReading {
  const fields = { from: fieldsOf(query, 'from'), to: fieldsOf(query, 'to') };
  const from = readDateInput(fields.from, 'The start date');
  const to = readDateInput(fields.to, 'The end date');
  if (from.kind === 'empty' && to.kind === 'empty') {
    const period = { from: yearBefore(today), to: today };
    return { ok: true, period, fields: { from: dateFieldsOf(period.from), to: dateFieldsOf(period.to) } };
  }
  const errors: Record<string, string> = {};
  if (from.kind === 'invalid') errors[`from-${from.parts[0]}`] = from.message;
  if (from.kind === 'empty') errors['from-day'] = 'Enter the start date';
  if (to.kind === 'invalid') errors[`to-${to.parts[0]}`] = to.message;
  if (to.kind === 'empty') errors['to-day'] = 'Enter the end date';
  if (from.kind === 'date' && to.kind === 'date' && to.iso < from.iso) errors['to-day'] = 'The end date must be the same as or after the start date';
  if (Object.keys(errors).length > 0 || from.kind !== 'date' || to.kind !== 'date') return { ok: false, errors, fields };
  return { ok: true, period: { from: from.iso, to: to.iso }, fields };
}

/** The period as the address of a report: the boxes' names, as the form sends them. */
export function periodQuery(period: ReportPeriod): string {
  const f = dateFieldsOf(period.from);
  const t = dateFieldsOf(period.to);
  return `?from-day=${f.day}&from-month=${f.month}&from-year=${f.year}&to-day=${t.day}&to-month=${t.month}&to-year=${t.year}`;
}
