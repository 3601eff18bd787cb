import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here, never edit once released.

// A line break in an address or subject would let a value smuggle in extra headers.
const ONE_LINE = (column: string) => `CHECK (${column} !~ '[\\r\\n]')`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE outbox_messages (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      to_address text NOT NULL CHECK (to_address ~ '^[^@\\s<>]+@[^@\\s<>]+$'),
      subject text NOT NULL CHECK (btrim(subject) <> '') ${sql.raw(ONE_LINE('subject'))},
      text_body text NOT NULL,
      html_body text,
      headers jsonb NOT NULL DEFAULT '{}' CHECK (jsonb_typeof(headers) = 'object'),
      kind text NOT NULL CHECK (kind ~ '^[a-z0-9]+(-[a-z0-9]+)*$'),
      dedupe_key text UNIQUE CHECK (dedupe_key <> ''),
      status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'sending', 'sent', 'failed')),
      attempts integer NOT NULL DEFAULT 0 CHECK (attempts >= 0),
      next_attempt_at timestamptz,
      lease_until timestamptz,
      last_error text,
      created_at timestamptz NOT NULL DEFAULT now(),
      sent_at timestamptz,
      CHECK ((status = 'sent') = (sent_at IS NOT NULL)),
      CHECK ((status = 'sending') = (lease_until IS NOT NULL))
    )`.execute(db);
  await sql`COMMENT ON COLUMN outbox_messages.next_attempt_at IS
    'NULL until a failed attempt defers the message: a new message is due at once, whatever the clock says'`.execute(db);
  await sql`COMMENT ON COLUMN outbox_messages.lease_until IS
    'A sending message whose lease has passed was claimed by a drain that died; it is claimable again'`.execute(db);

  // The claim query looks for due pending messages, and for sending ones whose lease expired;
  // both sets stay small because sent and failed rows are left out of the indexes.
  await sql`CREATE INDEX outbox_messages_pending ON outbox_messages (next_attempt_at NULLS FIRST, id) WHERE status = 'pending'`.execute(db);
  await sql`CREATE INDEX outbox_messages_leased ON outbox_messages (lease_until) WHERE status = 'sending'`.execute(db);
  // Erasing a person's mail on unsubscribe, and purging old mail, look rows up by these.
  await sql`CREATE INDEX outbox_messages_to_address ON outbox_messages (lower(to_address))`.execute(db);
  await sql`CREATE INDEX outbox_messages_created_at ON outbox_messages (created_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE outbox_messages`.execute(db);
}
