import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here, never edit once released.

const HEX_SHA256 = (column: string) => sql.raw(`CHECK (${column} ~ '^[0-9a-f]{64}$')`);
// The hash other tables use to refer to an address without holding it in clear.
const ADDRESS_HASH_OF_EMAIL = sql.raw(`CHECK (address_hash = encode(sha256(convert_to(email, 'UTF8')), 'hex'))`);

export async function up(db: Kysely<any>): Promise<void> {
  // Email addresses are personal data: kept here only, lower-cased so one address is one key,
  // and only for sending alerts. Tokens are stored as SHA-256 hashes: a copy of this table
  // neither confirms nor unsubscribes anybody.
  await sql`
    CREATE TABLE alert_subscriptions (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      email text NOT NULL CHECK (email = lower(email) AND email ~ '^[^@\\s<>]+@[^@\\s<>]+$' AND length(email) <= 254),
      address_hash text NOT NULL ${ADDRESS_HASH_OF_EMAIL},
      filters jsonb NOT NULL CHECK (jsonb_typeof(filters) = 'object'),
      confirm_token_hash text NOT NULL UNIQUE ${HEX_SHA256('confirm_token_hash')},
      created_at timestamptz NOT NULL,
      confirmed_at timestamptz,
      expires_at timestamptz,
      CONSTRAINT alert_subscriptions_one_per_scope UNIQUE (email, filters),
      CONSTRAINT alert_subscriptions_unconfirmed_expire CHECK ((confirmed_at IS NULL) = (expires_at IS NOT NULL))
    )`.execute(db);
  await sql`COMMENT ON COLUMN alert_subscriptions.filters IS
    'The filters of /decisions, normalised (sorted, empty ones left out) so one scope has one spelling'`.execute(db);
  await sql`COMMENT ON COLUMN alert_subscriptions.expires_at IS
    'Unconfirmed subscriptions only: after this the confirmation link is dead and a daily job deletes the row'`.execute(db);
  await sql`CREATE INDEX alert_subscriptions_address ON alert_subscriptions (address_hash)`.execute(db);
  await sql`CREATE INDEX alert_subscriptions_expires_at ON alert_subscriptions (expires_at) WHERE expires_at IS NOT NULL`.execute(db);

  // Every alert carries a fresh manage/unsubscribe token (only its hash is kept), so the links in
  // older alerts keep working without any token being stored in a recoverable form.
  await sql`
    CREATE TABLE alert_manage_tokens (
      token_hash text PRIMARY KEY ${HEX_SHA256('token_hash')},
      address_hash text NOT NULL ${HEX_SHA256('address_hash')},
      created_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX alert_manage_tokens_address ON alert_manage_tokens (address_hash)`.execute(db);
  await sql`CREATE INDEX alert_manage_tokens_created_at ON alert_manage_tokens (created_at)`.execute(db);

  // Which events each address has been told about: the primary key makes "never the same event
  // twice" a rule of the schema, even for callers that queue overlapping occasions concurrently.
  await sql`
    CREATE TABLE alert_notified_events (
      address_hash text NOT NULL ${HEX_SHA256('address_hash')},
      event_id bigint NOT NULL REFERENCES decision_events (id) ON DELETE CASCADE,
      notified_at timestamptz NOT NULL,
      PRIMARY KEY (address_hash, event_id)
    )`.execute(db);
  await sql`CREATE INDEX alert_notified_events_event ON alert_notified_events (event_id)`.execute(db);
  await sql`CREATE INDEX alert_notified_events_notified_at ON alert_notified_events (notified_at)`.execute(db);

  // Subscription requests, for the rate limits. The address is hashed: a mistyped address that
  // never confirms is not kept in clear, and rows are purged once outside every limit's window.
  await sql`
    CREATE TABLE alert_request_attempts (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      address_hash text NOT NULL ${HEX_SHA256('address_hash')},
      client_key text NOT NULL CHECK (client_key <> '' AND length(client_key) <= 100),
      attempted_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX alert_request_attempts_address ON alert_request_attempts (address_hash, attempted_at)`.execute(db);
  await sql`CREATE INDEX alert_request_attempts_client ON alert_request_attempts (client_key, attempted_at)`.execute(db);
  await sql`CREATE INDEX alert_request_attempts_attempted_at ON alert_request_attempts (attempted_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE alert_request_attempts`.execute(db);
  await sql`DROP TABLE alert_notified_events`.execute(db);
  await sql`DROP TABLE alert_manage_tokens`.execute(db);
  await sql`DROP TABLE alert_subscriptions`.execute(db);
}
