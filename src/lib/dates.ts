/*
 * Calendar arithmetic on ISO dates ('YYYY-MM-DD'). Dates here are civil dates in
 * Europe/London with no time of day, so the arithmetic is done in UTC where no day is
 * ever 23 or 25 hours long.
 */

export const MONTHS = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * A real date 'YYYY-MM-DD' from 0001-01-01 to 9999-12-31. There is no year 0 (PostgreSQL
 * refuses '0000-01-01'), so one in a query string or a file is a mistake, not a date.
 */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE.exec(value);
  if (!match) return false;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  return y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

/** Date.UTC, except that it reads the years 0–99 as themselves (Date.UTC makes them 1900–1999). */
export function utcTime(year: number, monthIndex: number, day: number, hours = 0, minutes = 0): number {
  const date = new Date(0);
  date.setUTCFullYear(year, monthIndex, day);
  date.setUTCHours(hours, minutes);
  return date.getTime();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(utcTime(year, month, 0)).getUTCDate();
}

export function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

function toUtc(iso: string): number {
  if (!isIsoDate(iso)) throw new RangeError(`Not a date: ${iso}`);
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  return utcTime(y, m - 1, d);
}

function fromUtc(ms: number): string {
  const date = new Date(ms);
  return isoDate(date.getUTCFullYear(), date.getUTCMonth() + 1, date.getUTCDate());
}

export function addDays(iso: string, days: number): string {
  return fromUtc(toUtc(iso) + days * DAY_MS);
}

/** Whole days from `from` to `to` (positive when `to` is later). */
export function daysBetween(from: string, to: string): number {
  return Math.round((toUtc(to) - toUtc(from)) / DAY_MS);
}

/** 1 = Monday … 7 = Sunday. */
export function isoWeekday(iso: string): number {
  const day = new Date(toUtc(iso)).getUTCDay();
  return day === 0 ? 7 : day;
}

export function parts(iso: string): { year: number; month: number; day: number } {
  const [year, month, day] = iso.split('-').map(Number) as [number, number, number];
  return { year, month, day };
}

/** '23 February 2024' */
export function formatLongDate(iso: string): string {
  const { year, month, day } = parts(iso);
  return `${day} ${MONTHS[month - 1]} ${year}`;
}

/** 'February 2024' */
export function formatMonth(iso: string): string {
  const { year, month } = parts(iso);
  return `${MONTHS[month - 1]} ${year}`;
}
