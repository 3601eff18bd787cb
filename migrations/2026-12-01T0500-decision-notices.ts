import { sql, type Kysely } from 'kysely';

// Frozen: never import application code here, never edit once released.
// Regulation 13: the record of an executive decision includes any conflict of interest declared
// by a member of the executive consulted by the decision maker, and any dispensation granted by
// the council's head of paid service in respect of it. Both are published with the decision notice.

export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    ALTER TABLE decision_outcomes
      ADD COLUMN conflicts_of_interest text NOT NULL DEFAULT '' CHECK (length(conflicts_of_interest) <= 10000),
      ADD COLUMN dispensations text NOT NULL DEFAULT '' CHECK (length(dispensations) <= 10000)`.execute(db);
  await sql`
    ALTER TABLE decision_outcomes
      ADD CONSTRAINT decision_outcomes_declarations_when_taken
        CHECK (kind = 'taken' OR (conflicts_of_interest = '' AND dispensations = ''))`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`ALTER TABLE decision_outcomes DROP CONSTRAINT decision_outcomes_declarations_when_taken`.execute(db);
  await sql`ALTER TABLE decision_outcomes DROP COLUMN conflicts_of_interest, DROP COLUMN dispensations`.execute(db);
}
