/*
 * "Clear days", as the 2012 Regulations use them: whole days that exclude both the day the notice
 * is given (or the plan published) and the day of the decision. Notice published on the 1st for a
 * decision on the 4th gives two clear days, the 2nd and the 3rd.
 */
import { addDays, daysBetween } from '../lib/dates.ts';
import { assertIsoDate, assertWholeNumber } from './validate.ts';

/**
 * The clear days between a notice given on `from` and a decision on `to`. A decision on the same
 * day as the notice, the day after, or earlier still has none, so the result is never negative:
 * callers compare it with a required minimum and a negative count would mean nothing more.
 */
export function clearDaysBetween(from: string, to: string): number {
  assertIsoDate(from, 'from');
  assertIsoDate(to, 'to');
  return Math.max(0, daysBetween(from, to) - 1);
}

/**
 * The first date on which a decision may be taken when `clearDays` clear days must separate it
 * from a notice given on `from`: the notice day itself, then the clear days, then this date.
 */
export function earliestAfterClearDays(from: string, clearDays: number): string {
  assertIsoDate(from, 'from');
  assertWholeNumber(clearDays, 'clearDays', 0);
  return addDays(from, clearDays + 1);
}
