/*
 * How often anyone may ask for alerts. Each accepted request sends one confirmation email, so
 * the limits cap the mail one address can be sent by strangers, and the mail one client can
 * make the service send. The same answer whether or not the address already subscribes.
 */

import type { RateLimit } from '../lib/rate-limit.ts';

const HOUR_MS = 3_600_000;

export type RequestLimit = RateLimit;

export const ALERT_REQUEST_LIMITS = {
  perAddress: { max: 3, windowMs: 24 * HOUR_MS },
  perClient: { max: 20, windowMs: HOUR_MS },
} satisfies Record<string, RequestLimit>;

/** The longest window: attempts older than this count for nothing and may be deleted. */
export const ATTEMPT_HISTORY_MS = Math.max(...Object.values(ALERT_REQUEST_LIMITS).map((l) => l.windowMs));

/** Unconfirmed subscriptions, and their confirmation links, last this long. */
export const CONFIRM_WITHIN_DAYS = 7;

/** '… try again in 3 hours': rounded up, so it is never too early. */
export function describeWait(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  if (minutes <= 1) return 'in a minute';
  if (minutes < 60) return `in ${minutes} minutes`;
  const hours = Math.ceil(minutes / 60);
  return hours === 1 ? 'in an hour' : `in ${hours} hours`;
}
