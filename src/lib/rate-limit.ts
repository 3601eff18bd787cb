/*
 * The one sliding-window rate limit, used by sign-in, alert requests and the comment form: each
 * keeps its attempts in its own table and its own numbers, and asks this how long to wait.
 */

export interface RateLimit {
  max: number;
  windowMs: number;
}

/**
 * Seconds until one more attempt fits in the limit, given those already made inside its window;
 * 0 when it fits now, and never 0 while over it. The window slides: room opens as the attempt
 * that filled it leaves the window.
 */
export function secondsUntilAllowed(attemptsInWindow: readonly Date[], limit: RateLimit, now: Date): number {
  if (attemptsInWindow.length < limit.max) return 0;
  const sorted = attemptsInWindow.map((d) => d.getTime()).sort((a, b) => a - b);
  const freeAt = sorted[sorted.length - limit.max]! + limit.windowMs;
  return Math.max(1, Math.ceil((freeAt - now.getTime()) / 1000));
}
