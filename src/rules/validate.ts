/*
 * Argument checks shared by the notice rules. The rules are called with values that came from
 * forms, the import and the database, so a bad value must fail with a message naming it rather
 * than produce a plausible but wrong date.
 */
import { isIsoDate } from '../lib/dates.ts';

export function assertIsoDate(value: string, name: string): void {
  if (typeof value !== 'string' || !isIsoDate(value)) {
    throw new RangeError(`${name} must be a date written YYYY-MM-DD, not ${JSON.stringify(value)}`);
  }
}

export function assertWholeNumber(value: number, name: string, minimum: number): void {
  if (!Number.isSafeInteger(value) || value < minimum) {
    throw new RangeError(`${name} must be a whole number of at least ${minimum}, not ${String(value)}`);
  }
}
