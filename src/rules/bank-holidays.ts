/*
 * England and Wales bank holidays for any year from 1978 (the first year with the early May
 * bank holiday; the service only needs years under the 2012 Regulations). Computed from the
 * standing rules rather than fetched, so the notice rules stay pure and work for years nobody
 * has published yet; the one-off changes come from bank-holiday-changes.ts.
 */
import { addDays, daysInMonth, isoDate, isoWeekday, parts } from '../lib/dates.ts';
import { BANK_HOLIDAY_CHANGES } from './bank-holiday-changes.ts';
import { assertIsoDate, assertWholeNumber } from './validate.ts';

export interface BankHoliday {
  date: string;
  name: string;
}

export const FIRST_BANK_HOLIDAY_YEAR = 1978;

/** Easter Sunday in the Gregorian calendar (the anonymous Meeus/Jones/Butcher algorithm). */
export function easterSunday(year: number): string {
  assertWholeNumber(year, 'year', 1583);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return isoDate(year, month, day);
}

function isWeekend(date: string): boolean {
  return isoWeekday(date) >= 6;
}

function firstMonday(year: number, month: number): string {
  const first = isoDate(year, month, 1);
  return addDays(first, (8 - isoWeekday(first)) % 7);
}

function lastMonday(year: number, month: number): string {
  const last = isoDate(year, month, daysInMonth(year, month));
  return addDays(last, -((isoWeekday(last) + 6) % 7));
}

/**
 * Fixed-date holidays that fall at a weekend move to the next weekday not already a holiday.
 * Those already on a weekday keep their day first, which is why Christmas on a Sunday gives
 * Boxing Day on Monday 26th and the Christmas substitute on Tuesday 27th.
 */
function withSubstitutes(fixed: readonly BankHoliday[]): BankHoliday[] {
  const taken = new Set(fixed.filter((h) => !isWeekend(h.date)).map((h) => h.date));
  return fixed.map((holiday) => {
    if (!isWeekend(holiday.date)) return holiday;
    let date = holiday.date;
    while (isWeekend(date) || taken.has(date)) date = addDays(date, 1);
    taken.add(date);
    return { date, name: `${holiday.name} (substitute day)` };
  });
}

function standingRules(year: number): BankHoliday[] {
  const easter = easterSunday(year);
  return [
    ...withSubstitutes([{ date: isoDate(year, 1, 1), name: 'New Year’s Day' }]),
    { date: addDays(easter, -2), name: 'Good Friday' },
    { date: addDays(easter, 1), name: 'Easter Monday' },
    { date: firstMonday(year, 5), name: 'Early May bank holiday' },
    { date: lastMonday(year, 5), name: 'Spring bank holiday' },
    { date: lastMonday(year, 8), name: 'Summer bank holiday' },
    ...withSubstitutes([
      { date: isoDate(year, 12, 25), name: 'Christmas Day' },
      { date: isoDate(year, 12, 26), name: 'Boxing Day' },
    ]),
  ];
}

function applyChanges(year: number, holidays: BankHoliday[]): BankHoliday[] {
  const result = [...holidays];
  for (const change of BANK_HOLIDAY_CHANGES) {
    if (change.kind === 'added') {
      if (parts(change.date).year === year) result.push({ date: change.date, name: change.name });
      continue;
    }
    if (parts(change.from).year !== year) continue;
    const index = result.findIndex((h) => h.date === change.from && h.name === change.name);
    // A row that no longer matches the rules would silently give two holidays; fail loudly.
    if (index < 0) throw new Error(`Bank holiday change does not match the rules: ${change.name} on ${change.from}`);
    result[index] = { date: change.to, name: change.name };
  }
  return result.sort((x, y) => x.date.localeCompare(y.date));
}

const byYear = new Map<number, readonly BankHoliday[]>();
const datesByYear = new Map<number, ReadonlySet<string>>();

/** The bank holidays of `year` in England and Wales, in date order. */
export function bankHolidays(year: number): readonly BankHoliday[] {
  assertWholeNumber(year, 'year', FIRST_BANK_HOLIDAY_YEAR);
  let holidays = byYear.get(year);
  if (!holidays) {
    holidays = Object.freeze(applyChanges(year, standingRules(year)).map((h) => Object.freeze(h)));
    byYear.set(year, holidays);
  }
  return holidays;
}

export function isBankHoliday(date: string): boolean {
  assertIsoDate(date, 'date');
  const { year } = parts(date);
  let dates = datesByYear.get(year);
  if (!dates) {
    dates = new Set(bankHolidays(year).map((h) => h.date));
    datesByYear.set(year, dates);
  }
  return dates.has(date);
}
