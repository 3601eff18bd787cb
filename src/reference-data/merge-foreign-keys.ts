import { sql } from 'kysely';
import type { Executor } from '../db/executor.ts';

/** A single-column foreign key pointing at a reference table. */
export interface ReferencingColumn {
  schema: string;
  table: string;
  column: string;
}

export interface ReferenceCount {
  table: string;
  column: string;
  rows: number;
}

/*
 * Tables added later (comments naming a decision maker, subscriptions to a committee…) must
 * follow a merge too, or deleting the duplicate would either fail or, with ON DELETE CASCADE,
 * silently take their rows with it. The catalogue says which columns point at a table, so a
 * merge never depends on this file being updated when someone adds one.
 */
export async function columnsReferencing(db: Executor, table: string): Promise<ReferencingColumn[]> {
  const { rows } = await sql<ReferencingColumn>`
    SELECT n.nspname AS schema, r.relname AS table, a.attname AS column
    FROM pg_constraint c
    JOIN pg_class r ON r.oid = c.conrelid
    JOIN pg_namespace n ON n.oid = r.relnamespace
    JOIN pg_attribute a ON a.attrelid = c.conrelid AND a.attnum = c.conkey[1]
    WHERE c.contype = 'f' AND c.confrelid = to_regclass(${table}) AND cardinality(c.conkey) = 1
    ORDER BY r.relname, a.attname`.execute(db);
  return rows;
}

const target = (ref: ReferencingColumn) => ({ table: sql.id(ref.schema, ref.table), column: sql.id(ref.column) });

/** 'table.column', as `handled` sets name the columns a caller deals with itself. */
export const columnKey = (ref: { table: string; column: string }) => `${ref.table}.${ref.column}`;

/** How many rows of each referencing column (other than `handled`) point at `id`; columns with none left out. */
export async function countReferences(db: Executor, table: string, id: number, handled: ReadonlySet<string>): Promise<ReferenceCount[]> {
  const counts: ReferenceCount[] = [];
  for (const ref of await columnsReferencing(db, table)) {
    if (handled.has(columnKey(ref))) continue;
    const t = target(ref);
    const { rows } = await sql<{ n: number }>`SELECT count(*)::int AS n FROM ${t.table} WHERE ${t.column} = ${id}`.execute(db);
    if (rows[0]!.n > 0) counts.push({ table: ref.table, column: ref.column, rows: rows[0]!.n });
  }
  return counts;
}

/** Points every row of the referencing columns (other than `handled`) at `intoId` instead of `fromId`. */
export async function repointReferences(
  db: Executor,
  table: string,
  fromId: number,
  intoId: number,
  handled: ReadonlySet<string>,
): Promise<ReferenceCount[]> {
  const moved: ReferenceCount[] = [];
  for (const ref of await columnsReferencing(db, table)) {
    if (handled.has(columnKey(ref))) continue;
    const t = target(ref);
    const result = await sql`UPDATE ${t.table} SET ${t.column} = ${intoId} WHERE ${t.column} = ${fromId}`.execute(db);
    const rows = Number(result.numAffectedRows ?? 0);
    if (rows > 0) moved.push({ table: ref.table, column: ref.column, rows });
  }
  return moved;
}

/** A constraint failure during a merge, in words; undefined for any other error. */
export function constraintFailure(error: unknown): { code: 'foreign_key' | 'unique'; table: string } | undefined {
  const e = error as { code?: string; table?: string; constraint?: string };
  const table = e.table ?? e.constraint ?? 'another table';
  if (e.code === '23503') return { code: 'foreign_key', table };
  if (e.code === '23505') return { code: 'unique', table };
  return undefined;
}
