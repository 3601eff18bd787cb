/*
 * The comment form's rate limit: each accepted comment sends up to two emails, so a client
 * (one address) may send only so many in an hour. Spam caught by the honeypot counts too.
 */

export const RATE_LIMIT_WINDOW_MS = 3_600_000;

/** '1 minute', '12 minutes': how long to wait, as the 429 page says it. */
export function waitDescription(seconds: number): string {
  const minutes = Math.max(1, Math.ceil(seconds / 60));
  return minutes === 1 ? '1 minute' : `${minutes} minutes`;
}
