import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here, never edit once released.
// A decision recorded as taken on a day the notice rules did not allow, because a publisher
// recorded that it was taken without the required notice: which rules it broke (a private key
// decision can break regulation 5 and regulation 9 at once) and why. Both are public, and the
// report to council (regulation 19) lists them. Outcomes recorded before this have neither.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE decision_outcomes
      ADD COLUMN without_notice_rules text[] NOT NULL DEFAULT '{}',
      ADD COLUMN without_notice_reason text NOT NULL DEFAULT '',
      ADD CONSTRAINT decision_outcomes_without_notice_rules
        CHECK (without_notice_rules <@ ARRAY['regulation-5', 'regulation-9', 'regulation-10', 'regulation-11']::text[]),
      ADD CONSTRAINT decision_outcomes_without_notice_only_taken
        CHECK (kind = 'taken' OR cardinality(without_notice_rules) = 0),
      ADD CONSTRAINT decision_outcomes_without_notice_reasoned
        CHECK ((cardinality(without_notice_rules) = 0) = (btrim(without_notice_reason) = ''))`.execute(db);
  await sql`
    CREATE INDEX decision_outcomes_without_notice ON decision_outcomes (occurred_on)
      WHERE cardinality(without_notice_rules) > 0`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`DROP INDEX IF EXISTS decision_outcomes_without_notice`.execute(db);
  await sql`
    ALTER TABLE decision_outcomes
      DROP CONSTRAINT IF EXISTS decision_outcomes_without_notice_reasoned,
      DROP CONSTRAINT IF EXISTS decision_outcomes_without_notice_only_taken,
      DROP CONSTRAINT IF EXISTS decision_outcomes_without_notice_rules,
      DROP COLUMN IF EXISTS without_notice_reason,
      DROP COLUMN IF EXISTS without_notice_rules`.execute(db);
}
