import { createHash, randomBytes } from 'node:crypto';
import type { Config } from '../config/config.ts';
import type { Db } from '../db/create-db.ts';
import type { Clock } from '../lib/clock.ts';
import type { StaffUser } from './roles.ts';
import {
  deleteEndedSessions,
  deleteSession,
  deleteUserSessions,
  findActiveSession,
  insertSession,
  touchSession,
} from './session.repository.ts';

const TOKEN_FORMAT = /^[A-Za-z0-9_-]{43}$/;
/** last_seen_at is written at most this often, so reading pages does not write on every request. */
const TOUCH_INTERVAL_MS = 60_000;

const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export type SessionService = ReturnType<typeof createSessionService>;

/** Server-side sessions: the cookie holds a random 256-bit token; the database holds its hash. */
export function createSessionService(config: Pick<Config, 'sessionIdleMinutes' | 'sessionMaxHours'>, db: Db, clock: Clock) {
  const idleMs = config.sessionIdleMinutes * 60_000;
  const maxMs = config.sessionMaxHours * 3_600_000;

  return {
    /** Starts a session and returns the token for the cookie (the only copy of it). */
    async start(userId: number, client: { userAgent: string; ip: string }): Promise<string> {
      const token = randomBytes(32).toString('base64url');
      const now = clock.now();
      await insertSession(db, {
        id: hashToken(token),
        userId,
        now,
        expiresAt: new Date(now.getTime() + maxMs),
        userAgent: client.userAgent.slice(0, 300),
        ip: client.ip.slice(0, 100),
      });
      return token;
    },

    /** The signed-in user for a cookie's token, or undefined once it has expired, been revoked or the user disabled. */
    async resume(token: string): Promise<StaffUser | undefined> {
      if (!TOKEN_FORMAT.test(token)) return undefined;
      const id = hashToken(token);
      const session = await findActiveSession(db, id);
      if (!session) return undefined;
      const now = clock.now().getTime();
      const lastSeen = new Date(session.last_seen_at).getTime();
      if (now >= new Date(session.expires_at).getTime() || now - lastSeen >= idleMs) {
        await deleteSession(db, id);
        return undefined;
      }
      if (now - lastSeen >= TOUCH_INTERVAL_MS) await touchSession(db, id, new Date(now));
      return { id: session.user_id, email: session.email, name: session.name, role: session.role };
    },

    async end(token: string): Promise<void> {
      if (TOKEN_FORMAT.test(token)) await deleteSession(db, hashToken(token));
    },

    /** Ends every session of a user (on disabling, or a new password); returns how many ended. */
    endAllFor(userId: number): Promise<number> {
      return deleteUserSessions(db, userId);
    },

    async purgeEnded(): Promise<void> {
      const now = clock.now();
      await deleteEndedSessions(db, now, new Date(now.getTime() - idleMs));
    },
  };
}
