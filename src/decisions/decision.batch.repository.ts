/*
 * The writes of decision.write.repository.ts for many decisions at once, a few statements for a
 * whole plan instead of several per entry. Multi-row statements are chunked (see inChunks).
 */
import { sql, type Insertable, type Updateable } from 'kysely';
import { inChunks } from '../db/chunks.ts';
import type { DecisionEventKind, DecisionTable } from './decisions.tables.ts';
import type { Executor } from '../db/executor.ts';

/** The existing decisions a plan's rows may name: by reference key, or (unreferenced ones) by lower-cased title. */
export async function decisionsForImport(db: Executor, referenceKeys: string[], lowerTitles: string[]) {
  const byKey = [];
  for (const keys of inChunks(referenceKeys, 5000)) {
    byKey.push(...(await db.selectFrom('decisions').selectAll().where(sql<boolean>`reference_key = ANY(${keys}::text[])`).execute()));
  }
  const byTitle = [];
  for (const titles of inChunks(lowerTitles, 5000)) {
    byTitle.push(
      ...(await db
        .selectFrom('decisions')
        .selectAll()
        .select(sql<string>`lower(title)`.as('title_key'))
        .where('reference_key', 'is', null)
        .where(sql<boolean>`lower(title) = ANY(${titles}::text[])`)
        .execute()),
    );
  }
  return { byKey, byTitle };
}

/** The database's lower() of each text, in order: the one the title lookups compare with. */
export async function lowerCased(db: Executor, texts: string[]): Promise<string[]> {
  if (texts.length === 0) return [];
  const { rows } = await sql<{ lowered: string }>`
    SELECT lower(t) AS lowered FROM unnest(${texts}::text[]) WITH ORDINALITY AS u(t, n) ORDER BY n`.execute(db);
  return rows.map((r) => r.lowered);
}

/** Ids in the order of `values`: PostgreSQL numbers and returns a multi-row INSERT's rows in the order given. */
export async function insertDecisions(db: Executor, values: Insertable<DecisionTable>[]): Promise<number[]> {
  const ids: number[] = [];
  for (const chunk of inChunks(values)) {
    const rows = await db.insertInto('decisions').values(chunk).returning('id').execute();
    ids.push(...rows.map((r) => r.id));
  }
  return ids;
}

const COLUMN_TYPES: Partial<Record<keyof DecisionTable, string>> = {
  reference: 'text', reference_key: 'text', title: 'text', description: 'text', part: 'text', status: 'text',
  decision_maker_id: 'integer', portfolio_id: 'integer', expected_date: 'date', expected_precision: 'text',
  expected_date_text: 'text', expected_date_note: 'text', ward_scope: 'text', wards_text: 'text', consultation: 'text',
  contacts: 'text', directorate_id: 'integer', documents: 'text', exempt_paragraph: 'smallint', is_key: 'boolean',
  updated_at: 'timestamptz',
};

/** Sets the same columns of many decisions, each to its own values, in one statement per chunk. */
export async function updateDecisions(db: Executor, updates: { id: number; values: Updateable<DecisionTable> }[]): Promise<void> {
  if (updates.length === 0) return;
  const columns = Object.keys(updates[0]!.values) as (keyof DecisionTable)[];
  const shape = [...columns].sort().join();
  for (const { values } of updates) {
    // A column missing from one row would be set to NULL for it.
    if (Object.keys(values).sort().join() !== shape) throw new Error('updateDecisions: every update must set the same columns');
  }
  const types = columns.map((column) => {
    const type = COLUMN_TYPES[column];
    if (!type) throw new Error(`updateDecisions: no SQL type known for ${column}`);
    return sql`${sql.ref(column)} ${sql.raw(type)}`;
  });
  for (const chunk of inChunks(updates)) {
    const rows = JSON.stringify(chunk.map(({ id, values }) => ({ ...values, id })));
    await sql`
      UPDATE decisions SET ${sql.join(columns.map((column) => sql`${sql.ref(column)} = ${sql.ref(`v.${column}`)}`))}
      FROM jsonb_to_recordset(${rows}::jsonb) AS v(id integer, ${sql.join(types)})
      WHERE decisions.id = v.id`.execute(db);
  }
}

/** Each decision's committees become exactly `committeeIds`, in that order. */
export async function replaceCommitteesOf(db: Executor, links: { decisionId: number; committeeIds: number[] }[]): Promise<void> {
  await deleteLinks(db, 'decision_committees', links.map((l) => l.decisionId));
  const rows = links.flatMap(({ decisionId, committeeIds }) =>
    committeeIds.map((committee_id, position) => ({ decision_id: decisionId, committee_id, position })),
  );
  for (const chunk of inChunks(rows)) await db.insertInto('decision_committees').values(chunk).execute();
}

/** Each decision's wards become exactly `wardIds`. */
export async function replaceWardsOf(db: Executor, links: { decisionId: number; wardIds: number[] }[]): Promise<void> {
  await deleteLinks(db, 'decision_wards', links.map((l) => l.decisionId));
  const rows = links.flatMap(({ decisionId, wardIds }) => wardIds.map((ward_id) => ({ decision_id: decisionId, ward_id })));
  for (const chunk of inChunks(rows)) await db.insertInto('decision_wards').values(chunk).execute();
}

async function deleteLinks(db: Executor, table: 'decision_committees' | 'decision_wards', decisionIds: number[]): Promise<void> {
  for (const ids of inChunks(decisionIds, 5000)) {
    await db.deleteFrom(table).where(sql<boolean>`decision_id = ANY(${ids}::int[])`).execute();
  }
}

export interface NewDecisionEvent {
  decisionId: number;
  kind: DecisionEventKind;
  occurredAt: Date;
  planId?: number | null;
  details?: Record<string, unknown>;
}

/** Ids in the order of `events`. */
export async function insertDecisionEvents(db: Executor, events: NewDecisionEvent[]): Promise<number[]> {
  const ids: number[] = [];
  for (const chunk of inChunks(events)) {
    const rows = await db
      .insertInto('decision_events')
      .values(
        chunk.map((event) => ({
          decision_id: event.decisionId,
          kind: event.kind,
          occurred_at: event.occurredAt,
          plan_id: event.planId ?? null,
          details: JSON.stringify(event.details ?? {}),
        })),
      )
      .returning('id')
      .execute();
    ids.push(...rows.map((r) => Number(r.id)));
  }
  return ids;
}
