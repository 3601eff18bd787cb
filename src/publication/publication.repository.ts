import { sql, type Transaction } from 'kysely';
import type { Database } from '../db/database.ts';
import { canonicalReference } from '../decisions/reference.ts';
import type { Executor } from '../reference/reference.repository.ts';

/**
 * One publication at a time (per schema, so test suites sharing a server do not wait on each
 * other): a double click or the button racing the CLI queue here, and the second then finds the
 * plan the first recorded. Released when the transaction ends.
 */
export async function lockPublication(trx: Transaction<Database>): Promise<void> {
  await sql`SELECT pg_advisory_xact_lock(hashtext(current_schema() || ':forward-plan-publication'))`.execute(trx);
}

export async function insertPublishedPlan(
  db: Executor,
  values: { publishedOn: string; keyDecisionsFrom: string; publishedBy: number | null },
): Promise<number> {
  const row = await db
    .insertInto('plans')
    .values({ published_on: values.publishedOn, key_decisions_from: values.keyDecisionsFrom, source: 'publication', published_by: values.publishedBy })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function giveReference(db: Executor, decisionId: number, reference: string, at: Date): Promise<void> {
  await db
    .updateTable('decisions')
    .set({ reference, reference_key: canonicalReference(reference), updated_at: at })
    .where('id', '=', decisionId)
    .where('reference', 'is', null)
    .execute();
}

/** A draft becomes planned when it first appears in a published plan. */
export async function markPlanned(db: Executor, decisionIds: number[], at: Date): Promise<void> {
  if (decisionIds.length === 0) return;
  await db.updateTable('decisions').set({ status: 'planned', updated_at: at }).where('id', 'in', decisionIds).where('status', '=', 'draft').execute();
}

/** Active staff who can publish: they receive the schedule's summaries. */
export async function publisherAddresses(db: Executor): Promise<string[]> {
  const rows = await db
    .selectFrom('users')
    .select('email')
    .where('role', 'in', ['publisher', 'admin'])
    .where('disabled_at', 'is', null)
    .orderBy('email')
    .execute();
  return rows.map((r) => r.email);
}
