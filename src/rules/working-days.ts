/*
 * Working days: Monday to Friday except England and Wales bank holidays. Used where the council
 * counts in working days (response times to comments) and to move a lawful date that falls on a
 * weekend or holiday to the day the council actually sits.
 */
import { addDays, isoWeekday } from '../lib/dates.ts';
import { isBankHoliday } from './bank-holidays.ts';
import { assertIsoDate, assertWholeNumber } from './validate.ts';

export function isWorkingDay(date: string): boolean {
  assertIsoDate(date, 'date');
  return isoWeekday(date) <= 5 && !isBankHoliday(date);
}

export function nextWorkingDayOnOrAfter(date: string): string {
  let day = date;
  while (!isWorkingDay(day)) day = addDays(day, 1);
  return day;
}

/**
 * The date `n` working days after `date` (before it when `n` is negative). The start day is
 * never counted, so one working day after a Friday is the Monday, and after the Saturday too.
 * `n = 0` gives `date` back unchanged, even when it is not a working day.
 */
export function addWorkingDays(date: string, n: number): string {
  assertIsoDate(date, 'date');
  assertWholeNumber(Math.abs(n), 'n (ignoring its sign)', 0);
  const step = n < 0 ? -1 : 1;
  let remaining = Math.abs(n);
  let day = date;
  while (remaining > 0) {
    day = addDays(day, step);
    if (isWorkingDay(day)) remaining -= 1;
  }
  return day;
}

/**
 * Working days that have passed from `from` to `to`: those after `from` up to and including
 * `to`, so that `workingDaysBetween(d, addWorkingDays(d, n)) === n` for any n >= 0. A comment
 * received on a Friday has been waiting one working day on the Monday. Negative when `to` is
 * earlier than `from`.
 */
export function workingDaysBetween(from: string, to: string): number {
  assertIsoDate(from, 'from');
  assertIsoDate(to, 'to');
  if (to < from) return -workingDaysBetween(to, from);
  let count = 0;
  for (let day = addDays(from, 1); day <= to; day = addDays(day, 1)) {
    if (isWorkingDay(day)) count += 1;
  }
  return count;
}
