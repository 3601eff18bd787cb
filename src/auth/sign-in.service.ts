import { createHash } from 'node:crypto';
import type { Db } from '../db/create-db.ts';
import { hashClientAddress } from '../lib/client-key.ts';
import type { Clock } from '../lib/clock.ts';
import { secondsUntilAllowed } from '../lib/rate-limit.ts';
import { ACCOUNT_HISTORY_MS, LIMITS, accountLockState, isLocked } from './lockout.ts';
import { verifyPassword } from './passwords.ts';
import type { StaffUser } from './roles.ts';
import type { SessionService } from './session.service.ts';
import { accountFailuresSince, clientAttemptsSince, deleteAttemptsBefore, recordAttempt } from './sign-in-attempt.repository.ts';
import { findUserByEmail, updateLockMirror } from './user.repository.ts';
import { normaliseEmail } from './user.service.ts';

/** Attempts are kept a day: long enough for every limit, short enough to hold little about anyone. */
const ATTEMPT_RETENTION_MS = 24 * 3_600_000;

export type SignInResult =
  | { outcome: 'signed-in'; user: StaffUser; token: string }
  /** Unknown email, wrong password or disabled account: deliberately indistinguishable. */
  | { outcome: 'refused' }
  | { outcome: 'locked'; minutesLeft: number }
  | { outcome: 'throttled'; retryAfterSeconds: number };

export interface SignInRequest {
  email: string;
  password: string;
  /** The client's address: its HMAC keys the per-client limit; the session records it as it is. */
  clientAddress: string;
  userAgent: string;
}

export type SignInService = ReturnType<typeof createSignInService>;

export function createSignInService(db: Db, clock: Clock, sessions: SessionService, secretKey: string) {
  return {
    async attempt(request: SignInRequest): Promise<SignInResult> {
      const now = clock.now();
      const clientKey = hashClientAddress(secretKey, request.clientAddress);
      const recent = await clientAttemptsSince(db, clientKey, new Date(now.getTime() - LIMITS.clientWindowMs));
      const retryAfterSeconds = secondsUntilAllowed(recent, { max: LIMITS.clientMaxAttempts, windowMs: LIMITS.clientWindowMs }, now);
      if (retryAfterSeconds > 0) return { outcome: 'throttled', retryAfterSeconds };

      const email = normaliseEmail(request.email);
      const accountKey = createHash('sha256').update(email).digest('hex');
      const user = await findUserByEmail(db, email);
      const failures = await accountFailuresSince(db, accountKey, new Date(now.getTime() - ACCOUNT_HISTORY_MS));
      const before = accountLockState(failures);
      const usable = user && user.disabled_at === null ? user : undefined;

      // The password is checked even when the answer is already known, so every refusal takes as long.
      const matches = await verifyPassword(usable?.password_hash, request.password);
      const record = (outcome: 'success' | 'failure' | 'locked') => recordAttempt(db, { clientKey, accountKey, outcome, at: now });
      await deleteAttemptsBefore(db, new Date(now.getTime() - ATTEMPT_RETENTION_MS));

      if (isLocked(before, now)) {
        await record('locked');
        return { outcome: 'locked', minutesLeft: Math.ceil((before.lockedUntil!.getTime() - now.getTime()) / 60_000) };
      }
      if (!usable || !matches) {
        await record('failure');
        const after = accountLockState([...failures, now]);
        // By email, so an unknown address runs the same (empty) update as a known one.
        await updateLockMirror(db, email, after);
        if (isLocked(after, now)) return { outcome: 'locked', minutesLeft: Math.ceil(LIMITS.lockMs / 60_000) };
        return { outcome: 'refused' };
      }

      await record('success');
      await updateLockMirror(db, email, { failedAttempts: 0, lockedUntil: null });
      await sessions.purgeEnded();
      const token = await sessions.start(usable.id, { userAgent: request.userAgent, ip: request.clientAddress });
      return { outcome: 'signed-in', user: { id: usable.id, email: usable.email, name: usable.name, role: usable.role }, token };
    },
  };
}
