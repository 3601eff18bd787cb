import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here, never edit once released.

const SLUG = `CHECK (slug ~ '^[a-z0-9]+(-[a-z0-9]+)*$')`;

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    CREATE TABLE council (
      id integer PRIMARY KEY DEFAULT 1 CHECK (id = 1),
      name text NOT NULL CHECK (name <> ''),
      governance_email text NOT NULL DEFAULT '',
      governance_address text NOT NULL DEFAULT '',
      governance_telephone text NOT NULL DEFAULT '',
      website text NOT NULL DEFAULT ''
    )`.execute(db);

  for (const table of ['committees', 'wards', 'directorates']) {
    await sql`
      CREATE TABLE ${sql.table(table)} (
        id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
        slug text NOT NULL UNIQUE ${sql.raw(SLUG)},
        name text NOT NULL CHECK (name <> ''),
        description text NOT NULL DEFAULT '',
        needs_review boolean NOT NULL DEFAULT false,
        created_at timestamptz NOT NULL DEFAULT now()
      )`.execute(db);
  }

  await sql`
    CREATE TABLE decision_makers (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      slug text NOT NULL UNIQUE ${sql.raw(SLUG)},
      kind text NOT NULL CHECK (kind IN ('cabinet', 'member')),
      name text NOT NULL CHECK (name <> ''),
      needs_review boolean NOT NULL DEFAULT false,
      created_at timestamptz NOT NULL DEFAULT now()
    )`.execute(db);
  await sql`CREATE UNIQUE INDEX decision_makers_one_cabinet ON decision_makers (kind) WHERE kind = 'cabinet'`.execute(db);

  await sql`
    CREATE TABLE portfolios (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      decision_maker_id integer NOT NULL REFERENCES decision_makers (id) ON DELETE CASCADE,
      title text NOT NULL CHECK (title <> ''),
      starts_on date,
      ends_on date,
      CHECK (starts_on IS NULL OR ends_on IS NULL OR ends_on >= starts_on)
    )`.execute(db);
  await sql`CREATE INDEX portfolios_decision_maker ON portfolios (decision_maker_id)`.execute(db);

  await sql`
    CREATE TABLE aliases (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      kind text NOT NULL CHECK (kind IN ('committee', 'ward', 'directorate', 'decision_maker')),
      spelling text NOT NULL CHECK (spelling <> ''),
      normalised text NOT NULL CHECK (normalised <> ''),
      committee_id integer REFERENCES committees (id) ON DELETE CASCADE,
      ward_id integer REFERENCES wards (id) ON DELETE CASCADE,
      directorate_id integer REFERENCES directorates (id) ON DELETE CASCADE,
      decision_maker_id integer REFERENCES decision_makers (id) ON DELETE CASCADE,
      UNIQUE (kind, normalised),
      CHECK (num_nonnulls(committee_id, ward_id, directorate_id, decision_maker_id) = 1),
      CHECK ((kind = 'committee') = (committee_id IS NOT NULL)),
      CHECK ((kind = 'ward') = (ward_id IS NOT NULL)),
      CHECK ((kind = 'directorate') = (directorate_id IS NOT NULL)),
      CHECK ((kind = 'decision_maker') = (decision_maker_id IS NOT NULL))
    )`.execute(db);
  for (const column of ['committee_id', 'ward_id', 'directorate_id', 'decision_maker_id']) {
    await sql`CREATE INDEX ${sql.id(`aliases_${column}`)} ON aliases (${sql.ref(column)})`.execute(db);
  }

  await sql`
    CREATE TABLE decisions (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      reference text CHECK (reference <> ''),
      reference_key text UNIQUE,
      title text NOT NULL CHECK (btrim(title) <> ''),
      description text NOT NULL DEFAULT '',
      part text NOT NULL CHECK (part IN ('key', 'private', 'non_key', 'urgent')),
      status text NOT NULL DEFAULT 'draft'
        CHECK (status IN ('draft', 'planned', 'deferred', 'taken', 'withdrawn')),
      decision_maker_id integer NOT NULL REFERENCES decision_makers (id),
      portfolio_id integer REFERENCES portfolios (id) ON DELETE SET NULL,
      expected_date date,
      expected_precision text CHECK (expected_precision IN ('day', 'month')),
      expected_date_text text NOT NULL DEFAULT '',
      expected_date_note text NOT NULL DEFAULT '',
      ward_scope text NOT NULL DEFAULT 'listed' CHECK (ward_scope IN ('all', 'listed', 'none')),
      wards_text text NOT NULL DEFAULT '',
      consultation text NOT NULL DEFAULT '',
      contacts text NOT NULL DEFAULT '',
      directorate_id integer NOT NULL REFERENCES directorates (id),
      documents text NOT NULL DEFAULT '',
      exempt_paragraph smallint CHECK (exempt_paragraph BETWEEN 1 AND 7),
      exemption_reason text NOT NULL DEFAULT '',
      search tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('english', coalesce(reference, '')), 'A') ||
        setweight(to_tsvector('english', title), 'A') ||
        setweight(to_tsvector('english', description), 'B')
      ) STORED,
      created_at timestamptz NOT NULL DEFAULT now(),
      updated_at timestamptz NOT NULL DEFAULT now(),
      CHECK ((reference IS NULL) = (reference_key IS NULL)),
      CHECK ((expected_date IS NULL) = (expected_precision IS NULL)),
      CHECK (expected_precision IS DISTINCT FROM 'month' OR extract(day FROM expected_date) = 1)
    )`.execute(db);
  await sql`CREATE INDEX decisions_search ON decisions USING gin (search)`.execute(db);
  for (const column of ['part', 'status', 'expected_date', 'decision_maker_id', 'directorate_id']) {
    await sql`CREATE INDEX ${sql.id(`decisions_${column}`)} ON decisions (${sql.ref(column)})`.execute(db);
  }
  await sql`CREATE INDEX decisions_title ON decisions (lower(title))`.execute(db);

  await sql`
    CREATE TABLE decision_committees (
      decision_id integer NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
      committee_id integer NOT NULL REFERENCES committees (id),
      position smallint NOT NULL DEFAULT 0,
      PRIMARY KEY (decision_id, committee_id)
    )`.execute(db);
  await sql`CREATE INDEX decision_committees_committee ON decision_committees (committee_id)`.execute(db);
  await sql`
    CREATE TABLE decision_wards (
      decision_id integer NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
      ward_id integer NOT NULL REFERENCES wards (id),
      PRIMARY KEY (decision_id, ward_id)
    )`.execute(db);
  await sql`CREATE INDEX decision_wards_ward ON decision_wards (ward_id)`.execute(db);

  await sql`
    CREATE TABLE plans (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      published_on date NOT NULL UNIQUE,
      key_decisions_from date NOT NULL CHECK (key_decisions_from > published_on),
      source text NOT NULL CHECK (source IN ('import', 'publication')),
      created_at timestamptz NOT NULL DEFAULT now(),
      created_xact text NOT NULL DEFAULT pg_current_xact_id()::text
    )`.execute(db);

  await sql`
    CREATE TABLE plan_entries (
      id integer GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      plan_id integer NOT NULL REFERENCES plans (id),
      decision_id integer NOT NULL REFERENCES decisions (id),
      part text NOT NULL CHECK (part IN ('key', 'private', 'non_key', 'urgent')),
      advertised text NOT NULL CHECK (advertised IN ('new', 'previous')),
      position integer NOT NULL CHECK (position > 0),
      reference text NOT NULL DEFAULT '',
      title text NOT NULL,
      description text NOT NULL,
      decision_maker text NOT NULL,
      expected_date_text text NOT NULL,
      expected_date date,
      expected_precision text CHECK (expected_precision IN ('day', 'month')),
      scrutiny_committee text NOT NULL,
      wards text NOT NULL,
      consultation text NOT NULL,
      contacts text NOT NULL,
      directorate text NOT NULL,
      documents text NOT NULL,
      UNIQUE (plan_id, decision_id),
      UNIQUE (plan_id, part, advertised, position)
    )`.execute(db);
  await sql`CREATE INDEX plan_entries_decision ON plan_entries (decision_id)`.execute(db);

  // A published plan is a permanent public record: the database itself refuses any change,
  // so that no code path (or hand-typed SQL) can rewrite what the council published.
  await sql`
    CREATE FUNCTION refuse_published_plan_change() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      RAISE EXCEPTION 'published plans cannot be changed (% on %)', TG_OP, TG_TABLE_NAME
        USING ERRCODE = 'restrict_violation';
    END $$`.execute(db);
  await sql`
    CREATE FUNCTION refuse_entry_in_earlier_plan() RETURNS trigger LANGUAGE plpgsql AS $$
    BEGIN
      IF (SELECT created_xact FROM plans WHERE id = NEW.plan_id) <> pg_current_xact_id()::text THEN
        RAISE EXCEPTION 'entries can only be added while their plan is being published'
          USING ERRCODE = 'restrict_violation';
      END IF;
      RETURN NEW;
    END $$`.execute(db);
  for (const table of ['plans', 'plan_entries']) {
    await sql`
      CREATE TRIGGER ${sql.id(`${table}_immutable`)} BEFORE UPDATE OR DELETE ON ${sql.table(table)}
      FOR EACH ROW EXECUTE FUNCTION refuse_published_plan_change()`.execute(db);
    await sql`
      CREATE TRIGGER ${sql.id(`${table}_no_truncate`)} BEFORE TRUNCATE ON ${sql.table(table)}
      FOR EACH STATEMENT EXECUTE FUNCTION refuse_published_plan_change()`.execute(db);
  }
  await sql`
    CREATE TRIGGER plan_entries_sealed BEFORE INSERT ON plan_entries
    FOR EACH ROW EXECUTE FUNCTION refuse_entry_in_earlier_plan()`.execute(db);

  // Public events in a decision's life: the source of its public history and of the feeds.
  await sql`
    CREATE TABLE decision_events (
      id bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
      decision_id integer NOT NULL REFERENCES decisions (id) ON DELETE CASCADE,
      kind text NOT NULL CHECK (kind IN
        ('advertised', 'date_changed', 'part_changed', 'deferred', 'taken', 'withdrawn')),
      occurred_at timestamptz NOT NULL,
      plan_id integer REFERENCES plans (id),
      details jsonb NOT NULL DEFAULT '{}'::jsonb
    )`.execute(db);
  await sql`CREATE INDEX decision_events_decision ON decision_events (decision_id, occurred_at)`.execute(db);
  await sql`CREATE INDEX decision_events_recent ON decision_events (occurred_at DESC, id DESC)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'decision_events', 'plan_entries', 'plans', 'decision_wards', 'decision_committees',
    'decisions', 'aliases', 'portfolios', 'decision_makers', 'directorates', 'wards', 'committees',
    'council',
  ]) {
    await sql`DROP TABLE IF EXISTS ${sql.table(table)}`.execute(db);
  }
  await sql`DROP FUNCTION IF EXISTS refuse_published_plan_change()`.execute(db);
  await sql`DROP FUNCTION IF EXISTS refuse_entry_in_earlier_plan()`.execute(db);
}
