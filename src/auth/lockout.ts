/*
 * The sign-in limits, as pure rules over the recorded attempts. Both apply to every email
 * typed, whether or not an account has it, so the answers never reveal which accounts exist.
 */
export const LIMITS = {
  /** Failures within `failureWindowMs` that lock an account… */
  maxFailures: 5,
  failureWindowMs: 15 * 60_000,
  /** …for this long. */
  lockMs: 15 * 60_000,
  /** More attempts than this from one client within `clientWindowMs` get 429. */
  clientMaxAttempts: 20,
  clientWindowMs: 15 * 60_000,
};

/** How far back the account rule can look: a lock that is still running began within this. */
export const ACCOUNT_HISTORY_MS = LIMITS.failureWindowMs + LIMITS.lockMs;

export interface AccountLockState {
  /** Failures counted in the current window (0 after a lock starts). */
  failedAttempts: number;
  lockedUntil: Date | null;
}

/**
 * Replays an account's failures, oldest first, since its last successful sign-in: a window
 * opens at a failure and lasts `failureWindowMs`; the `maxFailures`th failure inside it locks
 * the account for `lockMs`. Failures while locked were refused unchecked and do not count.
 */
export function accountLockState(failures: readonly Date[]): AccountLockState {
  let windowStart: number | undefined;
  let count = 0;
  let lockedUntil: number | undefined;
  for (const failure of failures) {
    const at = failure.getTime();
    if (lockedUntil !== undefined && at < lockedUntil) continue;
    if (windowStart === undefined || at - windowStart >= LIMITS.failureWindowMs) {
      windowStart = at;
      count = 0;
    }
    count += 1;
    if (count >= LIMITS.maxFailures) {
      lockedUntil = at + LIMITS.lockMs;
      windowStart = undefined;
      count = 0;
    }
  }
  return { failedAttempts: count, lockedUntil: lockedUntil === undefined ? null : new Date(lockedUntil) };
}

export function isLocked(state: AccountLockState, now: Date): boolean {
  return state.lockedUntil !== null && now < state.lockedUntil;
}
