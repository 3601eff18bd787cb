import type { Selectable, Transaction } from 'kysely';
import type { Db } from '../db/create-db.ts';
import type { Database } from '../db/database.ts';
import type { OutboxMessageTable } from './mail.tables.ts';
import { assertValidOutgoingMail, type OutgoingMail } from './outgoing-mail.ts';
import type { MailToSend } from './transport.ts';

export type MailExecutor = Db | Transaction<Database>;

/** A message a drain has claimed; `attempts` (this one included) fences the later mark. */
export interface ClaimedMail extends MailToSend {
  kind: string;
  attempts: number;
}

/**
 * Queues a message. Call it with the caller's transaction so the message commits or rolls back
 * with the change that caused it. A dedupe key already in the outbox queues nothing.
 */
export async function enqueueMail(db: MailExecutor, message: OutgoingMail): Promise<{ id: number; queued: boolean }> {
  assertValidOutgoingMail(message);
  const dedupeKey = message.dedupeKey ?? null;
  const inserted = await db
    .insertInto('outbox_messages')
    .values({
      to_address: message.to,
      subject: message.subject,
      text_body: message.text,
      html_body: message.html ?? null,
      headers: JSON.stringify(message.headers ?? {}),
      kind: message.kind,
      dedupe_key: dedupeKey,
    })
    .onConflict((oc) => oc.column('dedupe_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  if (inserted) return { id: inserted.id, queued: true };
  const existing = await db
    .selectFrom('outbox_messages')
    .select('id')
    .where('dedupe_key', '=', dedupeKey as string)
    .executeTakeFirstOrThrow();
  return { id: existing.id, queued: false };
}

/**
 * Claims the oldest due message: a pending one whose retry time has come, or a sending one
 * whose drain died before marking it. SKIP LOCKED lets concurrent drains on other instances
 * take different messages instead of waiting for, or repeating, each other's.
 */
export async function claimNextDueMail(db: Db, now: Date, leaseUntil: Date): Promise<ClaimedMail | undefined> {
  const row = await db
    .updateTable('outbox_messages')
    .set((eb) => ({ status: 'sending', lease_until: leaseUntil, attempts: eb('attempts', '+', 1) }))
    .where('id', '=', (eb) =>
      eb
        .selectFrom('outbox_messages')
        .select('id')
        .where((w) =>
          w.or([
            w.and([
              w('status', '=', 'pending'),
              w.or([w('next_attempt_at', 'is', null), w('next_attempt_at', '<=', now)]),
            ]),
            w.and([w('status', '=', 'sending'), w('lease_until', '<=', now)]),
          ]),
        )
        .orderBy('id')
        .limit(1)
        .forUpdate()
        .skipLocked(),
    )
    .returningAll()
    .executeTakeFirst();
  return row ? toClaimedMail(row) : undefined;
}

function toClaimedMail(row: Selectable<OutboxMessageTable>): ClaimedMail {
  return {
    id: row.id,
    to: row.to_address,
    subject: row.subject,
    text: row.text_body,
    html: row.html_body,
    headers: row.headers,
    kind: row.kind,
    attempts: row.attempts,
  };
}

/** The marks below change nothing (and answer false) if another drain has since re-claimed the message. */
function stillClaimed(db: Db, claimed: ClaimedMail) {
  return db
    .updateTable('outbox_messages')
    .where('id', '=', claimed.id)
    .where('status', '=', 'sending')
    .where('attempts', '=', claimed.attempts);
}

export async function markMailSent(db: Db, claimed: ClaimedMail, sentAt: Date): Promise<boolean> {
  const result = await stillClaimed(db, claimed)
    .set({ status: 'sent', sent_at: sentAt, lease_until: null, last_error: null })
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function markMailForRetry(db: Db, claimed: ClaimedMail, retryAt: Date, error: string): Promise<boolean> {
  const result = await stillClaimed(db, claimed)
    .set({ status: 'pending', next_attempt_at: retryAt, lease_until: null, last_error: error })
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

export async function markMailFailed(db: Db, claimed: ClaimedMail, error: string): Promise<boolean> {
  const result = await stillClaimed(db, claimed)
    .set({ status: 'failed', lease_until: null, last_error: error })
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** Erases every message to one address (unsubscribe, or a request to erase a person's data). */
export async function forgetRecipient(db: MailExecutor, address: string): Promise<number> {
  const result = await db
    .deleteFrom('outbox_messages')
    .where((eb) => eb(eb.fn('lower', ['to_address']), '=', address.toLowerCase()))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}

/** Deletes sent and failed messages queued before `before`: they hold addresses and personal text. */
export async function purgeFinishedMail(db: MailExecutor, before: Date): Promise<number> {
  const result = await db
    .deleteFrom('outbox_messages')
    .where('status', 'in', ['sent', 'failed'])
    .where('created_at', '<', before)
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
