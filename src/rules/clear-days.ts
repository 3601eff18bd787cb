/*
 * "Clear days", as the 2012 Regulations use them: whole days that exclude both the day the notice
 * is given (or the plan published) and the day of the decision. Notice published on the 1st for a
 * decision on the 4th gives two clear days, the 2nd and the 3rd.
 *
 * The Regulations do not say whether weekends and bank holidays count, and councils read them
 * both ways, so the council's settings choose: 'calendar' counts every day (the default, and
 * what the Regulations' plain words give), 'working' counts only working days (Monday to Friday,
 * not England and Wales bank holidays). Either way the notice day and the decision day never count.
 */
import { addDays, daysBetween } from '../lib/dates.ts';
import { addWorkingDays, workingDaysBetween } from './working-days.ts';
import { assertIsoDate, assertWholeNumber } from './validate.ts';

export type ClearDaysMode = 'calendar' | 'working';
export const CLEAR_DAYS_MODES: readonly ClearDaysMode[] = ['calendar', 'working'];

/**
 * The clear days between a notice given on `from` and a decision on `to`. A decision on the same
 * day as the notice, the day after, or earlier still has none, so the result is never negative:
 * callers compare it with a required minimum and a negative count would mean nothing more.
 */
export function clearDaysBetween(from: string, to: string, mode: ClearDaysMode = 'calendar'): number {
  assertIsoDate(from, 'from');
  assertIsoDate(to, 'to');
  assertMode(mode);
  if (daysBetween(from, to) < 2) return 0;
  return mode === 'working' ? workingDaysBetween(from, addDays(to, -1)) : daysBetween(from, to) - 1;
}

/**
 * The first date on which a decision may be taken when `clearDays` clear days must separate it
 * from a notice given on `from`: the notice day itself, then the clear days, then this date
 * (which, counting working days, may itself fall on a weekend: only the days between count).
 */
export function earliestAfterClearDays(from: string, clearDays: number, mode: ClearDaysMode = 'calendar'): string {
  assertIsoDate(from, 'from');
  assertWholeNumber(clearDays, 'clearDays', 0);
  assertMode(mode);
  const lastClearDay = mode === 'working' ? addWorkingDays(from, clearDays) : addDays(from, clearDays);
  return addDays(lastClearDay, 1);
}

/** The last date on which a notice may be given for `clearDays` clear days to pass before a decision on `decisionDate`. */
export function latestNoticeBefore(decisionDate: string, clearDays: number, mode: ClearDaysMode = 'calendar'): string {
  assertIsoDate(decisionDate, 'decisionDate');
  assertWholeNumber(clearDays, 'clearDays', 0);
  assertMode(mode);
  const firstClearDay = mode === 'working' ? addWorkingDays(decisionDate, -clearDays) : addDays(decisionDate, -clearDays);
  return addDays(firstClearDay, -1);
}

/** '28 clear days' or '28 clear working days', as a message states a period. */
export function clearDaysPhrase(clearDays: number, mode: ClearDaysMode = 'calendar'): string {
  return `${clearDays} clear ${mode === 'working' ? 'working ' : ''}day${clearDays === 1 ? '' : 's'}`;
}

function assertMode(mode: ClearDaysMode): void {
  if (!CLEAR_DAYS_MODES.includes(mode)) throw new RangeError(`mode must be 'calendar' or 'working', not ${JSON.stringify(mode)}`);
}
