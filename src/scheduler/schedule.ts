import { londonDateOf, londonInstant } from '../lib/clock.ts';
import { addDays, daysBetween, isIsoDate, isoWeekday } from '../lib/dates.ts';

/**
 * When a job is due. Slots are instants; wall-clock schedules are read in Europe/London, so a
 * 09:00 job runs at 09:00Z in winter and 08:00Z in summer.
 */
export interface Schedule {
  /** For logs and the staff page, e.g. "daily at 09:00 (Europe/London)". */
  readonly description: string;
  /** The most recent slot at or before `instant`; null when the schedule has not begun. */
  latestSlotAtOrBefore(instant: Date): Date | null;
  /** The first slot strictly after `instant`. */
  nextSlotAfter(instant: Date): Date;
}

const MINUTE_MS = 60_000;
const WALL_TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const WEEKDAYS = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'];

/**
 * Every `n` minutes, counted from 1970-01-01T00:00Z. London is always a whole number of hours
 * from UTC, so when `n` divides 60 the slots fall on the London clock face (:00, :15, :30 …).
 */
export function everyMinutes(n: number): Schedule {
  if (!Number.isInteger(n) || n < 1 || n > 1440) {
    throw new RangeError(`everyMinutes needs a whole number of minutes from 1 to 1440, not ${n}`);
  }
  const period = n * MINUTE_MS;
  return {
    description: n === 1 ? 'every minute' : `every ${n} minutes`,
    latestSlotAtOrBefore: (instant) => new Date(Math.floor(instant.getTime() / period) * period),
    nextSlotAfter: (instant) => new Date((Math.floor(instant.getTime() / period) + 1) * period),
  };
}

/** Every day at `time` ('HH:MM', London wall clock). */
export function dailyAt(time: string): Schedule {
  assertWallTime(time);
  return everyNDaysAt(1, time, null, `daily at ${time} (Europe/London)`);
}

/**
 * Every 14 days at `time` from `anchor` (the first slot, 'YYYY-MM-DD'), which fixes the weekday:
 * anchor 2024-02-23 (a Friday) gives every other Friday. Nothing is due before the anchor.
 */
export function fortnightlyAt(options: { anchor: string; time: string }): Schedule {
  const { anchor, time } = options;
  if (!isIsoDate(anchor)) throw new RangeError(`The fortnightly anchor must be a date as YYYY-MM-DD, not "${anchor}"`);
  assertWallTime(time);
  const weekday = WEEKDAYS[isoWeekday(anchor) - 1];
  return everyNDaysAt(14, time, anchor, `every other ${weekday} at ${time} (Europe/London) from ${anchor}`);
}

function assertWallTime(time: string): void {
  if (!WALL_TIME.test(time)) throw new RangeError(`A time of day must be HH:MM on the 24-hour clock, not "${time}"`);
}

/*
 * The arithmetic is done on London calendar dates, and only the final step turns a date and a
 * time into an instant, so a day that is 23 or 25 hours long never shifts a slot. A time that the
 * clocks skip (01:30 on the last Sunday of March) or repeat (01:30 on the last Sunday of October)
 * resolves, like londonInstant, to the later instant: still exactly one slot that day.
 */
function everyNDaysAt(period: number, time: string, anchor: string | null, description: string): Schedule {
  const slotOn = (date: string) => londonInstant(date, time);
  // The slot date on or before `date`: any day when there is no anchor, else anchor + k·period.
  const slotDateOnOrBefore = (date: string) =>
    anchor === null ? date : addDays(date, -modulo(daysBetween(anchor, date), period));
  const beforeAnchor = (date: string) => anchor !== null && date < anchor;

  return {
    description,
    latestSlotAtOrBefore(instant) {
      let date = slotDateOnOrBefore(londonDateOf(instant));
      if (slotOn(date) > instant) date = addDays(date, -period);
      return beforeAnchor(date) ? null : slotOn(date);
    },
    nextSlotAfter(instant) {
      let date = slotDateOnOrBefore(londonDateOf(instant));
      if (anchor !== null && beforeAnchor(date)) date = anchor;
      while (slotOn(date) <= instant) date = addDays(date, period);
      return slotOn(date);
    },
  };
}

function modulo(value: number, divisor: number): number {
  return ((value % divisor) + divisor) % divisor;
}
