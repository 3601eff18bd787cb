import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here, never edit once released.
// Residents' comments and queries on the Forward Plan, the record of how governance staff
// routed and answered each one, and the per-client count behind the form's rate limit.

export async function up(db: Kysely<any>): Promise<void> {
  // The number in a reference (FPC-2024-000123); the year is the year it was received.
  await sql`CREATE SEQUENCE comment_reference_seq`.execute(db);

  // name, email, telephone and address are personal data: nulled (and erased_at set) when the
  // retention period after closing runs out, or on request. The comment and response stay.
  await sql`
    CREATE TABLE comments (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      reference text NOT NULL UNIQUE CHECK (reference ~ '^FPC-[0-9]{4}-[0-9]{6,}$'),
      decision_id integer REFERENCES decisions (id),
      body text NOT NULL CHECK (btrim(body) <> '' AND length(body) <= 5000),
      name text CHECK (btrim(name) <> '' AND length(name) <= 200),
      email text CHECK (email ~ '^[^@\\s]+@[^@\\s]+$' AND length(email) <= 254),
      telephone text CHECK (btrim(telephone) <> '' AND length(telephone) <= 40),
      address text CHECK (btrim(address) <> '' AND length(address) <= 500),
      requested_responder_id integer REFERENCES decision_makers (id),
      status text NOT NULL DEFAULT 'received' CHECK (status IN ('received', 'referred', 'responded', 'closed')),
      referred_to_id integer REFERENCES decision_makers (id),
      referred_at timestamptz,
      response text CHECK (btrim(response) <> '' AND length(response) <= 10000),
      response_method text CHECK (response_method IN ('email', 'letter', 'telephone', 'in_person', 'other')),
      responded_at timestamptz,
      received_at timestamptz NOT NULL,
      updated_at timestamptz NOT NULL,
      closed_at timestamptz,
      erased_at timestamptz,
      CONSTRAINT comments_contact_until_erased
        CHECK (erased_at IS NOT NULL OR (name IS NOT NULL AND num_nonnulls(email, telephone, address) >= 1)),
      CONSTRAINT comments_nothing_personal_after_erasure
        CHECK (erased_at IS NULL OR num_nonnulls(name, email, telephone, address) = 0),
      CONSTRAINT comments_referral_complete CHECK ((referred_to_id IS NULL) = (referred_at IS NULL)),
      CONSTRAINT comments_referred_has_member CHECK (status <> 'referred' OR referred_to_id IS NOT NULL),
      CONSTRAINT comments_response_complete
        CHECK (num_nonnulls(response, response_method, responded_at) IN (0, 3)),
      CONSTRAINT comments_responded_has_response CHECK (status <> 'responded' OR response IS NOT NULL),
      CONSTRAINT comments_closed_when CHECK ((status = 'closed') = (closed_at IS NOT NULL))
    )`.execute(db);
  await sql`CREATE INDEX comments_received ON comments (received_at DESC, id DESC)`.execute(db);
  await sql`CREATE INDEX comments_decision ON comments (decision_id)`.execute(db);
  await sql`CREATE INDEX comments_open ON comments (status) WHERE status IN ('received', 'referred')`.execute(db);
  await sql`CREATE INDEX comments_retention ON comments (closed_at) WHERE erased_at IS NULL AND closed_at IS NOT NULL`.execute(db);
  await sql`CREATE INDEX comments_email ON comments (lower(email)) WHERE email IS NOT NULL`.execute(db);
  await sql`CREATE INDEX comments_requested_responder ON comments (requested_responder_id)`.execute(db);
  await sql`CREATE INDEX comments_referred_to ON comments (referred_to_id)`.execute(db);

  // Who did what to a comment and when. Append-only; a Cabinet Member is named in the note as
  // they were named then, so merging decision makers never has to rewrite history.
  await sql`
    CREATE TABLE comment_history (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      comment_id integer NOT NULL REFERENCES comments (id),
      action text NOT NULL CHECK (action IN ('received', 'referred', 'responded', 'closed', 'erased')),
      from_status text CHECK (from_status IN ('received', 'referred', 'responded', 'closed')),
      to_status text NOT NULL CHECK (to_status IN ('received', 'referred', 'responded', 'closed')),
      user_id integer REFERENCES users (id),
      actor text NOT NULL CHECK (actor IN ('public', 'staff', 'system')),
      at timestamptz NOT NULL,
      note text NOT NULL DEFAULT '' CHECK (length(note) <= 2000),
      CHECK ((actor = 'staff') = (user_id IS NOT NULL)),
      CHECK ((action = 'received') = (from_status IS NULL))
    )`.execute(db);
  await sql`CREATE INDEX comment_history_comment ON comment_history (comment_id, at, id)`.execute(db);
  await sql`CREATE INDEX comment_history_user ON comment_history (user_id)`.execute(db);
  await sql`
    CREATE FUNCTION refuse_comment_history_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'comment history cannot be changed (% on %)', TG_OP, TG_TABLE_NAME USING ERRCODE = 'restrict_violation';
    END $$`.execute(db);
  await sql`
    CREATE TRIGGER comment_history_append_only BEFORE UPDATE OR DELETE ON comment_history
    FOR EACH ROW EXECUTE FUNCTION refuse_comment_history_change()`.execute(db);

  // client_key is an HMAC of the client's address, so the table holds no IP addresses.
  await sql`
    CREATE TABLE comment_submission_attempts (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      client_key text NOT NULL CHECK (client_key ~ '^[0-9a-f]{64}$'),
      outcome text NOT NULL CHECK (outcome IN ('accepted', 'spam')),
      attempted_at timestamptz NOT NULL
    )`.execute(db);
  await sql`CREATE INDEX comment_submission_attempts_client ON comment_submission_attempts (client_key, attempted_at)`.execute(db);
  await sql`CREATE INDEX comment_submission_attempts_at ON comment_submission_attempts (attempted_at)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP TABLE comment_submission_attempts`.execute(db);
  await sql`DROP TABLE comment_history`.execute(db);
  await sql`DROP FUNCTION refuse_comment_history_change()`.execute(db);
  await sql`DROP TABLE comments`.execute(db);
  await sql`DROP SEQUENCE comment_reference_seq`.execute(db);
}
