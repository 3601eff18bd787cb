import type { Config } from '../config/config.ts';
import type { Db } from '../db/create-db.ts';
import { resolveSecretKey } from '../http/csrf.ts';
import type { Clock } from '../lib/clock.ts';
import { throwawayHash } from './passwords.ts';
import { createSessionService } from './session.service.ts';
import { createSignInService } from './sign-in.service.ts';
import { createUserService } from './user.service.ts';

/** Staff accounts, sessions and signing in: `deps.auth`. */
export function createAuth(config: Pick<Config, 'sessionIdleMinutes' | 'sessionMaxHours' | 'secretKey'>, db: Db, clock: Clock) {
  // Computed ahead, so the first sign-in with an unknown email is not slower than the next ones.
  void throwawayHash();
  const sessions = createSessionService(config, db, clock);
  return {
    users: createUserService(db, clock),
    sessions,
    signIn: createSignInService(db, clock, sessions, resolveSecretKey(config.secretKey)),
  };
}

export type Auth = ReturnType<typeof createAuth>;
