import { sql, type Transaction } from 'kysely';
import { inChunks } from '../db/chunks.ts';
import type { Database } from '../db/database.ts';
import { canonicalReference } from '../decisions/key-reference.ts';
import type { Executor } from '../db/executor.ts';

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

/** Each decision that still has none gets its reference: one statement per thousand. */
export async function giveReferences(db: Executor, given: { decisionId: number; reference: string }[], at: Date): Promise<void> {
  for (const chunk of inChunks(given)) {
    const rows = JSON.stringify(chunk.map(({ decisionId, reference }) => ({ id: decisionId, reference, reference_key: canonicalReference(reference) })));
    await sql`
      UPDATE decisions SET reference = v.reference, reference_key = v.reference_key, updated_at = ${at}
      FROM jsonb_to_recordset(${rows}::jsonb) AS v(id integer, reference text, reference_key text)
      WHERE decisions.id = v.id AND decisions.reference IS NULL`.execute(db);
  }
}

/** A draft becomes planned when it first appears in a published plan. */
export async function markPlanned(db: Executor, decisionIds: number[], at: Date): Promise<void> {
  if (decisionIds.length === 0) return;
  await db
    .updateTable('decisions')
    .set({ status: 'planned', updated_at: at })
    .where(sql<boolean>`id = ANY(${decisionIds}::int[])`)
    .where('status', '=', 'draft')
    .execute();
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
