import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here, never edit once released.

export async function up(db: Kysely<any>): Promise<void> {
  // Emails are stored lower-cased, so the plain UNIQUE constraint is case-insensitive.
  await sql`
    CREATE TABLE users (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      email text NOT NULL UNIQUE CHECK (email = lower(email) AND email ~ '^[^@\\s]+@[^@\\s]+$' AND length(email) <= 254),
      name text NOT NULL DEFAULT '' CHECK (length(name) <= 100 AND name !~ '[\\r\\n]'),
      role text NOT NULL CHECK (role IN ('editor', 'publisher', 'admin')),
      password_hash text NOT NULL CHECK (password_hash LIKE '$argon2id$%'),
      disabled_at timestamptz,
      created_at timestamptz NOT NULL DEFAULT now(),
      failed_attempts integer NOT NULL DEFAULT 0 CHECK (failed_attempts >= 0),
      locked_until timestamptz
    )`.execute(db);
  await sql`COMMENT ON COLUMN users.failed_attempts IS
    'Mirror of the lock state computed from sign_in_attempts, kept for the admin pages'`.execute(db);

  // The id is the SHA-256 of the cookie's token: a copy of this table signs nobody in.
  await sql`
    CREATE TABLE sessions (
      id text PRIMARY KEY CHECK (id ~ '^[0-9a-f]{64}$'),
      user_id integer NOT NULL REFERENCES users (id) ON DELETE CASCADE,
      created_at timestamptz NOT NULL,
      last_seen_at timestamptz NOT NULL,
      expires_at timestamptz NOT NULL,
      user_agent text NOT NULL DEFAULT '' CHECK (length(user_agent) <= 300),
      ip text NOT NULL DEFAULT '' CHECK (length(ip) <= 100),
      CHECK (last_seen_at >= created_at AND expires_at > created_at)
    )`.execute(db);
  await sql`CREATE INDEX sessions_user ON sessions (user_id)`.execute(db);
  await sql`CREATE INDEX sessions_expires_at ON sessions (expires_at)`.execute(db);

  // account_key is a hash of the typed email, so a password typed into the email box is not kept.
  await sql`
    CREATE TABLE sign_in_attempts (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      client_key text NOT NULL CHECK (client_key <> '' AND length(client_key) <= 100),
      account_key text NOT NULL CHECK (account_key ~ '^[0-9a-f]{64}$'),
      outcome text NOT NULL CHECK (outcome IN ('success', 'failure', 'locked')),
      attempted_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX sign_in_attempts_client ON sign_in_attempts (client_key, attempted_at)`.execute(db);
  await sql`CREATE INDEX sign_in_attempts_account ON sign_in_attempts (account_key, attempted_at)`.execute(db);
  await sql`CREATE INDEX sign_in_attempts_attempted_at ON sign_in_attempts (attempted_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE sign_in_attempts`.execute(db);
  await sql`DROP TABLE sessions`.execute(db);
  await sql`DROP TABLE users`.execute(db);
}
