import type { Insertable } from 'kysely';
import type { CommentHistoryTable } from './comments.tables.ts';
import type { Executor } from '../db/executor.ts';

export type NewHistoryRow = Insertable<CommentHistoryTable>;

export async function addHistory(db: Executor, rows: NewHistoryRow | NewHistoryRow[]): Promise<void> {
  const list = Array.isArray(rows) ? rows : [rows];
  if (list.length > 0) await db.insertInto('comment_history').values(list).execute();
}

export async function historyFor(db: Executor, commentId: number) {
  return db
    .selectFrom('comment_history as h')
    .leftJoin('users as u', 'u.id', 'h.user_id')
    .select(['h.id', 'h.action', 'h.from_status', 'h.to_status', 'h.actor', 'h.at', 'h.note', 'u.name as user_name', 'u.email as user_email'])
    .where('h.comment_id', '=', commentId)
    .orderBy('h.at')
    .orderBy('h.id')
    .execute();
}

export type HistoryRow = Awaited<ReturnType<typeof historyFor>>[number];
