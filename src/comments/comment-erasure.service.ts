import type { StaffUser } from '../auth/roles.ts';
import type { CommentContext } from './comment-context.ts';
import { addHistory } from './comment-history.repository.ts';
import { monthsBefore } from './comment-retention.ts';
import {
  closedBeforeAndNotErased,
  deleteAcknowledgements,
  eraseContactDetails,
  lockComment,
  withSameEmail,
} from './comment.repository.ts';
import type { Executor } from '../db/executor.ts';
import type { CommentStatus } from './comments.tables.ts';

type Erasable = { id: number; reference: string; status: CommentStatus };

/**
 * Erases the person's name and contact details from comments, with a history row each, and
 * deletes their acknowledgement emails from the outbox. The comment, the response and the
 * history stay: the council keeps the anonymised record.
 */
async function erase(trx: Executor, comments: Erasable[], at: Date, by: { user: StaffUser | null; note: string }): Promise<number> {
  const erased = await eraseContactDetails(trx, comments.map((c) => c.id), at);
  await addHistory(
    trx,
    comments.map((c) => ({
      comment_id: c.id,
      action: 'erased' as const,
      from_status: c.status,
      to_status: c.status,
      actor: by.user ? ('staff' as const) : ('system' as const),
      user_id: by.user?.id ?? null,
      at,
      note: by.note,
    })),
  );
  await deleteAcknowledgements(trx, comments.map((c) => c.reference));
  return erased;
}

export function createErasureService(ctx: CommentContext) {
  const { db, clock, config } = ctx;
  return {
    /** How many other comments share this comment's email address, for the confirmation page. */
    async othersWithSameEmail(id: number): Promise<number> {
      const row = await db.selectFrom('comments').select(['email']).where('id', '=', id).executeTakeFirst();
      if (!row?.email) return 0;
      const same = await db.transaction().execute((trx) => withSameEmail(trx, row.email!));
      return same.filter((c) => c.id !== id).length;
    },

    /** A person's request to erase their data: this comment, and optionally every comment from the same email address. */
    async eraseOnRequest(id: number, options: { sameEmail: boolean }, user: StaffUser): Promise<{ erased: number } | undefined> {
      return db.transaction().execute(async (trx) => {
        const row = await lockComment(trx, id);
        if (!row) return undefined;
        if (row.erased_at) return { erased: 0 };
        const comments: Erasable[] = [row];
        if (options.sameEmail && row.email) {
          for (const other of await withSameEmail(trx, row.email)) if (other.id !== id) comments.push(other);
        }
        const erased = await erase(trx, comments, clock.now(), { user, note: "At the person's request" });
        return { erased };
      });
    },

    /** The daily job: comments closed COMMENT_RETENTION_MONTHS ago or more lose their personal data. */
    async eraseExpired(): Promise<number> {
      const now = clock.now();
      const cutoff = monthsBefore(now, config.commentRetentionMonths);
      return db.transaction().execute(async (trx) => {
        const expired = await closedBeforeAndNotErased(trx, cutoff);
        return erase(trx, expired, now, { user: null, note: `Retention period of ${config.commentRetentionMonths} months after closing ended` });
      });
    },
  };
}

export type ErasureService = ReturnType<typeof createErasureService>;
