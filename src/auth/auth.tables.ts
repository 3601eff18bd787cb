import type { ColumnType, Generated } from 'kysely';
import type { DefaultTimestamp, Timestamp } from '../db/column-types.ts';

export type StaffRole = 'editor' | 'publisher' | 'admin';

export interface UserTable {
  id: Generated<number>;
  /** Always lower-case: the unique constraint is then case-insensitive. */
  email: string;
  name: Generated<string>;
  role: StaffRole;
  password_hash: string;
  disabled_at: ColumnType<Date | null, Date | null | undefined, Date | null>;
  created_at: DefaultTimestamp;
  failed_attempts: Generated<number>;
  locked_until: ColumnType<Date | null, Date | null | undefined, Date | null>;
}

export interface SessionTable {
  /** SHA-256 (hex) of the cookie's token; the token itself is never stored. */
  id: string;
  user_id: number;
  created_at: Timestamp;
  last_seen_at: Timestamp;
  expires_at: Timestamp;
  user_agent: Generated<string>;
  ip: Generated<string>;
}

export interface SignInAttemptTable {
  id: Generated<number>;
  client_key: string;
  account_key: string;
  outcome: 'success' | 'failure' | 'locked';
  attempted_at: Timestamp;
}

/** The tables auth/ keeps: staff users, their sessions and sign-in attempts. */
export interface AuthTables {
  users: UserTable;
  sessions: SessionTable;
  sign_in_attempts: SignInAttemptTable;
}
